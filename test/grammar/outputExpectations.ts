// What the output-channel grammar must make of a real Alembic session (captureAlembic.ts): the
// same checks run on the stored sample and on a fresh capture from the installed Alembic.
import assert from 'node:assert/strict';
import { expectNoScope, expectScope, expectScopeAt, lineHas, lineOf } from './expectScopes';
import type { TokenizedLine } from './textmate';

const ID = 'constant.numeric.revision-id.alembic-output';
const MESSAGE = 'string.unquoted.message.alembic-output';
const MARKER = 'keyword.other.marker.alembic-output';
const LABEL = 'entity.name.tag.branch-label.alembic-output';
const PREFIX = 'INFO  [alembic.runtime.migration] ';

export function checkMigrationSteps(lines: TokenizedLine[]): void {
  const first = lineOf(lines, `${PREFIX}Running upgrade  -> a1a1a1a1a1a1, create users`);
  expectScope(first, 'INFO', 'markup.inserted.level.info.alembic-output');
  expectScope(first, 'alembic.runtime.migration', 'entity.name.namespace.logger.alembic-output');
  expectScope(first, 'Running', 'keyword.other.running.alembic-output');
  expectScope(first, 'upgrade', 'keyword.control.step.upgrade.alembic-output');
  expectScope(first, 'a1a1a1a1a1a1', ID);
  expectScope(first, '->', 'keyword.operator.arrow.alembic-output');
  expectScope(first, 'create users', MESSAGE);
  expectNoScope(first, 'create users', ID);

  const merge = lineOf(lines, `${PREFIX}Running upgrade d4d4d4d4d4d4, c3c3c3c3c3c3 -> e5e5e5e5e5e5, merge c3 and d4`);
  for (const id of ['d4d4d4d4d4d4', 'c3c3c3c3c3c3', 'e5e5e5e5e5e5']) expectScope(merge, id, ID);
  expectScope(merge, 'merge c3 and d4', MESSAGE);
  expectNoScope(merge, 'merge c3 and d4', ID);

  const unmerge = lineOf(lines, `${PREFIX}Running downgrade e5e5e5e5e5e5 -> d4d4d4d4d4d4, c3c3c3c3c3c3, merge c3 and d4`);
  expectScope(unmerge, 'downgrade', 'keyword.control.step.downgrade.alembic-output');
  for (const id of ['e5e5e5e5e5e5', 'd4d4d4d4d4d4', 'c3c3c3c3c3c3']) expectScope(unmerge, id, ID);
  expectScope(unmerge, 'merge c3 and d4', MESSAGE);
  expectNoScope(unmerge, 'merge c3 and d4', ID);

  const toBase = lineOf(lines, `${PREFIX}Running downgrade a1a1a1a1a1a1 -> , create users`);
  expectScope(toBase, 'a1a1a1a1a1a1', ID);
  expectScope(toBase, 'create users', MESSAGE);

  const stamp = lineOf(lines, `${PREFIX}Running stamp_revision`, true);
  expectScope(stamp, 'stamp_revision', 'keyword.control.step.stamp.alembic-output');
  expectScope(stamp, 'f6f6f6f6f6f6', ID);

  for (const line of lines.filter((l) => /Running (upgrade|downgrade|stamp_revision) /.test(l.line))) {
    assert.ok(lineHas(line, 'meta.step'), `not a step: ${line.line}`);
    for (const m of line.line.matchAll(/(?<![\w.-])[0-9a-f]{12}(?![\w.-])/g)) expectScope(line, m[0], ID);
  }
}

