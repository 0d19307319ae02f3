// The grammar files themselves: valid JSON of the expected shape, every include resolves, every
// repository entry is used, every regex is safe for both Oniguruma (VS Code) and JavaScript (these
// tests), scope names follow the `<what>.<grammar suffix>` convention, injection selectors parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALLOWED_ONIG_ONLY, auditRegex } from './regexAudit';
import { GRAMMAR_FILES, SYNTAXES_DIR, loadGrammar, readGrammarText, scopeNamesOf, walkRules, type RawGrammar } from './grammarTypes';
import { parseSelector } from './scopeSelector';

const EXPECTED = [
  { file: GRAMMAR_FILES.output, scopeName: 'source.alembic-output', suffix: '.alembic-output', external: ['source.sql'] },
  { file: GRAMMAR_FILES.mako, scopeName: 'source.alembic-mako', suffix: '.mako', external: ['source.python'] },
];
/** Scopes shared with other grammars on purpose (embedded languages). */
const SHARED_SCOPES = new Set(['source.python', 'meta.embedded.block.sql']);

for (const spec of EXPECTED) {
  const label = spec.file;

  test(`${label}: valid JSON with scopeName ${spec.scopeName} and top-level patterns`, () => {
    const grammar = JSON.parse(readGrammarText(spec.file)) as RawGrammar;
    assert.equal(grammar.scopeName, spec.scopeName);
    assert.ok(typeof grammar.name === 'string' && grammar.name.length > 0);
    assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0);
    assert.equal(typeof grammar.repository, 'object');
  });

  test(`${label}: every rule has one valid shape and captures are numbered`, () => {
    for (const { path, rule } of walkRules(loadGrammar(spec.file))) {
      const kinds = [rule.include !== undefined, rule.match !== undefined, rule.begin !== undefined].filter(Boolean).length;
      assert.ok(kinds <= 1, `${path}: mixes include/match/begin`);
      if (kinds === 0) assert.ok(rule.patterns, `${path}: neither include, match, begin nor patterns`);
      if (rule.begin !== undefined) assert.ok(rule.end !== undefined, `${path}: begin without end`);
      if (rule.end !== undefined) assert.ok(rule.begin !== undefined, `${path}: end without begin`);
      assert.equal(rule.while, undefined, `${path}: while rules are not used (the test interpreter has none)`);
      if (rule.match !== undefined) assert.equal(rule.patterns, undefined, `${path}: patterns on a match rule are ignored by VS Code`);
      for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
        for (const n of Object.keys(rule[key] ?? {})) assert.match(n, /^\d+$/, `${path}.${key}: capture key ${n}`);
      }
    }
  });

  test(`${label}: includes resolve and every repository entry is used`, () => {
    const grammar = loadGrammar(spec.file);
    const used = new Set<string>();
    for (const { path, rule } of walkRules(grammar)) {
      if (rule.include === undefined) continue;
      if (rule.include.startsWith('#')) {
        const key = rule.include.slice(1);
        assert.ok(grammar.repository?.[key], `${path}: include ${rule.include} is not in the repository`);
        used.add(key);
      } else {
        assert.ok(spec.external.includes(rule.include), `${path}: unexpected external include ${rule.include}`);
      }
    }
    const unused = Object.keys(grammar.repository ?? {}).filter((k) => !used.has(k));
    assert.deepEqual(unused, [], 'repository entries nothing includes');
  });

  test(`${label}: every regex compiles in JavaScript and avoids Oniguruma-only constructs`, () => {
    const problems: string[] = [];
    let count = 0;
    for (const { path, rule } of walkRules(loadGrammar(spec.file))) {
      for (const key of ['match', 'begin', 'end'] as const) {
        const source = rule[key];
        if (source === undefined) continue;
        count++;
        if (ALLOWED_ONIG_ONLY.some((a) => a.file === spec.file && a.regex === source)) continue;
        for (const p of auditRegex(source)) problems.push(`${path}.${key} /${source}/: ${p}`);
      }
    }
    assert.ok(count > 10, `only ${count} regexes found`);
    assert.deepEqual(problems, []);
  });

  test(`${label}: scope names end with ${spec.suffix} (or are shared embedded scopes)`, () => {
    for (const { path, rule } of walkRules(loadGrammar(spec.file))) {
      for (const scope of scopeNamesOf(rule)) {
        assert.ok(scope.endsWith(spec.suffix) || SHARED_SCOPES.has(scope), `${path}: scope ${scope}`);
        assert.match(scope, /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, `${path}: malformed scope ${scope}`);
      }
    }
  });
}

test('the mako injection selector parses, has L: priority and excludes Mako regions', () => {
  const grammar = loadGrammar(GRAMMAR_FILES.mako);
  const keys = Object.keys(grammar.injections ?? {});
  assert.equal(keys.length, 1);
  const [sel] = parseSelector(keys[0]);
  assert.equal(sel.priority, -1);
  assert.ok(sel.matches(['source.alembic-mako', 'string.quoted.docstring.multi.python']));
  assert.ok(sel.matches(['source.alembic-mako', 'comment.line.number-sign.python']));
  for (const own of ['meta.embedded.expression.mako', 'meta.embedded.block.mako', 'meta.embedded.block.module.mako', 'meta.control.mako', 'comment.block.documentation.mako', 'meta.verbatim.mako']) {
    assert.ok(!sel.matches(['source.alembic-mako', own, 'source.python', 'string.quoted.single.python']), own);
  }
});

test('the regex audit catches what it promises to catch', () => {
  for (const bad of ['\\h+', '\\Gfoo', '(?i)abc', '(?x) a b', 'a*+', '(?>ab)', '[[:alpha:]]', '[a-z&&[^q]]', '(?<=a+)b', '(?<=a?)b', '\\p{L}', '\\x{41}', '(', '\\Z', '[]a]']) {
    assert.ok(auditRegex(bad).length > 0, `not flagged: ${bad}`);
  }
  for (const good of ['(?<=\\s)(--?[A-Za-z][\\w-]*)', '(?<![\\w.-])[0-9a-f]{12}', '^(\\[)(SQL)(:) ?', '[\\]a]', '(?:a|b)+?', '(?<name>x)']) {
    assert.deepEqual(auditRegex(good), [], good);
  }
});

test('the mako language configuration is valid JSON with ## line comments', () => {
  const conf = JSON.parse(readFileSync(`${SYNTAXES_DIR}alembic-mako.language-configuration.json`, 'utf8')) as {
    comments: { lineComment: string };
    brackets: string[][];
    onEnterRules: { beforeText: string }[];
  };
  assert.equal(conf.comments.lineComment, '##');
  assert.ok(conf.brackets.length > 0);
  for (const r of conf.onEnterRules) assert.deepEqual(auditRegex(r.beforeText), [], r.beforeText);
});
