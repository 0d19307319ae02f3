// The edits the language-server benchmark sends: small incremental changes, as an editor sends them
// for keystrokes and pastes, each applied to a client-side copy of the text so ranges stay right.
import { readFileSync } from 'node:fs';
import { uriOf } from './lsp-client.mjs';

/** An open document and its text as the server has it. */
class OpenDocument {
  constructor(client, path) {
    this.client = client;
    this.path = path;
    this.text = readFileSync(path, 'utf8');
  }

  lines() {
    return this.text.split('\n');
  }

  offsetOf(line, character) {
    const lines = this.lines();
    let at = 0;
    for (let i = 0; i < line; i++) at += lines[i].length + 1;
    return at + character;
  }

  /** Replaces the range with `text`, here and on the server. */
  replace(start, end, text) {
    const from = this.offsetOf(start.line, start.character);
    const to = this.offsetOf(end.line, end.character);
    this.text = this.text.slice(0, from) + text + this.text.slice(to);
    return this.client.edit(this.path, { start, end }, text);
  }

  insert(line, character, text) {
    return this.replace({ line, character }, { line, character }, text);
  }

  lineOf(re) {
    const line = this.lines().findIndex((l) => re.test(l));
    if (line < 0) throw new Error(`${this.path} has no line matching ${re}`);
    return line;
  }
}

async function open(client, path) {
  const doc = new OpenDocument(client, path);
  await client.nextIndex(() => client.open(path, doc.text));
  return doc;
}

/**
 * `count` edits that keep the revision graph, in rotation: a line typed into upgrade(), a syntax
 * error made then fixed (the file's diagnostics change), a character typed into the message (the
 * graph's `doc`), and a line typed into a file whose multiple-heads problem points into another file.
 * Each item: `send()` makes the edit; `check()` (optional) asserts the diagnostics it must bring.
 */
export async function* keptGraphEdits(client, project, count) {
  const doc = await open(client, project.ordinary);
  const head = await open(client, project.secondHead);
  let broken = false;
  for (let i = 0; i < count; i++) {
    switch (i % 4) {
      case 0:
        yield { send: () => doc.insert(doc.lineOf(/^def upgrade/) + 2, 0, `    op.execute("select ${i}")\n`) };
        break;
      case 1: {
        const make = !broken;
        broken = make;
        yield {
          send: () => {
            if (make) return doc.insert(doc.lines().length - 1, 0, 'x = (\n');
            const at = doc.lineOf(/^x = \($/);
            return doc.replace({ line: at, character: 0 }, { line: at + 1, character: 0 }, '');
          },
          check: () => {
            const has = (client.diagnostics.get(uriOf(doc.path)) ?? []).some((d) => d.code === 'syntax-error');
            if (has !== make) throw new Error(`after edit ${i} the syntax error should be ${make ? 'shown' : 'gone'}`);
          },
        };
        break;
      }
      case 2:
        yield { send: () => doc.insert(0, 3, 'x') };
        break;
      default:
        yield { send: () => head.insert(head.lineOf(/^def upgrade/) + 2, 0, `    op.execute("select ${i}")\n`) };
    }
  }
}

/** `count` edits of a down_revision, back and forth between two parents: each one rebuilds the graph. */
export async function* graphEdits(client, project, count) {
  const doc = await open(client, project.fileOf(project.ids[20]));
  const line = doc.lineOf(/^down_revision/);
  const start = doc.lines()[line].indexOf("'") + 1;
  const original = doc.lines()[line].slice(start, start + 12);
  for (let i = 0; i < count; i++) {
    const id = i % 2 === 0 ? project.ids[5] : original;
    yield { send: () => doc.replace({ line, character: start }, { line, character: start + 12 }, id) };
  }
}
