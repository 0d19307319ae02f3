// alembic.ini parsing: Python's configparser rules. Every expected value below was produced by
// Python 3.11's configparser (the parser Alembic 1.8.1 uses); the last suite re-checks them live
// against /usr/bin/python3 when it is installed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { interpolateIni, parseIni } from '../../server/src/engine/config/ini';
import { pyStrRepr } from '../../server/src/engine/pystr';

function values(text: string): Record<string, Record<string, string>> {
  const doc = parseIni(text, '/p/alembic.ini');
  const out: Record<string, Record<string, string>> = {};
  for (const [name, s] of doc.sections) out[name] = Object.fromEntries([...s.entries].map(([k, e]) => [k, e.raw]));
  if (doc.defaults.size) out.DEFAULT = Object.fromEntries([...doc.defaults].map(([k, e]) => [k, e.raw]));
  return out;
}

// [ini text, sections -> keys -> raw value] for files configparser accepts.
const ACCEPTED: [string, Record<string, Record<string, string>>][] = [
  ['[alembic]\nscript_location = m # comment\n', { alembic: { script_location: 'm # comment' } }],
  ['[alembic]\nKey : v1\nother= a=b\n', { alembic: { key: 'v1', other: 'a=b' } }],
  ['[alembic]\nversion_locations = a\n  b\n\n  c\n\nnext = 1\n', { alembic: { version_locations: 'a\nb\n\nc', next: '1' } }],
  ['[alembic]\nk = v\n  # indented comment\n  cont\n', { alembic: { k: 'v\ncont' } }],
  ['[alembic]\nk = v\n; comment\n  cont\n', { alembic: { k: 'v\ncont' } }],
  ['[alembic]\n  k = v\n  x = y\n', { alembic: { k: 'v', x: 'y' } }],
  ['[alembic]\nk = v\n  [notsection]\n', { alembic: { k: 'v\n[notsection]' } }],
  ['[ alembic ]\nk=v\n', { ' alembic ': { k: 'v' } }],
  ['[a]b]\nk=v\n', { 'a]b': { k: 'v' } }],
  ['[alembic] trailing\nk=v\n', { alembic: { k: 'v' } }],
  ['[alembic]\nk =\n  continued\n', { alembic: { k: '\ncontinued' } }],
  ['[alembic]\nk = \t v \t \n', { alembic: { k: 'v' } }],
  ['[DEFAULT]\nx = 1\n[alembic]\nk = %(x)s\n[DEFAULT]\ny=2\n', { alembic: { k: '%(x)s' }, DEFAULT: { x: '1', y: '2' } }],
  ['[alembic]\nk = a\r\n  b\r\nz = \u001cq\u001c\n', { alembic: { k: 'a\nb', z: 'q' } }],
  ['[alembic]\nk = a\rq = b\r', { alembic: { k: 'a', q: 'b' } }],
  ['[alembic]\nk:v:w\nj=v:w\n', { alembic: { k: 'v:w', j: 'v:w' } }],
  ['[alembic]\nk = v\n\n\n', { alembic: { k: 'v' } }],
  ['[alembic]\nk = \u00a0v\u00a0\n', { alembic: { k: 'v' } }],
  ['[alembic]\nk = v\n [x]\n[y]\nq=1\n', { alembic: { k: 'v\n[x]' }, y: { q: '1' } }],
];

describe('parseIni: values as configparser reads them', () => {
  for (const [text, expected] of ACCEPTED) {
    test(JSON.stringify(text), () => {
      assert.deepEqual(values(text), expected);
      assert.deepEqual(parseIni(text, '/p/a.ini').problems, []);
    });
  }
});

// [ini text, problem code, 0-based line, configparser's exception]
const REJECTED: [string, string, number, string][] = [
  ['[alembic]\nk = v\nbadline\nother = 2\n', 'ini-syntax-error', 2, 'ParsingError'],
  ['key = v\n[alembic]\nk=1\n', 'ini-syntax-error', 0, 'MissingSectionHeaderError'],
  ['[alembic]\n = v\n', 'ini-syntax-error', 1, 'ParsingError'],
  ['[alembic]\na=1\n[alembic]\nb=2\n', 'ini-duplicate-section', 2, 'DuplicateSectionError'],
  ['[alembic]\nscript_location = m\nScript_Location = n\n', 'ini-duplicate-key', 2, 'DuplicateOptionError'],
  ['\ufeff[alembic]\nscript_location = m\n', 'ini-syntax-error', 0, 'MissingSectionHeaderError'],
  ['[alembic]\nk = v\n<<<<<<< HEAD\n', 'ini-syntax-error', 2, 'ParsingError'],
  ['[alembic]\nk = v\n=======\n', 'ini-syntax-error', 2, 'ParsingError'],
];

