// Output safe to show on a terminal. Strings from the state branch and fleet
// files (names, paths, reasons, command output quoted in errors) may hold
// control characters: an ESC sequence can move the cursor, clear the screen,
// retitle the window or hide text, a CR overwrites a line, bidi overrides
// reorder what is shown. This is the one place that escapes them (`\u001b`):
// the CLI's stdout and stderr go through `terminalStream`, and the plan
// renderer escapes each value it quotes and marks its coloured text as
// already escaped, so tide's own colours survive. A leaf module, like redact.

/** C0 and C1 controls, DEL, line/paragraph separators and bidi overrides; tab and newline kept. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, tab and newline included. */
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

function escapeChar(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `text` with control characters shown escaped. `keepLines`: newlines and
 * tabs stay (a whole message); otherwise they are escaped too (one value on
 * one line, which then cannot fake a line of its own).
 */
export function escapeControls(text: string, { keepLines = false } = {}): string {
  return text.replace(keepLines ? CONTROLS : ALL_CONTROLS, escapeChar);
}

/**
 * `json` (a plan: JSON.stringify's output, megabytes of it) as UTF-8 bytes,
 * and whether they print as they are. ASCII JSON (its UTF-8 length, which
 * node counts without encoding, is its length: the usual plan) is copied as
 * its bytes, without UTF-8 encoding. Only for JSON: see hasJsonControl.
 */
export function encodeJson(json: string): { bytes: Buffer; printsAsIs: boolean } {
  const bytes = Buffer.from(json, Buffer.byteLength(json) === json.length ? 'latin1' : 'utf8');
  return { bytes, printsAsIs: !hasJsonControl(bytes) };
}

/** Whether a terminal stream would write `text` (newlines and tabs kept), or these UTF-8 bytes, exactly as they are. */
export function printsAsIs(text: string | Uint8Array): boolean {
  return typeof text === 'string' ? text.search(CONTROLS) === -1 : firstControlByte(text) === -1;
}

/**
 * Where the first character CONTROLS matches starts in UTF-8 `bytes`, or -1,
 * without decoding them (a plan is megabytes): a C0 byte but tab and
 * newline, DEL, C2 80-9F (C1), E2 80 A8-AE (U+2028-202E), E2 81 A6-A9 (U+2066-2069).
 */
function firstControlByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b < 0x7f) continue;
    if (b < 0x20 ? b !== 0x09 && b !== 0x0a : b === 0x7f) return i;
    if (b === 0xc2 && bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f) return i;
    if (b === 0xe2 && bytes[i + 1] === 0x80 && bytes[i + 2]! >= 0xa8 && bytes[i + 2]! <= 0xae) return i;
    if (b === 0xe2 && bytes[i + 1] === 0x81 && bytes[i + 2]! >= 0xa6 && bytes[i + 2]! <= 0xa9) return i;
  }
  return -1;
}

/**
 * Whether the UTF-8 bytes of JSON written by JSON.stringify hold a character
 * CONTROLS matches. JSON.stringify writes every C0 control in a string
 * escaped (`\n`, `\u001b`) and none outside one but newlines, so what is
 * left to find is DEL and the multi-byte ones, each by a native search for
 * its first byte (a plan is megabytes: a loop over its bytes in JS costs
 * more than making it): DEL 7F, C2 80-9F (C1), E2 80 A8-AE (U+2028-202E),
 * E2 81 A6-A9 (U+2066-2069).
 */
function hasJsonControl(bytes: Buffer): boolean {
  if (bytes.indexOf(0x7f) !== -1) return true;
  for (let i = bytes.indexOf(0xc2); i !== -1; i = bytes.indexOf(0xc2, i + 1)) {
    if (bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f) return true;
  }
  for (let i = bytes.indexOf(0xe2); i !== -1; i = bytes.indexOf(0xe2, i + 1)) {
    if (bytes[i + 1] === 0x80 && bytes[i + 2]! >= 0xa8 && bytes[i + 2]! <= 0xae) return true;
    if (bytes[i + 1] === 0x81 && bytes[i + 2]! >= 0xa6 && bytes[i + 2]! <= 0xa9) return true;
  }
  return false;
}

const preEscaped = new Set<string>();

/**
 * Marks text made only of escaped values and tide's own colour codes (a
 * coloured plan), so a terminal stream writes it as it is, once.
 */
export function alreadyEscaped(text: string): string {
  preEscaped.add(text);
  return text;
}

const RAW = Symbol('tide.rawStream');

function printable(chunk: unknown): unknown {
  if (typeof chunk === 'string') return preEscaped.delete(chunk) ? chunk : escapeControls(chunk, { keepLines: true });
  if (chunk instanceof Uint8Array) return escapeControls(Buffer.from(chunk).toString('utf8'), { keepLines: true });
  return chunk;
}

/** A view of `stream` whose write() shows control characters escaped; everything else is the stream's own. */
export function terminalStream<S extends NodeJS.WritableStream>(stream: S): S {
  if ((stream as { [RAW]?: unknown })[RAW]) return stream;
  return new Proxy(stream, {
    get(target, prop) {
      if (prop === RAW) return target;
      if (prop === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => (target.write as (...args: unknown[]) => boolean)(printable(chunk), ...rest);
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The stream under a terminal view: for readline, whose cursor codes are its own. */
export function rawStream<S extends NodeJS.WritableStream>(stream: S): S {
  return (stream as { [RAW]?: S })[RAW] ?? stream;
}
