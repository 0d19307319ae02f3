// Asks the machine's real Python what compiling each source gives: the SyntaxError (class, message,
// 1-based line and column) or null when it compiles. The engine tests state Python's answers in their
// tables; their live checks ask again through this, so a table cannot drift from Python.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

export interface PythonSyntaxError {
  cls: string;
  msg: string;
  line: number;
  col: number;
}

/** Why the live checks are skipped here (no Python outside CI), or false: they run (on CI, always). */
export const noPythonReason: string | false = !existsSync(PYTHON) && !process.env.CI && `no ${PYTHON}`;

const COMPILE_EACH = `
import json, sys
out = []
for src in json.load(sys.stdin):
    try:
        compile(src.encode('utf-8'), 'f.py', 'exec')
        out.append(None)
    except SyntaxError as e:
        out.append({'cls': type(e).__name__, 'msg': e.msg, 'line': e.lineno, 'col': e.offset})
print(json.dumps(out))
`;

/** Compiles each source as a file's UTF-8 bytes, as an import does. Throws when Python cannot run. */
export function compileWithPython(sources: readonly string[]): (PythonSyntaxError | null)[] {
  const run = spawnSync(PYTHON, ['-c', COMPILE_EACH], { input: JSON.stringify(sources), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${PYTHON} failed: ${run.stderr || String(run.error)}`);
  return JSON.parse(run.stdout) as (PythonSyntaxError | null)[];
}
