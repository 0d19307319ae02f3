// Renders a `script.py.mako` the way Mako does when Alembic calls `Template(filename=...)
// .render_unicode(**kw)`: the subset of Mako such templates use (text, `${expr | filters}`,
// `## comments`, `% if/elif/else/for` lines, `<% %>` and `<%! %>` code, `<%text>`, `<%doc>`),
// evaluated with Python semantics. Whatever it cannot evaluate becomes an error naming the
// template line; it never guesses.

import type { Outcome } from '../types';
import { applyFilters } from './mako-filters';
import { lexMako, MakoSyntaxError, type MakoNode } from './mako-lexer';
import { PySyntaxError } from './mako-pylex';
import { bindTargets, childScope, evalPy, type PyScope } from './mako-pyeval';
import { parsePyExpression, type PyExpr } from './mako-pyparse';
import { parseCodeBlock, parseControlHead, type PyStatement } from './mako-pystmt';
import { RE_MODULE } from './mako-pyre';
import { PYTHON_BUILTINS } from './mako-pybuiltins';
import { PyError, pyBool, pyInt, pyIter, pyStr, truthy, typeName, unsupported, type PyValue } from './mako-pyvalue';

type Item =
  | { type: 'text'; text: string }
  | { type: 'expr'; expr: PyExpr; filters: string; line: number }
  | { type: 'code'; statements: PyStatement[]; line: number }
  | { type: 'if'; branches: { test: PyExpr | null; body: Item[]; line: number }[] }
  | { type: 'for'; targets: string[]; iter: PyExpr; body: Item[]; orelse: Item[]; line: number };

/** An error with the template line it belongs to (1-based). */
class TemplateError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

function atLine<T>(line: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PyError || e instanceof PySyntaxError) throw new TemplateError(e.message, line);
    throw e;
  }
}

const SUPPORTED_TAGS = new Set(['text']);

/** Turns the flat node list into nested if/for blocks; module-level code is returned apart. */
function buildTree(nodes: MakoNode[]): { body: Item[]; moduleCode: { statements: PyStatement[]; line: number }[] } {
  const moduleCode: { statements: PyStatement[]; line: number }[] = [];
  const root: Item[] = [];
  const stack: { item: Extract<Item, { type: 'if' | 'for' }>; target: Item[] }[] = [];
  const current = (): Item[] => (stack.length ? stack[stack.length - 1].target : root);
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        current().push({ type: 'text', text: node.text });
        break;
      case 'tag':
        if (!SUPPORTED_TAGS.has(node.keyword)) throw new TemplateError(`the Mako tag <%${node.keyword}> is not supported`, node.line);
        break;
      case 'expr':
        current().push({ type: 'expr', expr: atLine(node.line, () => parsePyExpression(node.code)), filters: node.filters, line: node.line });
        break;
      case 'code': {
        const statements = atLine(node.line, () => parseCodeBlock(node.code));
        if (node.module) moduleCode.push({ statements, line: node.line });
        else current().push({ type: 'code', statements, line: node.line });
        break;
      }
      case 'control': {
        if (node.isEnd) {
          stack.pop();
          break;
        }
        const head = atLine(node.line, () => parseControlHead(node.text));
        const top = stack[stack.length - 1];
        if (head.kind === 'if') {
          const item: Item = { type: 'if', branches: [{ test: head.test, body: [], line: node.line }] };
          current().push(item);
          stack.push({ item, target: item.branches[0].body });
        } else if (head.kind === 'for') {
          const item: Item = { type: 'for', targets: head.targets, iter: head.iter, body: [], orelse: [], line: node.line };
          current().push(item);
          stack.push({ item, target: item.body });
        } else if (top?.item.type === 'if') {
          const branch = { test: head.kind === 'elif' ? head.test : null, body: [] as Item[], line: node.line };
          top.item.branches.push(branch);
          top.target = branch.body;
        } else if (top?.item.type === 'for' && head.kind === 'else') {
          top.target = top.item.orelse;
        } else {
          throw new TemplateError(`'${head.kind}' without a matching 'if'`, node.line);
        }
        break;
      }
    }
  }
  return { body: root, moduleCode };
}

class Renderer {
  private out: string[] = [];
  private readonly locals = new Map<string, PyValue>();
  private readonly moduleNames = new Map<string, PyValue>();
  private readonly scope: PyScope;

  constructor(private readonly data: ReadonlyMap<string, PyValue>) {
    const contextObject = this.contextObject();
    this.scope = {
      get: (name) =>
        this.locals.get(name) ?? this.moduleNames.get(name) ?? this.data.get(name) ??
        (name === 'context' ? contextObject : name === 'UNDEFINED' ? { kind: 'undefined', name: 'UNDEFINED' } : undefined),
    };
  }

