// The server's settings: defaults, and reading whatever the client sent into a well-formed value
// (a wrong type in settings.json must not break the server: it falls back to the default).
import type { ServerSettings, SeveritySetting } from './protocol';

export const DEFAULT_SETTINGS: ServerSettings = {
  diagnostics: { severity: {} },
  inlayHints: true,
  codeLens: true,
};

const LEVELS = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(raw: unknown): ServerSettings {
  const root = isRecord(raw) ? raw : {};
  const diagnostics = isRecord(root.diagnostics) ? root.diagnostics : {};
  const severity: Record<string, SeveritySetting> = {};
  if (isRecord(diagnostics.severity)) {
    for (const [code, level] of Object.entries(diagnostics.severity)) {
      if (typeof level === 'string' && LEVELS.has(level as SeveritySetting)) severity[code] = level as SeveritySetting;
    }
  }
  return {
    diagnostics: { severity },
    inlayHints: typeof root.inlayHints === 'boolean' ? root.inlayHints : DEFAULT_SETTINGS.inlayHints,
    codeLens: typeof root.codeLens === 'boolean' ? root.codeLens : DEFAULT_SETTINGS.codeLens,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
