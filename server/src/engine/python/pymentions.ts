// Whether a stretch of text could name one of the module variables or upgrade/downgrade. A
// module-level line that cannot is read by nobody (see parse.ts): the statement analyzer reports only
// bindings of those names and `def upgrade`/`def downgrade`.

/** Every word the analyzer reacts to contains one of these ('grade': upgrade and downgrade). */
const MENTION = /revision|branch_labels|depends_on|grade/g;

export class MentionFinder {
  /** Where the first mention at or after `searchedFrom` starts (the text's length when none). */
  private searchedFrom = 0;
  private next = -1;

  constructor(private readonly text: string) {}

  /** Whether a mention starts in [from, to). Asked with increasing `from`, it rarely searches twice. */
  mentionedIn(from: number, to: number): boolean {
    if (from < this.searchedFrom || from > this.next) {
      // test() rather than exec(): exec builds a match array per call, thousands per cold index.
      MENTION.lastIndex = from;
      this.searchedFrom = from;
      this.next = MENTION.test(this.text) ? mentionStart(this.text, MENTION.lastIndex) : this.text.length;
    }
    return this.next < to;
  }
}

/** Where the mention that ends at `end` starts (which word it is tells its length). */
function mentionStart(text: string, end: number): number {
  for (const word of WORDS) if (text.startsWith(word, end - word.length)) return end - word.length;
  return end; // unreachable: the regex matched one of the words
}

const WORDS = ['revision', 'branch_labels', 'depends_on', 'grade'];
