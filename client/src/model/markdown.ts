// Text from migration files (messages, labels, paths) shown in Markdown tooltips must not turn into
// markup or links by accident.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (c) => `\\${c}`);
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  return fence + text + (fence === '`' ? '`' : ' ``');
}