export function checkListings(lines: TokenizedLine[]): void {
  const head = lineOf(lines, 'e5e5e5e5e5e5 -> f6f6f6f6f6f6 (head), after merge');
  expectScope(head, 'e5e5e5e5e5e5', ID);
  expectScope(head, 'f6f6f6f6f6f6', ID);
  expectScope(head, 'head', MARKER);
  expectScope(head, 'after merge', MESSAGE);
  expectScope(lineOf(lines, 'e5e5e5e5e5e5 -> f6f6f6f6f6f6 (head) (current), after merge'), 'current', MARKER);
  const mergepoint = lineOf(lines, 'd4d4d4d4d4d4, c3c3c3c3c3c3 -> e5e5e5e5e5e5 (mergepoint), merge c3 and d4');
  expectScope(mergepoint, 'mergepoint', MARKER);
  expectScope(mergepoint, 'merge c3 and d4', MESSAGE);
  expectNoScope(mergepoint, 'merge c3 and d4', ID);
  expectScope(lineOf(lines, 'a1a1a1a1a1a1 -> b2b2b2b2b2b2 (branchpoint), add email'), 'branchpoint', MARKER);
  expectScope(lineOf(lines, '<base> -> a1a1a1a1a1a1, create users'), '<base>', 'constant.language.base.alembic-output');
  expectScope(lineOf(lines, 'f6f6f6f6f6f6 (head)'), 'f6f6f6f6f6f6', ID);
  expectScope(lineOf(lines, 'b2b2b2b2b2b2 (branchpoint)'), 'branchpoint', MARKER);
  const child = lineOf(lines, '             -> d4d4d4d4d4d4');
  expectScope(child, 'd4d4d4d4d4d4', ID);

  // branch-labels: labels and dependencies come out in set order, so find lines by their start.
  const deps = lineOf(lines, 'p1000000 (c3000000) -> p2000000 (', true);
  expectScope(deps, 'c3000000', 'meta.dependencies.alembic-output');
  expectScope(deps, 'c3000000', ID);
  expectScope(deps, 'plugin', LABEL);
  expectScope(deps, 'more', LABEL);
  expectScope(deps, 'plugin two', MESSAGE);
  expectNoScope(deps, 'plugin two', LABEL);
  const effective = lineOf(lines, 'c3000000 (core) (effective head)');
  expectScope(effective, 'core', LABEL);
  expectScope(effective, 'effective head', MARKER);

  const rev = lineOf(lines, 'Rev: e5e5e5e5e5e5 (mergepoint)');
  expectScope(rev, 'Rev', 'keyword.other.field.alembic-output');
  expectScope(rev, 'e5e5e5e5e5e5', ID);
  const merges = lineOf(lines, 'Merges: d4d4d4d4d4d4, c3c3c3c3c3c3');
  expectScope(merges, 'd4d4d4d4d4d4', ID);
  expectScope(merges, 'c3c3c3c3c3c3', ID);
  expectScope(lineOf(lines, 'Also depends on: c3000000'), 'c3000000', ID);
  expectScope(lineOf(lines, 'Branch names: ', true), 'plugin', LABEL);
  const path = lineOf(lines, 'Path: ', true);
  expectScope(path, path.line.slice('Path: '.length), 'string.unquoted.path.alembic-output');
  expectScope(lineOf(lines, '    Revision ID: e5e5e5e5e5e5'), 'e5e5e5e5e5e5', ID);
  expectScope(lineOf(lines, '    Revises: d4d4d4d4d4d4, c3c3c3c3c3c3'), 'c3c3c3c3c3c3', ID);

  const historyRe = /^(<base>|[^\s,()<>]+(, [^\s,()<>]+)*)( \([^()]*\))? -> /;
  for (const line of lines.filter((l) => historyRe.test(l.line))) assert.ok(lineHas(line, 'meta.history'), line.line);
}

export function checkFailures(lines: TokenizedLine[]): void {
  const error = lineOf(lines, "ERROR [alembic.util.messaging] Can't locate revision identified by 'zzzz'");
  expectScope(error, 'ERROR', 'markup.deleted.level.error.alembic-output');
  expectScope(error, "'zzzz'", 'string.quoted.single.alembic-output');
  const failed = lineOf(lines, "FAILED: Can't locate revision identified by 'zzzz'");
  expectScope(failed, 'FAILED', 'invalid.illegal.failed.alembic-output');
  expectScope(failed, "'zzzz'", 'string.quoted.single.alembic-output');
  for (const line of lines) {
    if (lineHas(line, 'invalid.illegal')) assert.match(line.line, /^(FAILED:|alembic: error:)/, `only failures are marked invalid: ${line.line}`);
  }
}