describe('parseIni: syntax problems point at the line and never throw', () => {
  for (const [text, code, line] of REJECTED) {
    test(`${code} ${JSON.stringify(text)}`, () => {
      const doc = parseIni(text, '/p/alembic.ini');
      assert.equal(doc.problems.length, 1);
      assert.equal(doc.problems[0].code, code);
      assert.equal(doc.problems[0].span.start.line, line);
      assert.match(doc.problems[0].message, /\/p\/alembic\.ini/);
      assert.match(doc.problems[0].message, /Fix:/);
    });
  }

  test('a merge conflict marker line says so and how to resolve it; an indented one continues the value', () => {
    for (const marker of ['<<<<<<< HEAD', '=======', '>>>>>>> feature', '||||||| base']) {
      const doc = parseIni(`[alembic]\nk = v\n${marker}\n`, '/x.ini');
      assert.match(doc.problems[0].message, /This line is a merge conflict marker\. Fix: resolve the merge conflict/, marker);
    }
    const continued = parseIni('[alembic]\nk = v\n  <<<<<<< x\n', '/x.ini');
    assert.deepEqual(continued.problems, []);
    assert.doesNotMatch(parseIni('[alembic]\nbadline\n', '/x.ini').problems[0].message, /conflict/);
  });

  test('reading goes on after an error: the first duplicate key wins', () => {
    const doc = parseIni('[alembic]\nk = 1\nbad\nk = 2\n  more\nz = 3\n', '/x.ini');
    assert.deepEqual(doc.problems.map((p) => p.code), ['ini-syntax-error', 'ini-duplicate-key']);
    assert.equal(doc.sections.get('alembic')!.entries.get('k')!.raw, '1');
    assert.equal(doc.sections.get('alembic')!.entries.get('z')!.raw, '3');
  });

  test('a BOM is reported, and the rest is still read', () => {
    const doc = parseIni('\ufeff[alembic]\nk = v\n', '/x.ini');
    assert.equal(doc.sections.get('alembic')!.entries.get('k')!.raw, 'v');
    assert.match(doc.problems[0].message, /without BOM/);
  });
});

describe('parseIni: positions', () => {
  test('key and value spans, continuation lines included', () => {
    const doc = parseIni('[alembic]\n  Version_Locations =  a\n    b  \n\nx=1\n', '/x.ini');
    const e = doc.sections.get('alembic')!.entries.get('version_locations')!;
    assert.equal(e.line, 1);
    assert.deepEqual(e.keySpan, { start: { line: 1, character: 2 }, end: { line: 1, character: 19 } });
    assert.deepEqual(e.valueSpan, { start: { line: 1, character: 23 }, end: { line: 2, character: 5 } });
    assert.deepEqual(doc.sections.get('alembic')!.headerSpan, { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } });
  });

  test('an empty value spans nothing at the end of its line', () => {
    const e = parseIni('[a]\ntimezone =\n', '/x.ini').sections.get('a')!.entries.get('timezone')!;
    assert.deepEqual(e.valueSpan, { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } });
  });
});

// [raw value, vars/defaults in the ini, expected value or Python's error text]
const INTERPOLATION: [string, string, { value: string } | { error: string; kind: string }][] = [
  ['%(here)s/migrations', '', { value: '/p/migrations' }],
  ['%(HERE)s/x', '', { value: '/p/x' }],
  ['100%%', '', { value: '100%' }],
  ['%%(rev)s_%%(slug)s', '', { value: '%(rev)s_%(slug)s' }],
  ['%(a)s', 'a = %(b)s!\nb = B', { value: 'B!' }],
  ['%(d)s', '', { value: 'from-default' }],
  ['50%', '', { error: "'%' must be followed by '%' or '(', found: '%'", kind: 'InterpolationSyntaxError' }],
  ['%(rev)s_%(slug)s', '', { error: "Bad value substitution: option 'k' in section 'alembic' contains an interpolation key 'rev' which is not a valid option name. Raw value: '%(rev)s_%(slug)s'", kind: 'InterpolationMissingOptionError' }],
  ['%(x)d', '', { error: "bad interpolation variable reference '%(x)d'", kind: 'InterpolationSyntaxError' }],
  ['%(k)s', '', { error: "Recursion limit exceeded in value substitution: option 'k' in section 'alembic' contains an interpolation key which cannot be substituted in 10 steps. Raw value: '%(k)s'", kind: 'InterpolationDepthError' }],
];