  /** Mako's `context`: `context.get(key, default)`, `context[key]`, `context.keys()`, `context.write(s)`. */
  private contextObject(): PyValue {
    const data = this.data;
    return {
      kind: 'object',
      typeName: 'Context',
      attr: (name) => {
        if (name === 'get') {
          return {
            kind: 'callable',
            name: 'Context.get',
            call: (args) => {
              if (args.length < 1 || args.length > 2 || args[0].kind !== 'str') throw new PyError('TypeError', 'Context.get() takes a key and an optional default');
              return data.get(args[0].value) ?? PYTHON_BUILTINS.get(args[0].value) ?? args[1] ?? { kind: 'none' };
            },
          };
        }
        if (name === 'keys') return { kind: 'callable', name: 'Context.keys', call: () => ({ kind: 'list', items: [...data.keys()].map(pyStr) }) };
        if (name === 'kwargs') return { kind: 'dict', entries: [...data].map(([k, v]) => [pyStr(k), v] as [PyValue, PyValue]) };
        if (name === 'write') {
          return {
            kind: 'callable',
            name: 'Context.write',
            call: (args) => {
              if (args.length !== 1 || args[0].kind !== 'str') throw new PyError('TypeError', 'Context.write() takes one str');
              this.out.push(args[0].value);
              return { kind: 'none' };
            },
          };
        }
        return undefined;
      },
      // Mako's Context has no __contains__: `x in context` fails there too (KeyError: 0).
      getItem: (key) => (key.kind === 'str' ? data.get(key.value) : undefined),
    };
  }

  runModuleCode(blocks: { statements: PyStatement[]; line: number }[]): void {
    for (const block of blocks) this.exec(block.statements, block.line, this.moduleNames);
  }

  private exec(statements: PyStatement[], blockLine: number, into: Map<string, PyValue>): void {
    for (const s of statements) {
      atLine(blockLine + s.line, () => {
        if (s.kind === 'import') into.set(s.alias, importModule(s.module, s.alias));
        else if (s.kind === 'assign') {
          const value = evalPy(s.value, this.scope);
          for (const targets of s.targets) for (const [k, v] of bindTargets(targets, value)) into.set(k, v);
        } else if (s.kind === 'expr') {
          evalPy(s.value, this.scope);
        } else if (s.kind === 'augassign') {
          const current = evalPy({ t: 'name', id: s.target, pos: 0 }, this.scope);
          const sum = evalPy({ t: 'binary', op: s.op, left: { t: 'name', id: '__aug_left', pos: 0 }, right: s.value, pos: 0 }, childScope(this.scope, new Map([['__aug_left', current]])));
          into.set(s.target, sum);
        }
      });
    }
  }

  render(items: Item[]): void {
    for (const item of items) {
      switch (item.type) {
        case 'text':
          this.out.push(item.text);
          break;
        case 'expr':
          atLine(item.line, () => {
            const value = applyFilters(evalPy(item.expr, this.scope), item.filters, this.scope);
            if (value.kind !== 'str') throw new PyError('TypeError', `sequence item: expected str instance, ${typeName(value)} found`);
            this.out.push(value.value);
          });
          break;
        case 'code':
          this.exec(item.statements, item.line, this.locals);
          break;
        case 'if': {
          const branch = item.branches.find((b) => b.test === null || atLine(b.line, () => truthy(evalPy(b.test!, this.scope))));
          if (branch) this.render(branch.body);
          break;
        }
        case 'for':
          this.renderFor(item);
          break;
      }
    }
  }

  private renderFor(item: Extract<Item, { type: 'for' }>): void {
    const values = atLine(item.line, () => pyIter(evalPy(item.iter, this.scope)));
    const outerLoop = this.locals.get('loop');
    values.forEach((value, index) => {
      for (const [k, v] of atLine(item.line, () => bindTargets(item.targets, value))) this.locals.set(k, v);
      this.locals.set('loop', loopObject(index, values.length, outerLoop));
      this.render(item.body);
    });
    if (outerLoop) this.locals.set('loop', outerLoop);
    else this.locals.delete('loop');
    this.render(item.orelse);
  }

  text(): string {
    return this.out.join('');
  }
}

/** Mako's `loop` inside `% for`: index, first, last, even, odd, reverse_index, parent. */
function loopObject(index: number, length: number, parent: PyValue | undefined): PyValue {
  return {
    kind: 'object',
    typeName: 'LoopContext',
    attr: (name) => {
      switch (name) {
        case 'index': return pyInt(index);
        case 'first': return pyBool(index === 0);
        case 'last': return pyBool(index === length - 1);
        case 'even': return pyBool(index % 2 === 0);
        case 'odd': return pyBool(index % 2 === 1);
        case 'reverse_index': return pyInt(length - index - 1);
        case 'parent': return parent;
        default: return undefined;
      }
    },
  };
}

/** `import re` gives a working module; any other import binds a module whose use is refused. */
function importModule(module: string, alias: string): PyValue {
  if (module === 're') return RE_MODULE;
  return {
    kind: 'object',
    typeName: 'module',
    attr: (name) => {
      throw unsupported(`'${alias}.${name}': the module '${module}' is not available to the template interpreter`);
    },
  };
}

/**
 * Renders a Mako template with the given variables (Python values). Returns the text Mako would
 * produce, or an error naming the template line and what could not be evaluated.
 */
export function renderMako(template: string, variables: ReadonlyMap<string, PyValue>): Outcome<string> {
  try {
    const { body, moduleCode } = buildTree(lexMako(template));
    const renderer = new Renderer(variables);
    renderer.runModuleCode(moduleCode);
    renderer.render(body);
    return { ok: true, value: renderer.text() };
  } catch (e) {
    if (e instanceof TemplateError || e instanceof MakoSyntaxError) {
      return { ok: false, error: `script.py.mako line ${e.line}: ${e.message}` };
    }
    if (e instanceof PyError || e instanceof PySyntaxError) return { ok: false, error: `script.py.mako: ${e.message}` };
    if (e instanceof RangeError) return { ok: false, error: `script.py.mako: ${e.message}` };
    return { ok: false, error: `script.py.mako: internal error: ${(e as Error).message}` };
  }
}
