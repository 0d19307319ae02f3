// Splits a Mako template into nodes exactly as Mako's own lexer (mako/lexer.py, 1.x) does: the
// same regular expressions tried in the same order, including its quirks (a `%%` at the start of a
// line loses its first character, `<&` loses its `<`, `\` + newline disappears, a leading
// `# ... coding: x` line is dropped). Getting this right is what makes the output byte-identical.

export type MakoNode =
  | { type: 'text'; text: string; line: number }
  | { type: 'expr'; code: string; filters: string; line: number }
  | { type: 'control'; keyword: string; isEnd: boolean; text: string; line: number }
  | { type: 'code'; code: string; module: boolean; line: number }
  | { type: 'tag'; keyword: string; line: number };

export class MakoSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

// Python's `^` under re.M: the start of the text or just after "\n" (not after "\r").
const LINE_START = '(?:(?<![\\s\\S])|(?<=\\n))';
const END = '(?![\\s\\S])';

const CODING = /#[^\n]*coding[:=]\s*([-\p{L}\p{N}_.]+)[^\n]*\r?\n/uy;
const EXPRESSION_START = /\$\{/y;
const CONTROL_LINE = new RegExp(`${LINE_START}[\\t ]*(%(?!%)|##)[\\t ]*((?:(?:\\\\\\r?\\n)|[^\\r\\n])*)(?:\\r?\\n|${END})`, 'y');
const DOC_COMMENT = /<%doc>([\s\S]*?)<\/%doc>/y;
const TAG_START = /<%([\p{L}\p{N}_.:]+)((?:\s+[\p{L}\p{N}_]+|\s*=\s*|"[^"]*?"|'[^']*?'|\s*,\s*)*)\s*(\/)?>/iuy;
const TAG_END = /<\/%[\t ]*([^\t ]+?)[\t ]*>/y;
const PYTHON_BLOCK = /<%(!)?/y;
const TEXT = new RegExp(
  `([\\s\\S]*?)((?<=\\n)(?=[ \\t]*(?=%|##))|(?=\\$\\{)|(?=<\\/?[%&])|(\\\\\\r?\\n)|${END})`,
  'y',
);
const TEXT_TAG_BODY = /([\s\S]*?)(?=<\/%text>)/y;
const PY_COMMENT = /#[^\n]*\n/y;
const PY_STRING = /("""|'''|"|')[^\\]*?(?:\\[\s\S][^\\]*?)*\1/y;
const CONTROL_WORDS = /^(end)?([\p{L}\p{N}_]+)\s*([\s\S]*)$/u;

const PRIMARY = new Set(['for', 'if', 'while', 'try', 'with']);
const TERNARY: Record<string, Set<string>> = {
  if: new Set(['else', 'elif']),
  try: new Set(['except', 'finally', 'else']),
  for: new Set(['else']),
  while: new Set(['else']),
};

class Lexer {
  private pos = 0;
  private line = 1;
  private matchedLine = 1;
  readonly nodes: MakoNode[] = [];
  private readonly openControls: { keyword: string; line: number }[] = [];
  private readonly openTags: { keyword: string }[] = [];

  constructor(private readonly text: string) {}

  /** Mako's match_reg: an empty match still advances one character. */
  private match(re: RegExp): RegExpExecArray | null {
    const start = this.pos;
    re.lastIndex = start;
    const m = re.exec(this.text);
    if (!m) return null;
    const end = start + m[0].length;
    this.pos = end === start ? end + 1 : end;
    this.matchedLine = this.line;
    this.line += countNewlines(this.text.slice(start, this.pos));
    return m;
  }

  run(): MakoNode[] {
    this.match(CODING);
    for (;;) {
      if (this.pos > this.text.length) break;
      if (this.pos === this.text.length) break;
      if (this.expression() || this.controlLine() || this.docComment() || this.tagStart() ||
        this.tagEnd() || this.pythonBlock() || this.textRun()) continue;
      if (this.pos > this.text.length) break;
      throw new MakoSyntaxError('the Mako lexer could not go on', this.line);
    }
    if (this.openTags.length) throw new MakoSyntaxError(`Unclosed tag: <%${this.openTags[this.openTags.length - 1].keyword}>`, this.line);
    if (this.openControls.length) {
      const c = this.openControls[this.openControls.length - 1];
      throw new MakoSyntaxError(`Unterminated control keyword: '${c.keyword}'`, c.line);
    }
    return this.nodes;
  }

  /** Mako's parse_until_text: Python source up to a terminator, skipping strings and comments. */
  private untilText(watchNesting: boolean, terminators: string): [string, string] {
    const start = this.pos;
    const term = new RegExp(`(${terminators})`, 'y');
    const chunk = new RegExp(`([\\s\\S]*?)(?="|'|#|${terminators})`, 'y');
    let braces = 0;
    let parens = 0;
    let brackets = 0;
    for (;;) {
      if (this.match(PY_COMMENT)) continue;
      if (this.match(PY_STRING)) continue;
      const t = this.match(term);
      if (t && !(watchNesting && (braces > 0 || parens > 0 || brackets > 0))) {
        return [this.text.slice(start, this.pos - t[1].length), t[1]];
      }
      const m = t ?? this.match(chunk);
      if (m) {
        const s = m[1];
        braces += count(s, '{') - count(s, '}');
        parens += count(s, '(') - count(s, ')');
        brackets += count(s, '[') - count(s, ']');
        continue;
      }
      throw new MakoSyntaxError(`Expected: ${terminators.replace(/\\/g, '').split('|').join(',')}`, this.line);
    }
  }

  private expression(): boolean {
    if (!this.match(EXPRESSION_START)) return false;
    const line = this.matchedLine;
    let [code, end] = this.untilText(true, '\\||\\}');
    let filters = '';
    if (end === '|') [filters, end] = this.untilText(true, '\\}');
    this.nodes.push({ type: 'expr', code: code.replace(/\r\n/g, '\n'), filters: filters.trim(), line });
    return true;
  }

  private controlLine(): boolean {
    const m = this.match(CONTROL_LINE);
    if (!m) return false;
    const line = this.matchedLine;
    if (m[1] === '##') return true;
    const text = m[2];
    const words = CONTROL_WORDS.exec(text);
    if (!words) throw new MakoSyntaxError(`Invalid control line: '${text}'`, line);
    const isEnd = words[1] !== undefined;
    const keyword = words[2];
    const open = this.openControls[this.openControls.length - 1];
    if (isEnd) {
      if (!open) throw new MakoSyntaxError(`No starting keyword '${keyword}' for '${text}'`, line);
      if (open.keyword !== keyword) throw new MakoSyntaxError(`Keyword '${text}' doesn't match keyword '${open.keyword}'`, line);
      this.openControls.pop();
    } else if (PRIMARY.has(keyword)) {
      this.openControls.push({ keyword, line });
    } else if (open && !TERNARY[open.keyword]?.has(keyword)) {
      throw new MakoSyntaxError(`Keyword '${keyword}' not a legal ternary for keyword '${open.keyword}'`, line);
    }
    this.nodes.push({ type: 'control', keyword, isEnd, text, line });
    return true;
  }

  private docComment(): boolean {
    return this.match(DOC_COMMENT) !== null;
  }

  private tagStart(): boolean {
    const m = this.match(TAG_START);
    if (!m) return false;
    const line = this.matchedLine;
    const keyword = m[1];
    this.nodes.push({ type: 'tag', keyword, line });
    if (m[3]) return true;
    this.openTags.push({ keyword });
    if (keyword === 'text') {
      const body = this.match(TEXT_TAG_BODY);
      if (!body) throw new MakoSyntaxError('Unclosed tag: <%text>', line);
      this.nodes.push({ type: 'text', text: body[1], line: this.matchedLine });
      return this.tagEnd();
    }
    return true;
  }

  private tagEnd(): boolean {
    const m = this.match(TAG_END);
    if (!m) return false;
    const open = this.openTags[this.openTags.length - 1];
    if (!open) throw new MakoSyntaxError(`Closing tag without opening tag: </%${m[1]}>`, this.matchedLine);
    if (open.keyword !== m[1]) {
      throw new MakoSyntaxError(`Closing tag </%${m[1]}> does not match tag: <%${open.keyword}>`, this.matchedLine);
    }
    this.openTags.pop();
    return true;
  }

  private pythonBlock(): boolean {
    const m = this.match(PYTHON_BLOCK);
    if (!m) return false;
    const line = this.matchedLine;
    const [code] = this.untilText(false, '%>');
    this.nodes.push({ type: 'code', code, module: m[1] === '!', line });
    return true;
  }

  private textRun(): boolean {
    const m = this.match(TEXT);
    if (!m) return false;
    if (m[1]) this.nodes.push({ type: 'text', text: m[1], line: this.matchedLine });
    return true;
  }
}

function countNewlines(s: string): number {
  return count(s, '\n');
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** The template's nodes, or a MakoSyntaxError with the template line (thrown; the renderer catches it). */
export function lexMako(template: string): MakoNode[] {
  return new Lexer(template).run();
}