export function checkTraceback(lines: TokenizedLine[]): void {
  const headers = lines.filter((l) => l.line === 'Traceback (most recent call last):');
  assert.equal(headers.length, 2, 'the failing upgrade prints a chained traceback');
  for (const h of headers) expectScope(h, 'Traceback', 'markup.heading.traceback.alembic-output');
  const frames = lines.filter((l) => /^\s+File "/.test(l.line));
  assert.ok(frames.length > 20, `${frames.length} frames`);
  for (const frame of frames) {
    const m = /^\s+File "([^"]+)", line (\d+), in (.+)$/.exec(frame.line);
    assert.ok(m, frame.line);
    expectScope(frame, m[1], m[1].startsWith('<') ? 'variable.language.pseudo-file.alembic-output' : 'string.unquoted.path.alembic-output');
    expectScope(frame, `line ${m[2]}`, 'meta.traceback.frame.alembic-output');
    expectScopeAt(frame, frame.line.indexOf(`", line ${m[2]}`) + 8, m[2], 'constant.numeric.line-number.alembic-output');
    expectScope(frame, m[3], 'entity.name.function.alembic-output');
  }
  const migrationFrame = lineOf(lines, '  File "/project/merge/migrations/versions/9a9a9a9a9a9a_broken_step.py", line 17, in upgrade', false);
  expectScope(migrationFrame, '17', 'constant.numeric.line-number.alembic-output');
  expectNoScope(migrationFrame, '9a9a9a9a9a9a', ID);
  const code = lineOf(lines, '    op.execute("SELEC nonsense FROM nowhere")');
  expectScope(code, 'op.execute', 'meta.traceback.code.alembic-output');
  const carets = lines.filter((l) => /^\s+\^+$/.test(l.line));
  for (const c of carets) expectScope(c, c.line.trim(), 'punctuation.marker.caret.alembic-output');

  const driver = lineOf(lines, 'sqlite3.OperationalError: near "SELEC": syntax error');
  expectScope(driver, 'sqlite3.OperationalError', 'support.type.exception.alembic-output');
  expectScope(driver, '"SELEC"', 'string.quoted.double.alembic-output');
  expectScope(lineOf(lines, 'The above exception was the direct cause', true), 'direct cause', 'comment.line.exception-chain.alembic-output');
  const wrapped = lineOf(lines, 'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) near "SELEC": syntax error');
  expectScope(wrapped, 'sqlalchemy.exc.OperationalError', 'support.type.exception.alembic-output');
  expectScope(wrapped, '(sqlite3.OperationalError)', 'meta.exception.message.alembic-output');
  expectScope(wrapped, 'sqlite3.OperationalError', 'support.type.exception.alembic-output');
  expectScope(wrapped, '"SELEC"', 'string.quoted.double.alembic-output');
  const sql = lineOf(lines, '[SQL: SELEC nonsense FROM nowhere]');
  expectScope(sql, 'SELEC nonsense FROM nowhere', 'meta.embedded.block.sql');
  expectScope(sql, 'SQL', 'keyword.other.sql-label.alembic-output');
  const background = lineOf(lines, '(Background on this error at: ', true);
  expectScope(background, 'https://sqlalche.me/e/14/e3q8', 'markup.underline.link.alembic-output');
  for (const line of lines.slice(lines.indexOf(headers[0]), lines.indexOf(wrapped))) {
    assert.ok(!lineHas(line, 'meta.history') && !lineHas(line, 'meta.step'), `traceback line read as a listing: ${line.line}`);
  }
}

export function checkCommandLines(lines: TokenizedLine[]): void {
  const upgrade = lineOf(lines, '$ alembic -x url=', true);
  expectScope(upgrade, '$', 'punctuation.definition.prompt.alembic-output');
  expectScope(upgrade, 'alembic', 'entity.name.function.command.alembic-output');
  expectScope(upgrade, '-x', 'variable.parameter.option.alembic-output');
  expectScope(upgrade, 'url', 'variable.other.key.alembic-output');
  expectScope(upgrade, 'upgrade', 'keyword.other.subcommand.alembic-output');
  expectScope(upgrade, 'head', 'constant.language.revision-target.alembic-output');
  const current = lineOf(lines, '> alembic ', true);
  expectScope(current, '>', 'punctuation.definition.prompt.alembic-output');
  expectScope(current, 'current', 'keyword.other.subcommand.alembic-output');
  for (const line of lines.filter((l) => /^[$>] alembic /.test(l.line))) assert.ok(lineHas(line, 'meta.command-line'), line.line);
}
