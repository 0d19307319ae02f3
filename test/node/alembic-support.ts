// Shared by the test/node/alembic-*.test.ts files: fixture copies, extra revision files, running a
// command with everything captured, and comparing a run with the engine's plan. Scratch databases
// are in alembic-databases.ts.
//
// A missing PostgreSQL, MariaDB or Alembic skips the tests that need it with the reason printed,
// except on CI (CI=true), where it is an error: a green CI run must mean "really ran".
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import type { ScratchDb } from './alembic-databases';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateAlembic, REPO_ROOT } from '../helpers/alembic';
import { loadProjectConfig } from '../../server/src/engine/config/config';
import { indexProject } from '../../server/src/engine/project';
import { planDowngrade, planStamp, planUpgrade } from '../../server/src/engine/plan/plan';
import { nodeFs } from '../../server/src/node/nodeFs';
import type { Outcome, Plan, VarValue } from '../../server/src/engine/types';
import { runAlembic } from '../../server/src/node/alembic/runner';
import type { AlembicCommand, OutputLine, RunRequest, RunResult, StepEvent } from '../../server/src/node/alembic/types';

export function missing(what: string, why: string): string {
  if (process.env.CI === 'true') throw new Error(`${what} is required on CI: ${why}`);
  const reason = `${what} unavailable, skipped: ${why}`;
  console.log(`# ${reason}`);
  return reason;
}

/** The Python with Alembic, or a skip reason. */
export function alembicPython(): { python: string } | { skip: string } {
  const found = locateAlembic();
  return 'missing' in found ? { skip: missing('real Alembic', found.missing) } : { python: found.python };
}

export interface ProjectCopy {
  root: string;
  ini: string;
  versions: string;
  dispose(): void;
}

