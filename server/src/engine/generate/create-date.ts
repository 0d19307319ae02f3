// The `create_date` Alembic hands to the template and to the file name: a Python `datetime`.
// The engine never reads the clock: callers pass an instant and an offset, and these helpers give
// the wall-clock fields Python would have and the text `str(datetime)` prints.

import type { Outcome } from '../types';

export interface PyDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  /** Set when the datetime is timezone-aware (alembic's `timezone` option): printed as `+01:00`. */
  utcOffsetSeconds: number | null;
  /** `int(create_date.timestamp())`, the file template's `%(epoch)s`. */
  epochSeconds: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `str(datetime)`: `2026-11-23 22:15:38.689867`, no fraction when microsecond is 0, `+HH:MM` when aware. */
export function formatPyDateTime(d: PyDateTime): string {
  let out =
    `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)} ` +
    `${pad(d.hour, 2)}:${pad(d.minute, 2)}:${pad(d.second, 2)}`;
  if (d.microsecond !== 0) out += '.' + pad(d.microsecond, 6);
  if (d.utcOffsetSeconds !== null) out += formatOffset(d.utcOffsetSeconds);
  return out;
}

/** Python's `+HH:MM`, with `:SS` only when the offset has seconds (old local-mean-time zones). */
function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hh = Math.floor(abs / 3600);
  const mm = Math.floor((abs % 3600) / 60);
  const ss = abs % 60;
  return `${sign}${pad(hh, 2)}:${pad(mm, 2)}` + (ss ? `:${pad(ss, 2)}` : '');
}

/** `repr(datetime)` for a naive datetime; null for an aware one (its tzinfo repr is class-specific). */
export function reprPyDateTime(d: PyDateTime): string | null {
  if (d.utcOffsetSeconds !== null) return null;
  const parts = [d.year, d.month, d.day, d.hour, d.minute];
  if (d.second || d.microsecond) parts.push(d.second);
  if (d.microsecond) parts.push(d.microsecond);
  return `datetime.datetime(${parts.join(', ')})`;
}

/**
 * The datetime at `epochMs` (plus `extraMicroseconds` below the millisecond) seen at a fixed UTC
 * offset. `aware` says whether it carries the offset (alembic's `timezone` set) or is naive local
 * time (`datetime.now()`, where `offsetSeconds` is the machine's local offset at that instant).
 */
export function pyDateTimeAt(
  epochMs: number,
  offsetSeconds: number,
  aware: boolean,
  extraMicroseconds = 0,
): PyDateTime {
  const wall = new Date(Math.floor(epochMs) + offsetSeconds * 1000);
  const ms = ((Math.floor(epochMs) % 1000) + 1000) % 1000;
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    microsecond: ms * 1000 + extraMicroseconds,
    utcOffsetSeconds: aware ? offsetSeconds : null,
    epochSeconds: Math.trunc(Math.floor(epochMs) / 1000),
  };
}

/**
 * Alembic's create date with `timezone = NAME`: `now(ZoneInfo(NAME))`, trying `NAME.upper()` when
 * NAME is not found. Uses the IANA database built into the JavaScript runtime (Intl). Intl matches
 * names case-insensitively where ZoneInfo (a file lookup) does not, so a name Intl knows under
 * another casing is refused; for links Intl renames (`US/Eastern`), the casing cannot be checked.
 * (1.8.1 used dateutil's tz.gettz, which also took POSIX TZ strings; the newest rule is followed.)
 */
export function pyDateTimeInZone(epochMs: number, timezone: string): Outcome<PyDateTime> {
  for (const name of [timezone, timezone.toUpperCase()]) {
    const offset = zoneOffsetSeconds(epochMs, name);
    if (offset !== null) return { ok: true, value: pyDateTimeAt(epochMs, offset, true) };
  }
  return { ok: false, error: `Can't locate timezone: ${timezone}` };
}

function zoneOffsetSeconds(epochMs: number, zone: string): number | null {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return null;
  }
  const resolved = fmt.resolvedOptions().timeZone;
  if (resolved.toLowerCase() === zone.toLowerCase() && resolved !== zone) return null;
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(whole))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - whole) / 1000);
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `datetime.isoformat(sep)`. */
export function isoformatPyDateTime(d: PyDateTime, sep = 'T'): string {
  return formatPyDateTime(d).replace(' ', sep);
}

/**
 * `datetime.strftime(fmt)` in the C locale (Python never sets LC_TIME itself) for the portable
 * directives; null when the format uses another one, so the caller can refuse rather than guess.
 */
export function strftimePyDateTime(d: PyDateTime, fmt: string): string | null {
  const weekday = (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;
  const yday = Math.round((Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(d.year, 0, 1)) / 86400000) + 1;
  const hour12 = d.hour % 12 === 0 ? 12 : d.hour % 12;
  const off = d.utcOffsetSeconds;
  const parts: Record<string, string> = {
    Y: String(d.year), y: pad(d.year % 100, 2), m: pad(d.month, 2), d: pad(d.day, 2), H: pad(d.hour, 2),
    I: pad(hour12, 2), M: pad(d.minute, 2), S: pad(d.second, 2), f: pad(d.microsecond, 6), j: pad(yday, 3),
    p: d.hour < 12 ? 'AM' : 'PM', a: DAYS[weekday].slice(0, 3), A: DAYS[weekday], b: MONTHS[d.month - 1].slice(0, 3),
    B: MONTHS[d.month - 1], z: off === null ? '' : formatOffset(off).replace(/:/g, ''), '%': '%',
  };
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%') {
      out += fmt[i];
      continue;
    }
    const part = parts[fmt[i + 1]];
    if (part === undefined) return null;
    out += part;
    i++;
  }
  return out;
}
