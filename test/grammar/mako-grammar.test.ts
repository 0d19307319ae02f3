// The script.py.mako grammar (syntaxes/mako-python.tmLanguage.json) on Alembic's own templates
// (from the installed Alembic, and the copies and customisations under test/fixtures/templates),
// with a stand-in Python grammar (stubPython.ts) so strings, docstrings and comments exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tokenizer, type TokenizedLine } from './textmate';
import { GRAMMAR_FILES, loadGrammar } from './grammarTypes';
import { STUB_PYTHON } from './stubPython';
import { expectNoScope, expectScope, expectScopeAt, lineOf } from './expectScopes';
import { integrationSkipReason, locateAlembic } from '../helpers/alembic';

const grammar = loadGrammar(GRAMMAR_FILES.mako);
const tokenizer = new Tokenizer(grammar, new Map([['source.python', STUB_PYTHON]]));
const TEMPLATES = fileURLToPath(new URL('../fixtures/templates/', import.meta.url));
const EXPR = 'meta.embedded.expression.mako';
const BEGIN = 'punctuation.section.embedded.begin.mako';
const END = 'punctuation.section.embedded.end.mako';
const FILTER = 'support.function.filter.mako';

/** Checks that hold for every Alembic template: regions close, each `${` opens a substitution
 *  that ends on its line, control and comment lines are recognised wherever they are. */
function checkTemplate(name: string, text: string): TokenizedLine[] {
  const { lines, open } = tokenizer.tokenizeDocument(text);
  assert.deepEqual(open, [], `${name}: regions left open at the end`);
  for (const line of lines) {
    for (const m of line.line.matchAll(/\$\{/g)) expectScopeAt(line, m.index, '${', BEGIN);
    if (line.line.includes('${')) expectScopeAt(line, line.line.lastIndexOf('}'), '}', END);
    if (/^\s*##/.test(line.line)) expectScope(line, '##', 'comment.line.double-number-sign.mako');
    if (/^\s*%%/.test(line.line)) expectScope(line, '%%', 'constant.character.escape.percent.mako');
    if (/^\s*%(?![%>])/.test(line.line)) expectScope(line, '%', 'keyword.control.directive.mako');
  }
  return lines;
}

/** What every variant of the generic template must show. */
function checkGenericShape(name: string, lines: TokenizedLine[]): void {
  const first = lines[0];
  assert.equal(first.line, '"""${message}', name);
  expectScope(first, '"""', 'string.quoted.docstring');
  expectScope(first, 'message', EXPR);
  expectScope(first, 'message', 'source.python');
  expectScope(first, 'message', 'string.quoted.docstring');
  const revises = lineOf(lines, 'Revises: ${down_revision | comma,n}');
  expectScope(revises, 'Revises: ', 'string.quoted.docstring');
  expectScope(revises, '|', 'keyword.operator.filter.mako');
  expectScope(revises, 'comma', FILTER);
  expectScopeAt(revises, revises.line.indexOf('n}'), 'n', FILTER);
  expectNoScope(revises, 'down_revision', FILTER);
  expectScope(lineOf(lines, '"""'), '"""', 'string.quoted.docstring');
  expectNoScope(lineOf(lines, 'from alembic import op'), 'from alembic import op', 'string');
  const imports = lineOf(lines, '${imports if imports else ""}');
  expectScope(imports, '""', 'string.quoted');
  expectScope(imports, '""', EXPR);
  expectScope(lineOf(lines, 'revision', true), 'repr(up_revision)', EXPR);
  expectScope(lineOf(lines, '    ${upgrades if upgrades else "pass"}'), '"pass"', EXPR);
}

function checkMultidbShape(lines: TokenizedLine[]): void {
  expectScope(lines[0], '<%!', 'meta.embedded.block.module.mako');
  expectScope(lineOf(lines, 'import re'), 'import re', 'source.python');
  const end = lineOf(lines, '%>"""${message}');
  expectScope(end, '%>', END);
  expectScope(end, '"""', 'string.quoted');
  expectNoScope(end, '"""', 'meta.embedded.block.module.mako');
  expectScope(end, 'message', EXPR);
  const block = lineOf(lines, '    db_names = config.get_main_option("databases")');
  expectScope(block, 'db_names', 'meta.embedded.block.mako');
  expectScope(block, 'db_names', 'source.python');
  const comment = lineOf(lines, '## generate an ', true);
  expectScope(comment, comment.line, 'comment.line.double-number-sign.mako');
  expectNoScope(comment, '"upgrade_<xyz>()', 'string');
  const loop = lineOf(lines, "% for db_name in re.split(r',\\s*', db_names):");
  expectScope(loop, 'for', 'keyword.control.flow.mako');
  expectScope(loop, 'db_name in re.split', 'source.python');
  expectScope(loop, loop.line, 'meta.control.mako');
  expectScope(lineOf(lines, '% endfor'), 'endfor', 'keyword.control.flow.mako');
  const def = lineOf(lines, 'def upgrade_${db_name}()', true);
  expectScope(def, 'db_name', EXPR);
  expectNoScope(def, 'upgrade_', EXPR);
}

function installedTemplatesDir(): string | undefined {
  const found = locateAlembic();
  if ('missing' in found) return undefined;
  const r = spawnSync(found.python, ['-c', 'import alembic, os; print(os.path.dirname(alembic.__file__))'], { encoding: 'utf8', shell: false });
  const dir = join(r.stdout.trim(), 'templates');
  return existsSync(dir) ? dir : undefined;
}

const skip = integrationSkipReason();
test("the installed Alembic's script.py.mako templates", { skip }, () => {
  const dir = installedTemplatesDir();
  assert.ok(dir, 'the installed Alembic has no templates folder');
  const names = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'script.py.mako')));
  assert.ok(names.includes('generic') && names.includes('multidb'), names.join(', '));
  for (const name of names) {
    const lines = checkTemplate(name, readFileSync(join(dir, name, 'script.py.mako'), 'utf8'));
    if (name === 'multidb') checkMultidbShape(lines);
    else checkGenericShape(name, lines);
  }
});

