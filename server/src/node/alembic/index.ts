// Running the real Alembic: interpreter resolution, the runner, the per-connection lock.
export * from './types';
export { runAlembic } from './runner';
export { RunLock } from './runLock';
export { resolveInterpreter, interpreterCandidates, probeInterpreter, describeTried } from './interpreter';
export type { InterpreterQuery, InterpreterResult, InterpreterSource, Tried } from './interpreter';
export { commandArgs, commandTitle, touchesDatabase } from './commandArgs';
export { Redactor, MASK, passwordInUrl } from './redact';
export { findBootstrap } from './bootstrapPath';
