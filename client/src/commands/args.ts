// What a command was invoked with: a History item, a Connections item, a project id (from another
// command or a welcome link), or nothing (the Command Palette).
import type { ClientContext } from '../context';
import type { ResolvedConnection } from '../model/connections';

export interface RevisionArg {
  projectId: string;
  revision: string;
}

function record(arg: unknown): Record<string, unknown> | undefined {
  return typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : undefined;
}

export function revisionArg(arg: unknown): RevisionArg | undefined {
  const r = record(arg);
  return r && typeof r.projectId === 'string' && typeof r.revision === 'string' ? { projectId: r.projectId, revision: r.revision } : undefined;
}

export function projectIdArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const r = record(arg);
  return r && typeof r.projectId === 'string' ? r.projectId : undefined;
}

export function connectionArg(ctx: ClientContext, arg: unknown): ResolvedConnection | undefined {
  const r = record(arg);
  const key = r && typeof r.connectionKey === 'string' ? r.connectionKey : typeof arg === 'string' ? arg : undefined;
  return key ? ctx.state.connection(key) : undefined;
}
