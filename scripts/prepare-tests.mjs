// The first step of `npm test`: on a fresh Debian/Ubuntu machine, install and start what the tests
// need, saying what it does; where it cannot (not root, no apt), it says what is missing and the
// tests that need it skip with the reason (or fail under CI=true). Idempotent: a second run only checks.
// Uses Node's built-ins only, since node_modules may not exist yet.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/usr/bin/dpkg');
const say = (text) => console.log(`[prepare-tests] ${text}`);
const ci = process.env.CI === 'true';

/** An install that fails stops CI (loudly); elsewhere the tests that need it skip with the reason. */
function attempt(what, fn) {
  try {
    fn();
  } catch (e) {
    if (ci) throw e;
    say(`${what} failed (${e.message}); the tests that need it will skip`);
  }
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function missingDebianPackages(names) {
  return names.filter((n) => spawnSync('dpkg', ['-s', n], { stdio: 'ignore' }).status !== 0);
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function waitFor(port, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await listening(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

if (!existsSync(join(root, 'node_modules'))) {
  say('node_modules is missing: running npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const debian = ['python3-alembic', 'python3-psycopg2', 'python3-pymysql', 'sqlite3'];
if (hasApt) {
  const missing = missingDebianPackages(debian);
  if (missing.length > 0 && isRoot) {
    say(`installing Debian's Alembic and database drivers: ${missing.join(' ')}`);
    attempt('installing them', () => {
      run('apt-get', ['update', '-qq']);
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    });
  } else if (missing.length > 0) {
    say(`missing Debian packages (not root, so not installed): ${missing.join(' ')}; their tests will skip`);
  }
}

const services = [
  { name: 'PostgreSQL', port: 5432, start: () => {
    const versions = spawnSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    if (versions.length === 0) return false;
    run('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start']);
    return true;
  } },
  { name: 'MariaDB', port: 3306, start: () => {
    if (!existsSync('/usr/sbin/mariadbd')) return false;
    run('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd']);
    return true;
  } },
];
for (const s of services) {
  if (await listening(s.port)) continue;
  if (!isRoot) {
    say(`${s.name} is not listening on 127.0.0.1:${s.port}; its tests will skip`);
    continue;
  }
  say(`${s.name} is not listening on 127.0.0.1:${s.port}: starting it`);
  try {
    if (!s.start()) say(`${s.name} is not installed here; its tests will skip`);
    else if (!(await waitFor(s.port, 30))) say(`${s.name} did not come up within 30 s; its tests will skip`);
  } catch (e) {
    say(`could not start ${s.name}: ${e.message}; its tests will skip`);
  }
}

if (!existsSync(join(root, 'test-host/node_modules/.bin/code-server'))) {
  if (hasApt && isRoot) {
    say('the test VS Code is missing: installing it (scripts/install-code-server.sh)');
    attempt('installing the test VS Code', () => run('bash', ['scripts/install-code-server.sh']));
  } else {
    say('the test VS Code (code-server) is missing and cannot be installed without root and apt; the end-to-end tests will skip');
  }
}