describe('interpolateIni: BasicInterpolation', () => {
  for (const [raw, extra, expected] of INTERPOLATION) {
    test(raw, () => {
      const doc = parseIni(`[DEFAULT]\nd = from-default\n[alembic]\nk = ${raw}\n${extra}\n`, '/p/alembic.ini');
      const r = interpolateIni(doc, 'alembic', 'k', { here: '/p' });
      if ('value' in expected) assert.deepEqual(r, { ok: true, value: expected.value });
      else assert.deepEqual(r, { ok: false, message: expected.error, kind: expected.kind });
    });
  }

  test("the file's [DEFAULT] here overrides Alembic's", () => {
    const doc = parseIni('[DEFAULT]\nhere = /elsewhere\n[alembic]\nk = %(here)s\n', '/p/alembic.ini');
    assert.deepEqual(interpolateIni(doc, 'alembic', 'k', { here: '/p' }), { ok: true, value: '/elsewhere' });
  });

  test('pyStrRepr quotes like Python', () => {
    assert.equal(pyStrRepr("it's"), '"it\'s"');
    assert.equal(pyStrRepr('a\nb\\'), "'a\\nb\\\\'");
    assert.equal(pyStrRepr(`'"`), `'\\'"'`);
  });

  test('pyStrRepr escapes what Python does not print (live check)', { skip: !existsSync('/usr/bin/python3') && !process.env.CI && 'no /usr/bin/python3' }, () => {
    const samples = ['\x01\x7f', '\x85\xa0\xe9', '\u2028\u200b\ufeff', 'x\u{1F600}y', '\u{E0001}', "'\"\t\r", 'plain id-1'];
    const py = spawnSync('/usr/bin/python3', ['-c', 'import json,sys; print(json.dumps([repr(s) for s in json.load(sys.stdin)]))'], { input: JSON.stringify(samples), encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    assert.deepEqual(samples.map(pyStrRepr), JSON.parse(py.stdout));
  });
});

const PYTHON = '/usr/bin/python3';
const PY_DUMP = `
import configparser, io, json, sys
cp = configparser.ConfigParser({'here': '/p'})
out = {}
try:
    # Alembic reads a file in text mode: universal newlines (\\r, \\r\\n and \\n end a line).
    cp.read_file(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline=None))
    for s in cp.sections():
        out[s] = {}
        for k in cp._sections[s]:
            try: out[s][k] = cp.get(s, k)
            except Exception as e: out[s][k] = 'ERR ' + type(e).__name__ + ': ' + str(e)
except Exception as e:
    out = {'ERR': type(e).__name__}
print(json.dumps(out))
`;

describe('live check against Python configparser', { skip: !existsSync(PYTHON) && 'no /usr/bin/python3' }, () => {
  const texts = [
    ...ACCEPTED.map(([t]) => t),
    '[alembic]\nscript_location = %(here)s/m\nfile_template = %(rev)s_%(slug)s\nfmt = 50%\ngood = %%(rev)s\nloop = %(loop)s\n',
  ];
  for (const text of texts) {
    test(JSON.stringify(text), () => {
      const py = spawnSync(PYTHON, ['-c', PY_DUMP], { input: text, encoding: 'utf8' });
      assert.equal(py.status, 0, py.stderr);
      const expected = JSON.parse(py.stdout);
      const doc = parseIni(text, '/p/alembic.ini');
      const mine: Record<string, Record<string, string>> = {};
      for (const [name, s] of doc.sections) {
        mine[name] = {};
        for (const key of s.entries.keys()) {
          const r = interpolateIni(doc, name, key, { here: '/p' });
          mine[name][key] = r.ok ? r.value : `ERR ${r.kind}: ${r.message}`;
        }
      }
      assert.deepEqual(mine, expected);
    });
  }
});
