// The daemon's log: one line per event on stderr (journald stamps and stores
// it), as `key=value` text or, with --log-format json, one JSON object a line.
// Every line passes through the redactor last, so a secret that reached a
// message (a git error quoting a URL with a token) is masked like anywhere
// else in tide. A small writer of our own rather than pino or winston: their
// redaction works on field paths, and tide's has to work on values.

import { redactor } from '../redact.js';
import type { DaemonLogger, LogFields } from './types.js';

export type LogFormat = 'text' | 'json';
type Level = 'info' | 'warn' | 'error';

export function createLogger(out: NodeJS.WritableStream, format: LogFormat, now: () => Date = () => new Date()): DaemonLogger {
  const write = (level: Level, event: string, fields: LogFields = {}): void => {
    const time = now().toISOString();
    const line = format === 'json'
      ? JSON.stringify({ time, level, event, ...plain(fields) })
      : [time, level, event, ...Object.entries(plain(fields)).map(([k, v]) => `${k}=${textValue(v)}`)].join(' ');
    out.write(`${redactor.redact(line)}\n`);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** Errors become their message, dates ISO strings, undefined fields are left out. */
function plain(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = value instanceof Error ? value.message : value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** A bare word stays bare; anything with a space, quote, `=` or control character is JSON-quoted (one line whatever it holds). */
function textValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[\w.:/@+,-]*$/.test(text) && text !== '' ? text : JSON.stringify(text);
}

export function isLogFormat(value: string): value is LogFormat {
  return value === 'text' || value === 'json';
}
