// File paths (what the engine speaks) <-> URIs (what LSP speaks), encoded exactly as VS Code does,
// so that a diagnostic's URI matches the editor's document URI character for character.
import { URI } from 'vscode-uri';

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

/** The file path of a `file:` URI, or null for other schemes (untitled, git...). */
export function uriToPath(uri: string): string | null {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return null;
  const p = parsed.fsPath;
  return process.platform === 'win32' ? p.replace(/\\/g, '/') : p;
}
