// The output-channel grammar (syntaxes/alembic-output.tmLanguage.json) on real Alembic output:
// the stored sample (captured from Debian's Alembic 1.8.1 by captureAlembic.ts) always, a fresh
// capture from the installed Alembic when there is one, and a few hand-written lines for shapes
// the session does not print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Tokenizer, type TokenizedLine } from './textmate';
import { GRAMMAR_FILES, loadGrammar } from './grammarTypes';
import { captureAlembicSession, stableTranscript } from './captureAlembic';
import { checkCommandLines, checkFailures, checkListings, checkMigrationSteps, checkTraceback } from './outputExpectations';
import { expectNoScope, expectScope, lineHas } from './expectScopes';
import { integrationSkipReason, locateAlembic } from '../helpers/alembic';

const tokenizer = new Tokenizer(loadGrammar(GRAMMAR_FILES.output));
const tokenize = (text: string): TokenizedLine[] => tokenizer.tokenize(text);

function checkSession(lines: TokenizedLine[]): void {
  checkCommandLines(lines);
  checkMigrationSteps(lines);
  checkListings(lines);
  checkFailures(lines);
  checkTraceback(lines);
}

test('stored Alembic 1.8.1 session: steps, listings, failures, traceback, command lines', () => {
  const sample = readFileSync(new URL('./samples/alembic-session.txt', import.meta.url), 'utf8');
  checkSession(tokenize(sample));
});

const skip = integrationSkipReason();
test('fresh session from the installed Alembic', { skip }, () => {
  const found = locateAlembic();
  assert.ok(!('missing' in found));
  checkSession(tokenize(stableTranscript(captureAlembicSession(found.python))));
});

test('command lines as the extension may echo them', () => {
  const [py, venv, quoted] = tokenize(
    [
      '$ /usr/bin/python3 -m alembic -c alembic.ini upgrade core@head',
      '> .venv/bin/alembic downgrade -1',
      '$ alembic revision -m "upgrade users" --autogenerate',
    ].join('\n'),
  );
  expectScope(py, '/usr/bin/python3 -m alembic', 'entity.name.function.command.alembic-output');
  expectScope(py, '-c', 'variable.parameter.option.alembic-output');
  expectScope(py, 'upgrade', 'keyword.other.subcommand.alembic-output');
  expectScope(py, 'core', 'entity.name.tag.branch-label.alembic-output');
  expectScope(py, 'head', 'constant.language.revision-target.alembic-output');
  expectScope(venv, '.venv/bin/alembic', 'entity.name.function.command.alembic-output');
  expectScope(venv, '-1', 'constant.numeric.relative.alembic-output');
  expectScope(quoted, '"upgrade users"', 'string.quoted.double.alembic-output');
  expectNoScope(quoted, 'upgrade', 'keyword.other.subcommand.alembic-output');
  expectScope(quoted, '--autogenerate', 'variable.parameter.option.alembic-output');
  const [stamp] = tokenize('$ alembic stamp heads');
  expectScope(stamp, 'stamp', 'keyword.other.subcommand.alembic-output');
  expectScope(stamp, 'heads', 'constant.language.revision-target.alembic-output');
  expectNoScope(stamp, 'heads', 'keyword.other.subcommand.alembic-output');
  const [other] = tokenize('$ ls -la');
  assert.ok(!lineHas(other, 'meta.command-line'), 'only alembic commands are command lines');
});