/** A temp copy of test/fixtures/projects/<name>. */
export function copyProject(name: string): ProjectCopy {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `alembic-run-${name}-`)));
  const root = join(dir, name);
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'projects', name), root, { recursive: true });
  return {
    root,
    ini: join(root, 'alembic.ini'),
    versions: join(root, 'migrations', 'versions'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Writes a revision file whose upgrade()/downgrade() bodies are the given Python lines. */
export function addRevision(
  p: ProjectCopy,
  r: { id: string; down: string | null; message: string; upgrade: string[]; downgrade?: string[]; imports?: string[] },
): string {
  const file = join(p.versions, `${r.id}_${r.message.replace(/\W+/g, '_')}.py`);
  const body = (lines: string[]) => (lines.length ? lines.map((l) => `    ${l}`).join('\n') : '    pass');
  writeFileSync(
    file,
    [
      `"""${r.message}\n\nRevision ID: ${r.id}\nRevises: ${r.down ?? ''}\nCreate Date: 2024-01-01 00:00:00.000000\n\n"""`,
      'from alembic import op',
      'import sqlalchemy as sa',
      ...(r.imports ?? []),
      '',
      `revision = '${r.id}'`,
      `down_revision = ${r.down ? `'${r.down}'` : 'None'}`,
      'branch_labels = None',
      'depends_on = None',
      '',
      '',
      'def upgrade():',
      body(r.upgrade),
      '',
      '',
      'def downgrade():',
      body(r.downgrade ?? []),
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * On the linear fixture (a1 -> b2 -> c3): d4d4d4d4d4d4 "broken step", whose upgrade creates table
 * `half` and then raises, to see what a migration failing half-way leaves behind. Returns its file.
 */
export function addBrokenRevision(p: ProjectCopy): string {
  return addRevision(p, {
    id: 'd4d4d4d4d4d4', down: 'c3c3c3c3c3c3', message: 'broken step',
    upgrade: ['op.execute("CREATE TABLE half (id INTEGER)")', 'raise RuntimeError("boom in d4")'],
  });
}

/** The engine's plan for a command on a project copy, from the given rows. */
export function enginePlan(
  p: ProjectCopy,
  command: Planned,
  rows: string[],
): Outcome<Plan> {
  const config = loadProjectConfig(nodeFs, { iniFile: p.ini, cwd: p.root });
  const { map } = indexProject(nodeFs, config);
  if (command.name === 'stamp') return planStamp(map, rows, command.targets, !!command.purge);
  return command.name === 'upgrade' ? planUpgrade(map, rows, command.target) : planDowngrade(map, rows, command.target);
}

/** The plan's version table after the command (throws on an engine error, with its text). */
export function expectedRowsAfter(plan: Outcome<Plan>): string[] {
  if (!plan.ok) throw new Error(`engine plan failed: ${plan.error}`);
  return [...plan.value.versionTableAfter].sort();
}

export interface Captured {
  result: RunResult;
  lines: OutputLine[];
  steps: StepEvent[];
  logs: string[];
  /** Everything that left the run, as one string (to search for a password). */
  everything: string;
}

/** Runs a command on a project copy with real Alembic, capturing every line, step and log entry. */
export async function runOn(python: string, p: ProjectCopy, command: AlembicCommand, opts: Partial<RunRequest> = {}): Promise<Captured> {
  const lines: OutputLine[] = [];
  const steps: StepEvent[] = [];
  const logs: string[] = [];
  const result = await runAlembic({
    python,
    project: { root: p.root, configFile: p.ini },
    command,
    onOutput: (l) => lines.push(l),
    onStep: (s) => steps.push(s),
    log: (l) => logs.push(l),
    ...opts,
  });
  const everything = [JSON.stringify(result), ...lines.map((l) => l.text), ...logs, JSON.stringify(steps)].join('\n');
  return { result, lines, steps, logs, everything };
}

/** Fails with the run's own explanation and output when it did not succeed. */
export function assertOk(c: Captured): void {
  if (!c.result.ok) {
    throw new Error(`${c.result.title} failed: ${c.result.failure?.message}\n${c.result.stderr}`);
  }
}

/** The strings of a parsed `NAME = value` (one for a string, each for a tuple). */
export function strings(v: VarValue | undefined): string[] {
  if (v?.kind === 'str') return [v.lit.value];
  if (v?.kind === 'seq') return v.items.map((i) => i.value);
  return [];
}

/** Each revision runs after its parents and dependencies (upgrade), or before them (downgrade). */
function assertParentsFirst(p: ProjectCopy, order: string[], downgrade: boolean, label: string): void {
  const { map } = indexProject(nodeFs, loadProjectConfig(nodeFs, { iniFile: p.ini, cwd: p.root }));
  const pos = new Map((downgrade ? [...order].reverse() : order).map((id, i) => [id, i]));
  for (const node of map.nodes) {
    const at = pos.get(node.id);
    if (at === undefined) continue;
    for (const parent of node.normalizedDown) {
      const before = pos.get(parent);
      assert.ok(before === undefined || before < at, `${label}: ${parent} must run on the near side of ${node.id} (${order})`);
    }
  }
}

export type Planned = { name: 'upgrade' | 'downgrade'; target: string } | { name: 'stamp'; targets: string[]; purge?: boolean };

function toCommand(c: Planned): AlembicCommand {
  return c.name === 'stamp' ? { name: 'stamp', revisions: c.targets, purge: c.purge } : { name: c.name, revision: c.target };
}

/** Runs one command, then checks the table against the engine's plan and the reported steps. */
export async function runAndCompare(python: string, p: ProjectCopy, db: ScratchDb, c: Planned): Promise<string[]> {
  const before = await db.rows();
  const plan = enginePlan(p, c, before);
  const run = await runOn(python, p, toCommand(c), { url: db.url, readVersionTable: () => db.rows() });
  const after = await db.rows();
  const label = `${run.result.title} from [${before}]`;
  if (!plan.ok) {
    // The engine predicts Alembic's refusal: the run must fail with that same error.
    assert.equal(run.result.ok, false, `${label}: the engine says "${plan.error}"`);
    assert.ok(run.result.failure!.message.includes(plan.error), `${label}: ${run.result.failure!.message}`);
    assert.deepEqual(run.result.database, { rows: after, source: 'version-table' }, label);
    return after;
  }
  assertOk(run);
  assert.deepEqual(after, expectedRowsAfter(plan), `${label}: table vs engine plan`);
  assert.deepEqual(run.result.database, { rows: after, source: 'version-table' }, label);
  assert.deepEqual([...(run.result.heads ?? [])].sort(), after, `${label}: Alembic's own account`);
  const ran = run.result.steps.filter((s) => s.revision !== null).map((s) => s.revision!);
  // The same scripts; their order may differ only between independent branches, which Alembic 1.8.1
  // orders by os.listdir (the engine follows newer Alembic's sorted load order).
  assert.deepEqual([...ran].sort(), [...plan.value.revisions].sort(), `${label}: scripts run`);
  assertParentsFirst(p, ran, c.name === 'downgrade', label);
  const started = run.steps.filter((s) => s.phase === 'started').length;
  assert.equal(started, run.result.steps.length, `${label}: each started step finished`);
  return after;
}