test('the stored Alembic templates (1.8.1 and upstream versions)', () => {
  for (const group of ['alembic-1.8.1', 'alembic-upstream']) {
    for (const file of readdirSync(join(TEMPLATES, group))) {
      const lines = checkTemplate(file, readFileSync(join(TEMPLATES, group, file), 'utf8'));
      if (file.startsWith('multidb')) checkMultidbShape(lines);
      else if (!file.startsWith('pylons')) checkGenericShape(file, lines);
    }
  }
});

test('customised templates: <%doc>, control lines and ## inside the docstring, %%, \\ newlines, ${} in comments', () => {
  const read = (f: string): TokenizedLine[] => checkTemplate(f, readFileSync(join(TEMPLATES, 'custom', f), 'utf8'));
  const labels = read('conditional-labels.mako');
  expectScope(lineOf(labels, '    Only write', true), 'Only write', 'comment.block.documentation.mako');
  const inDoc = lineOf(labels, '% if down_revision is None:');
  expectScope(inDoc, 'if', 'keyword.control.flow.mako');
  expectScope(inDoc, 'if', 'string.quoted.docstring');
  expectScope(lineOf(labels, 'Revises: (base)'), 'Revises: (base)', 'string.quoted.docstring');
  expectScope(lineOf(labels, 'Merges: ', true), 'len(down_revision)', EXPR);

  const header = read('custom-header.mako');
  expectScope(lineOf(header, '%>\\'), '\\', 'constant.character.escape.newline.mako');
  expectScope(lineOf(header, '## A comment line that Mako drops.'), 'A comment', 'comment.line.double-number-sign.mako');
  expectNoScope(lineOf(header, '100%% sure'), '%%', 'constant.character.escape.percent.mako');
  const comment = lineOf(header, '# ${STAMP} by ', true);
  expectScope(comment, 'STAMP', EXPR);
  expectScope(comment, ' by ', 'comment.line.number-sign.python');
  expectNoScope(comment, ' by ', EXPR);
  expectScope(comment, "{'n': len(parents)}", EXPR);
  expectScopeAt(comment, comment.line.length - 1, '}', END);
  const cont = lineOf(header, 'long_line = "a" \\');
  expectScope(cont, '\\', 'constant.character.escape.newline.mako');
  expectNoScope(cont, '\\', 'punctuation.separator.continuation.line.python');

  const extra = read('extra-imports.mako');
  expectScope(extra[0], extra[0].line, 'comment.line.double-number-sign.mako');
  expectScope(lineOf(extra, '# ${message}'), 'message', EXPR);
  expectScope(lineOf(extra, '    """Upgrade: ${message.strip()}."""'), 'message.strip()', EXPR);

  const fstring = read('fstring-multidb.mako');
  expectScope(lineOf(fstring, '    ${context.get(f"{name}_upgrades", "pass")}'), 'f"{name}_upgrades"', 'string.quoted');
});

