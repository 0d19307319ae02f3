// Interpreter resolution on real processes: fake interpreters (shell scripts) that lack Alembic or
// hang, and links to the real Python with Alembic, on a PATH and in a project venv built per test.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interpreterCandidates, resolveInterpreter } from '../../server/src/node/alembic/interpreter';
import { alembicPython } from './alembic-support';

const found = alembicPython();
const skip = process.platform === 'win32' ? 'shell-script interpreters are POSIX only' : 'skip' in found ? found.skip : undefined;

describe('resolveInterpreter', { skip }, () => {
  const real = 'python' in found ? found.python : '';
  let dir = '';
  const at = (...p: string[]) => join(dir, ...p);
  const script = (path: string, body: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
  };

  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'alembic-interp-')));
    script(at('nobin', 'python3'), `echo "ModuleNotFoundError: No module named 'alembic'" >&2; exit 1`);
    script(at('hang', 'python3'), 'exec /bin/sleep 5');
    mkdirSync(at('good'));
    symlinkSync(real, at('good', 'python3'));
    mkdirSync(at('project', '.venv', 'bin'), { recursive: true });
    symlinkSync(real, at('project', '.venv', 'bin', 'python'));
    mkdirSync(at('empty-project'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('candidates: caller, then the project venv, then every python3 and python on PATH', () => {
    const env = { PATH: [at('nobin'), at('good')].join(':') };
    const list = interpreterCandidates({ callerPath: '/opt/caller/python', projectRoot: at('project'), env });
    assert.deepEqual(
      list.map((c) => [c.source, c.command]),
      [
        ['caller', '/opt/caller/python'],
        ['venv', at('project', '.venv', 'bin', 'python')],
        ['path', at('nobin', 'python3')],
        ['path', at('good', 'python3')],
      ],
    );
  });

  test('the first python3 on PATH lacks Alembic: the next one is used, and the first is reported', async () => {
    const r = await resolveInterpreter({ projectRoot: at('empty-project'), env: { PATH: [at('nobin'), at('good')].join(':') } });
    assert.ok(r.ok, !r.ok ? r.message : '');
    assert.equal(r.python, at('good', 'python3'));
    assert.match(r.alembicVersion, /^\d+\.\d+/);
    assert.equal(r.tried.length, 1);
    assert.match(r.tried[0].reason, /Alembic is not installed there/);
  });

  test('the project venv wins over PATH; the caller’s interpreter wins over the venv', async () => {
    const env = { PATH: at('nobin') };
    const venv = await resolveInterpreter({ projectRoot: at('project'), env });
    assert.ok(venv.ok && venv.source === 'venv', JSON.stringify(venv));
    const caller = await resolveInterpreter({ callerPath: at('good', 'python3'), projectRoot: at('project'), env });
    assert.ok(caller.ok && caller.source === 'caller' && caller.python === at('good', 'python3'), JSON.stringify(caller));
  });

  test('an explicit setting is the only candidate: when it fails, the message names it and the fix', async () => {
    const r = await resolveInterpreter({ setting: at('missing', 'python'), projectRoot: at('project'), env: { PATH: at('good') } });
    assert.ok(!r.ok);
    assert.equal(r.tried.length, 1);
    assert.match(r.message, /missing\/python \(setting alembic\.pythonPath\): not found/);
    assert.match(r.message, /change `alembic\.pythonPath`/);
  });

  test('nothing has Alembic: every candidate is named with its reason, and the fix is given', async () => {
    const r = await resolveInterpreter({ callerPath: at('hang', 'python3'), projectRoot: at('empty-project'), env: { PATH: at('nobin') }, timeoutMs: 400 });
    assert.ok(!r.ok);
    assert.deepEqual(r.tried.map((t) => t.source), ['caller', 'path']);
    assert.match(r.message, /hang\/python3 \(the Python extension’s active interpreter\): did not answer within/);
    assert.match(r.message, /nobin\/python3 \(PATH\): Alembic is not installed there/);
    assert.match(r.message, /install Alembic .*pip install alembic.*alembic\.pythonPath/s);
  });

  test('an empty PATH still tries the bare names and says they were not found', async () => {
    const r = await resolveInterpreter({ projectRoot: at('empty-project'), env: { PATH: at('nowhere') } });
    assert.ok(!r.ok);
    assert.deepEqual(r.tried.map((t) => `${t.command}: ${t.reason}`), ['python3: not found', 'python: not found']);
  });
});
