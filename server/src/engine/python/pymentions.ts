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
      MENTION.lastIndex = from;
      const found = MENTION.exec(this.text);
      this.searchedFrom = from;
      this.next = found ? found.index : this.text.length;
    }
    return this.next < to;
  }
}