test('Mako snippets: filters, nested braces, text/doc tags, multi-line expressions, comment positions', () => {
  const cases = JSON.parse(readFileSync(join(TEMPLATES, 'mako-cases.json'), 'utf8')) as { name: string; template: string }[];
  const byName = (n: string): TokenizedLine[] => {
    const c = cases.find((x) => x.name === n);
    assert.ok(c, n);
    return tokenizer.tokenize(c.template);
  };
  for (const c of cases) assert.doesNotThrow(() => tokenizer.tokenize(c.template), c.name);

  const [commas] = byName('comma n');
  for (let i = 0; i < 3; i++) expectScope(commas, 'comma', FILTER, i);
  const [braces] = byName('nested braces');
  expectScope(braces, "{'k': 'v'}['k']", EXPR);
  expectScope(braces, "'}'", 'string.quoted');
  expectScope(braces, "'|'", 'string.quoted');
  expectNoScope(braces, "'|'", 'keyword.operator.filter.mako');
  const multi = byName('multiline expression');
  expectScope(multi[1], 'x', EXPR);
  expectScope(multi[2], '|', 'keyword.operator.filter.mako');
  expectScope(multi[2], 'n', FILTER);
  const [text] = byName('text tag');
  expectScope(text, '${not evaluated} % nor this', 'markup.raw.verbatim.mako');
  expectNoScope(text, '${', BEGIN);
  expectScope(byName('doc tag')[1], 'anything ${x}', 'comment.block.documentation.mako');
  const comments = byName('comment lines');
  expectScope(comments[0], '## gone', 'comment.line.double-number-sign.mako');
  expectNoScope(comments[1], '## kept', 'comment.line.double-number-sign.mako');
  expectScope(comments[2], '## also gone', 'comment.line.double-number-sign.mako');
  const [block] = byName('context write');
  expectScope(block, " context.write('w') ", 'meta.embedded.block.mako');
  expectNoScope(block, 'b', 'meta.embedded.block.mako');
});

test('Mako wins ties with Python inside strings: %% and a trailing backslash', () => {
  const lines = tokenizer.tokenize(['x = """', '%% percent', '"""', 'y = "one \\', 'two"'].join('\n'));
  expectScope(lines[1], '%%', 'constant.character.escape.percent.mako');
  expectNoScope(lines[1], '%%', 'constant.character.format.placeholder');
  expectScope(lines[3], '\\', 'constant.character.escape.newline.mako');
  expectScope(lines[3], '\\', 'string.quoted');
  expectNoScope(lines[3], '\\', 'punctuation.separator.continuation.line.python');
});

test('without a Python grammar the Mako parts still tokenize and close', () => {
  const bare = new Tokenizer(grammar);
  const { lines, open } = bare.tokenizeDocument(readFileSync(join(TEMPLATES, 'alembic-1.8.1', 'generic.mako'), 'utf8'));
  assert.deepEqual(open, []);
  expectScope(lineOf(lines, 'Revises: ${down_revision | comma,n}'), 'comma', FILTER);
});
