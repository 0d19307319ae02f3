import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMako } from '../../server/src/engine/generate/mako';
import { pyPercentFormat } from '../../server/src/engine/generate/percent-format';
import { pyRepr, pyStr, type PyValue } from '../../server/src/engine/generate/mako-pyvalue';
import { pyDateTimeAt } from '../../server/src/engine/generate/create-date';

const FIXTURES = join(__dirname, '..', 'fixtures', 'templates');

type JsonValue = null | boolean | number | string | JsonValue[] | { tuple: JsonValue[] } | { datetime: number[] };

interface MakoCase {
  name: string;
  template: string;
  vars: Record<string, JsonValue>;
  expected?: string;
  error?: string;
}

const COMMA: PyValue = {
  kind: 'callable',
  name: 'comma',
  call: ([v]) =>
    v.kind === 'none' ? pyStr('') : v.kind === 'str' ? v : pyStr((v as { items: PyValue[] }).items.map((x) => (x as { value: string }).value).join(', ')),
};

function toPy(v: JsonValue): PyValue {
  if (v === null) return { kind: 'none' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return { kind: 'int', value: v };
  if (typeof v === 'string') return pyStr(v);
  if (Array.isArray(v)) return { kind: 'list', items: v.map(toPy) };
  if ('tuple' in v) return { kind: 'tuple', items: v.tuple.map(toPy) };
  const [year, month, day, hour, minute, second, microsecond] = v.datetime;
  return { kind: 'datetime', value: { year, month, day, hour, minute, second, microsecond, utcOffsetSeconds: null, epochSeconds: 0 } };
}

function context(vars: Record<string, JsonValue>): Map<string, PyValue> {
  return new Map(Object.entries(vars).map(([k, v]) => [k, k === 'comma' ? COMMA : toPy(v)]));
}

function render(template: string, vars: Record<string, PyValue> = {}): ReturnType<typeof renderMako> {
  return renderMako(template, new Map(Object.entries(vars)));
}

describe('Mako rendering matches real Mako 1.2 (mako-cases.json, made by regenerate.py)', () => {
  const cases = JSON.parse(readFileSync(join(FIXTURES, 'mako-cases.json'), 'utf8')) as MakoCase[];
  for (const c of cases) {
    test(c.name, () => {
      const out = renderMako(c.template, context(c.vars));
      if (c.expected !== undefined) {
        assert.deepEqual(out, { ok: true, value: c.expected });
      } else {
        assert.equal(out.ok, false, `Mako raised ${c.error}; the engine rendered ${JSON.stringify(out)}`);
      }
    });
  }
});

describe('errors name the template line and what was met', () => {
  test('an undefined variable', () => {
    const out = render('line one\nline two ${imports}\n');
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.error : '', /line 2: NameError: Undefined \(the template variable 'imports' was not passed\)/);
  });

  test('an unsupported tag', () => {
    const out = render('a\n\n<%def name="x()">y</%def>\n');
    assert.deepEqual(out, { ok: false, error: 'script.py.mako line 3: the Mako tag <%def> is not supported' });
  });

  test('an unsupported control keyword', () => {
    const out = render('% while x:\n% endwhile\n');
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.error : '', /line 1: .*'while' is not supported/);
  });

  test('a module that is imported but not available', () => {
    const out = render("<%! from alembic import op %>\n\n${op.f('x')}");
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.error : '', /line 3: not supported by the template interpreter: 'op.f'/);
  });

  test('a Python syntax error', () => {
    const out = render('ok\n${imports if imports}\n');
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.error : '', /^script\.py\.mako line 2: expected 'else'/);
  });

  test('floats are refused, not approximated', () => {
    const out = render('${1.5}');
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.error : '', /only integer literals/);
  });

  test('repr of an object would print an address: refused', () => {
    const out = render('${repr(context)}');
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.error : '', /not supported by the template interpreter: repr\(\) of a Context object/);
  });
});

describe('Python repr', () => {
  test('quote choice and escapes', () => {
    assert.equal(pyRepr(pyStr("it's")), `"it's"`);
    assert.equal(pyRepr(pyStr(`both ' and "`)), `'both \\' and "'`);
    assert.equal(pyRepr(pyStr('\u00e9\u00a0\u0301')), "'\u00e9\\xa0\u0301'");
    assert.equal(pyRepr(pyStr('\ud800')), "'\\ud800'");
  });

  test('tuples and lists', () => {
    assert.equal(pyRepr({ kind: 'tuple', items: [pyStr('a')] }), "('a',)");
    assert.equal(pyRepr({ kind: 'list', items: [pyStr('a'), { kind: 'none' }] }), "['a', None]");
  });

  test('naive datetime repr drops zero seconds and microseconds', () => {
    const d = pyDateTimeAt(Date.UTC(2026, 0, 2, 3, 4), 0, false);
    assert.equal(pyRepr({ kind: 'datetime', value: d }), 'datetime.datetime(2026, 1, 2, 3, 4)');
  });
});

describe('printf-style formatting', () => {
  const dict = (o: Record<string, number | string>): PyValue => ({
    kind: 'dict',
    entries: Object.entries(o).map(([k, v]) => [pyStr(k), typeof v === 'number' ? { kind: 'int', value: v } : pyStr(v)]),
  });

  test('file template specifiers', () => {
    assert.equal(pyPercentFormat('%(month).2d|%(month)02d|%(month)2d|%(month)-3d|%(month)+d|%(rev)s', dict({ month: 7, rev: 'ab' })), '07|07| 7|7  |+7|ab');
    assert.equal(pyPercentFormat('%(n)x %(n)X %(n)#o %(n)5.3d', dict({ n: 255 })), 'ff FF 0o377   255');
    assert.equal(pyPercentFormat('100%% %s', pyStr('x')), '100% x');
  });

  test("Python's errors", () => {
    assert.throws(() => pyPercentFormat('%(missing)s', dict({ rev: 'a' })), /KeyError: 'missing'/);
    assert.throws(() => pyPercentFormat('%(rev)d', dict({ rev: 'a' })), /TypeError: %d format: a real number is required, not str/);
    assert.throws(() => pyPercentFormat('%(rev)q', dict({ rev: 'a' })), /unsupported format character 'q' \(0x71\) at index 6/);
    assert.throws(() => pyPercentFormat('%(rev)', dict({ rev: 'a' })), /incomplete format/);
    assert.throws(() => pyPercentFormat('%s %s', pyStr('a')), /not enough arguments/);
    assert.throws(() => pyPercentFormat('x', pyStr('a')), /not all arguments converted/);
  });
});