test("the extension's own lines: run heading, process line, step and result lines, redactions", () => {
  const lines = tokenize(
    [
      '$ alembic upgrade head   # on Local upgrade DB',
      "  /usr/bin/python3 '/ext dir/server/python/alembic_bootstrap.py' upgrade head   [cwd /w; config alembic.ini; url postgresql://app:***@db/app]",
      '-- Upgrading a1a1a1a1a1a1: create users',
      '-- stamp base \u2192 f6f6f6f6f6f6',
      '-- alembic upgrade head: done in 1.2 s',
      '-- alembic upgrade head: migration-failed after 0.8 s',
      'INFO  [alembic.runtime.migration] Current revision(s) for postgresql://app:***@db/app:',
    ].join('\n'),
  );
  const [heading, proc, step, stamp, done, failed, info] = lines;
  expectScope(heading, 'head', 'constant.language.revision-target.alembic-output');
  expectScope(heading, '# on Local upgrade DB', 'comment.line.number-sign.alembic-output');
  expectNoScope(heading, 'upgrade', 'keyword.other.subcommand.alembic-output', 1);
  expectScope(proc, '/usr/bin/python3', 'entity.name.function.command.alembic-output');
  expectScope(proc, "'/ext dir/server/python/alembic_bootstrap.py'", 'string.unquoted.path.alembic-output');
  expectScope(proc, 'cwd /w; config alembic.ini', 'comment.line.context.alembic-output');
  expectScope(proc, '***', 'constant.character.redacted.alembic-output');
  expectScope(step, '--', 'punctuation.definition.comment.alembic-output');
  expectScope(step, 'a1a1a1a1a1a1', 'constant.numeric.revision-id.alembic-output');
  expectScope(step, 'create users', 'string.unquoted.message.alembic-output');
  expectScope(stamp, 'base', 'constant.language.base.alembic-output');
  expectScope(stamp, 'f6f6f6f6f6f6', 'constant.numeric.revision-id.alembic-output');
  expectScope(done, 'done', 'markup.inserted.done.alembic-output');
  expectScope(failed, 'migration-failed', 'markup.deleted.failure-kind.alembic-output');
  expectScope(info, '***', 'constant.character.redacted.alembic-output');
});

test('other shapes: warnings, multiple-heads failure, generating, argparse errors, bare exceptions', () => {
  const lines = tokenize(
    [
      "WARNI [alembic.env] No changes in schema detected.",
      "FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads",
      '  Generating /w/migrations/versions/3f2a9c1d4e5b_add_users.py ...  done',
      'alembic: error: unrecognized arguments: --bogus',
      "KeyError: 'c3c3c3c3c3c3'",
      'INFO  [alembic.runtime.migration] Running stamp_revision 1a2b3c4d5e6f, 6f5e4d3c2b1a -> 0a0b0c0d0e0f',
      'INFO  [alembic.runtime.migration] Running upgrade 0a0b0c0d0e0f -> add_users_v2, add users',
      'Context impl SQLiteImpl.',
    ].join('\n'),
  );
  expectScope(lines[0], 'WARNI', 'markup.changed.level.warning.alembic-output');
  expectScope(lines[1], 'FAILED', 'invalid.illegal.failed.alembic-output');
  expectScope(lines[1], "'heads'", 'string.quoted.single.alembic-output');
  expectScope(lines[2], '/w/migrations/versions/3f2a9c1d4e5b_add_users.py', 'string.unquoted.path.alembic-output');
  expectScope(lines[2], 'done', 'markup.inserted.done.alembic-output');
  expectScope(lines[3], 'error', 'invalid.illegal.failed.alembic-output');
  expectScope(lines[4], 'KeyError', 'support.type.exception.alembic-output');
  expectScope(lines[4], 'c3c3c3c3c3c3', 'string.quoted.single.alembic-output');
  for (const id of ['1a2b3c4d5e6f', '6f5e4d3c2b1a', '0a0b0c0d0e0f']) expectScope(lines[5], id, 'constant.numeric.revision-id.alembic-output');
  expectScope(lines[6], 'add_users_v2', 'constant.numeric.revision-id.alembic-output');
  expectScope(lines[6], 'add users', 'string.unquoted.message.alembic-output');
  assert.deepEqual(lines[7].tokens.map((t) => t.scopes), [['source.alembic-output']], 'plain text stays plain');
});
