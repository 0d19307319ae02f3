// Builds the demo workspace with real Alembic: `alembic init`, four revisions whose history forks
// into two heads (the diagnostics and the merge fix have something to show), a SQLite database as
// the project's own sqlalchemy.url, upgraded to one of the heads so the Connections view has a
// current revision and one pending. Used by `npm run demo`, the UI walk and the .vsix smoke test.
//
//   node scripts/demo-workspace.mjs [dir]      (default .demo/alembic-demo; replaced if it exists)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

/** The history, oldest first. `splice`: a second child of an existing revision (the fork). */
export const DEMO_REVISIONS = [
  {
    id: '4b1d6c0f2a91',
    message: 'create users table',
    upgrade: [
      "op.create_table(",
      "    'users',",
      "    sa.Column('id', sa.Integer, primary_key=True),",
      "    sa.Column('name', sa.String(100), nullable=False),",
      ')',
    ],
    downgrade: ["op.drop_table('users')"],
  },
  {
    id: '8e3f7a52c6d4',
    message: 'add email to users',
    upgrade: ["op.add_column('users', sa.Column('email', sa.String(255)))"],
    downgrade: ["with op.batch_alter_table('users') as batch:", "    batch.drop_column('email')"],
  },
  {
    id: 'c2a9e4b7d813',
    message: 'create posts table',
    parent: '8e3f7a52c6d4',
    upgrade: [
      'op.create_table(',
      "    'posts',",
      "    sa.Column('id', sa.Integer, primary_key=True),",
      "    sa.Column('user_id', sa.Integer, sa.ForeignKey('users.id'), nullable=False),",
      "    sa.Column('title', sa.String(200), nullable=False),",
      ')',
    ],
    downgrade: ["op.drop_table('posts')"],
  },
  {
    // A teammate's migration on the same parent: after a git merge the project has two heads.
    id: 'f57b0d3e9a26',
    message: 'index users by email',
    parent: '8e3f7a52c6d4',
    splice: true,
    upgrade: ["op.create_index('ix_users_email', 'users', ['email'], unique=True)"],
    downgrade: ["op.drop_index('ix_users_email', table_name='users')"],
  },
];

/** Where the demo database is upgraded to: one head applied, the other pending. */
export const DEMO_CURRENT = 'c2a9e4b7d813';
export const DEMO_PENDING = 'f57b0d3e9a26';

/** `/usr/bin/python3` first (Debian's python3-alembic), then every python3 on PATH. */
export function findAlembicPython() {
  const candidates = ['/usr/bin/python3'];
  const which = spawnSync('which', ['-a', 'python3', 'python'], { encoding: 'utf8' });
  for (const line of (which.stdout ?? '').split('\n')) if (line.trim() && !candidates.includes(line.trim())) candidates.push(line.trim());
  for (const python of candidates) {
    if (python.startsWith('/') && !existsSync(python)) continue;
    const probe = spawnSync(python, ['-c', 'import alembic, sqlalchemy; print(alembic.__version__)'], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
  }
  return undefined;
}

/** Finds Alembic, or installs Debian's python3-alembic (saying so) when apt is there and we are root. */
export function ensureAlembicPython(log = console.log) {
  let found = findAlembicPython();
  if (found) return found;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    log('Alembic is not installed: installing Debian\'s python3-alembic (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'python3-alembic']]) {
      const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
    }
    found = findAlembicPython();
    if (found) return found;
  }
  throw new Error('No Python with Alembic and SQLAlchemy was found. Install it (Debian/Ubuntu: sudo apt-get install python3-alembic, or pip install alembic) and run again.');
}

function alembic(python, cwd, args) {
  const r = spawnSync(python, ['-m', 'alembic', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`alembic ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout + r.stderr;
}

function indent(lines) {
  return lines.map((l) => `    ${l}`).join('\n');
}

/** Replaces the template's `pass` bodies with real operations. */
function fillRevisionFile(versionsDir, rev) {
  const name = readdirSync(versionsDir).find((f) => f.startsWith(`${rev.id}_`) && f.endsWith('.py'));
  if (!name) throw new Error(`alembic revision did not write a file for ${rev.id}`);
  const file = join(versionsDir, name);
  const text = readFileSync(file, 'utf8')
    .replace(/def upgrade\(\) -> None:\n {4}pass\n/, `def upgrade() -> None:\n${indent(rev.upgrade)}\n`)
    .replace(/def downgrade\(\) -> None:\n {4}pass\n/, `def downgrade() -> None:\n${indent(rev.downgrade)}\n`);
  if (text.includes('    pass\n')) throw new Error(`unexpected template in ${file}`);
  writeFileSync(file, text);
}

const DEMO_README = `# Alembic demo

A real Alembic project (\`alembic.ini\`, \`migrations/env.py\`) whose database is \`demo.db\` (SQLite, the
project's own \`sqlalchemy.url\`). Two migrations were written on the same parent, so the project has
**two heads**, and the database was upgraded to one of them.

Try:

1. **Alembic** in the activity bar: *History* lists the revisions (current one in blue, applied in
   green), *Connections* shows \`sqlalchemy.url\` at \`c2a9e4b7d813\`, one revision behind.
2. **Problems** (Ctrl+Shift+M): *c2a9e4b7d813 is one of 2 heads*, which is why \`alembic upgrade head\`
   would fail. Open one of the head files, click the id in \`revision = …\` and press Ctrl+. (the light
   bulb): **Create a merge revision of all 2 heads** writes the merge file from \`script.py.mako\`.
3. Hover a revision id in \`down_revision\`; Ctrl+click goes to its file. F2 renames an id everywhere.
4. **F1 → Alembic:** Upgrade…, Preview SQL…, New Revision…, Heads, History, Check (these run the
   real Alembic with the interpreter set in \`.vscode/settings.json\`).
`;

/**
 * Creates the workspace in `dir` (replaced if it exists). Returns what the callers check for.
 * `python`: a Python with Alembic (found when not given).
 */
export function makeDemoWorkspace(dir, { python } = {}) {
  python ??= ensureAlembicPython().python;
  dir = resolve(dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  alembic(python, dir, ['init', 'migrations']);
  const ini = join(dir, 'alembic.ini');
  writeFileSync(
    ini,
    readFileSync(ini, 'utf8')
      .replace(/^sqlalchemy\.url = .*$/m, 'sqlalchemy.url = sqlite:///demo.db')
      // Alembic's 1.8 template puts a comment after the value, which the extension (rightly) warns
      // about; the demo is about the history, so its config is clean.
      .replace(/^version_path_separator = os .*$/m, 'version_path_separator = os'),
  );
  const versions = join(dir, 'migrations', 'versions');
  for (const rev of DEMO_REVISIONS) {
    const args = ['revision', '-m', rev.message, '--rev-id', rev.id];
    if (rev.parent) args.push('--head', rev.parent);
    if (rev.splice) args.push('--splice');
    alembic(python, dir, args);
    fillRevisionFile(versions, rev);
  }
  alembic(python, dir, ['upgrade', DEMO_CURRENT]);
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  // The first python3 on PATH may lack Alembic: point the extension at one that has it.
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'alembic.pythonPath': python }, null, 2) + '\n');
  writeFileSync(join(dir, 'README.md'), DEMO_README);
  return { dir, python, database: join(dir, 'demo.db'), versions };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const target = process.argv[2] ?? join(REPO, '.demo', 'alembic-demo');
  const ws = makeDemoWorkspace(target);
  console.log(`demo workspace: ${ws.dir} (database ${ws.database}, Alembic run with ${ws.python})`);
}
