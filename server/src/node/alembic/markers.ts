// Reading the bootstrap's output: text arrives in chunks, is cut into lines, and stderr lines that
// carry the marker are JSON events (step started/finished, the final result) rather than output.
import { StringDecoder } from 'node:string_decoder';
import type { SourceLocation, StepEvent } from './types';

/** Must match MARKER in server/python/alembic_vscode_events.py. */
export const MARKER = '@@alembic-vscode@@ ';

/** Cuts a byte stream into lines (UTF-8 safe across chunk boundaries; `\r\n` and `\n`). */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let nl = this.pending.indexOf('\n');
    while (nl >= 0) {
      this.onLine(this.pending.slice(0, nl).replace(/\r$/, ''));
      this.pending = this.pending.slice(nl + 1);
      nl = this.pending.indexOf('\n');
    }
  }

  end(): void {
    this.pending += this.decoder.end();
    if (this.pending) this.onLine(this.pending.replace(/\r$/, ''));
    this.pending = '';
  }
}

/** The final result line the bootstrap prints, as sent (see alembic_bootstrap.py). */
export interface BootstrapResult {
  event: 'result';
  ok: boolean;
  command?: string;
  alembicVersion?: string | null;
  sql?: string | null;
  created?: { revision: string; path: string }[];
  startHeads?: string[] | null;
  heads?: string[] | null;
  stepsFinished?: number;
  transactionalDdl?: boolean | null;
  transactionPerMigration?: boolean | null;
  offline?: boolean;
  kind?: string;
  errorType?: string;
  message?: string;
  where?: SourceLocation | null;
  failedStep?: Omit<StepEvent, 'phase'> | null;
}

export type BootstrapEvent =
  | ({ event: 'step-started' | 'step-finished' } & Omit<StepEvent, 'phase'>)
  | BootstrapResult;

export type ParsedLine = { text?: string; event?: BootstrapEvent };

/** Splits one stderr line into plain text and an event (a marker may follow unterminated output). */
export function parseLine(line: string): ParsedLine {
  const at = line.indexOf(MARKER);
  if (at < 0) return { text: line };
  const before = line.slice(0, at);
  try {
    const event = JSON.parse(line.slice(at + MARKER.length)) as BootstrapEvent;
    if (event && typeof event === 'object' && typeof event.event === 'string') {
      return before ? { text: before, event } : { event };
    }
  } catch {
    // not one of ours after all: keep it as output
  }
  return { text: line };
}

export function toStep(e: Omit<StepEvent, 'phase'>, phase: StepEvent['phase']): StepEvent {
  const step: StepEvent = {
    phase,
    kind: e.kind,
    revision: e.revision ?? null,
    from: [...(e.from ?? [])],
    to: [...(e.to ?? [])],
    message: e.message ?? null,
  };
  if (e.heads) step.heads = [...e.heads];
  return step;
}
