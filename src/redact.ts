// Redaction in one place: every secret tide reads (credentials) or makes
// (site database passwords) is registered here once, and every log line,
// operation record and error message passes through redact() before it is
// printed or committed.
//
// A command may print a secret in disguise, so each is also looked for
// URL-encoded or JSON-escaped (in any mix with plain characters), in hex, and
// in base64 (both alphabets, at each of the three positions it can take in
// the 3-byte groups of a longer encoded text). Output that arrives in pieces
// (chunks, stdout and stderr) is redacted as one text with redactPieces, so a
// secret cut between two pieces is found too.

const MIN_SECRET_LENGTH = 4;
/** A disguised form shorter than this would mask ordinary text. */
const MIN_FORM_LENGTH = 8;
/** A line of a multi-line secret (a key) long enough to be masked on its own. */
const MIN_LINE_LENGTH = 16;
export const REDACTED = '[redacted]';

/** A regular expression source for one form of a secret, and the length of the text it matches. */
interface Form {
  source: string;
  length: number;
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly forms = new Map<string, number>();
  private pattern: RegExp | null = null;

  /** Registers a secret; short values are ignored (they would mask ordinary words). */
  add(secret: string | undefined | null): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    // A multi-line secret (a private key) is also masked line by line, so a
    // log that prints part of it shows nothing of it.
    const lines = secret.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= MIN_LINE_LENGTH && l !== secret);
    for (const value of [secret, ...lines]) {
      for (const form of disguises(value)) this.forms.set(form.source, form.length);
    }
    this.pattern = null;
  }

  redact(text: string): string {
    return this.redactPieces([text])[0]!;
  }

  /**
   * Redacts consecutive pieces of one output as a whole. Each piece keeps
   * what is its own; a secret that spans pieces is cut out of all of them,
   * and the mark stands in the piece where it began.
   */
  redactPieces(pieces: readonly string[]): string[] {
    if (this.forms.size === 0) return [...pieces];
    this.pattern ??= new RegExp(
      [...this.forms].sort((a, b) => b[1] - a[1]).map(([source]) => source).join('|'),
      'g',
    );
    const whole = pieces.join('');
    const found = [...whole.matchAll(this.pattern)].map((m) => [m.index, m.index + m[0].length] as const);
    if (found.length === 0) return [...pieces];
    let offset = 0;
    return pieces.map((piece) => {
      const end = offset + piece.length;
      let text = '';
      let at = offset;
      for (const [start, stop] of found) {
        if (stop <= offset || start >= end) continue;
        if (start > at) text += whole.slice(at, start);
        if (start >= offset) text += REDACTED;
        at = Math.max(at, Math.min(stop, end));
      }
      text += whole.slice(at, end);
      offset = end;
      return text;
    });
  }
}

/** The forms in which a command may print `value`. */
function disguises(value: string): Form[] {
  const bytes = Buffer.from(value, 'utf8');
  const hex = bytes.toString('hex');
  const encoded = [hex, hex.toUpperCase(), ...base64Forms(bytes)].filter((s) => s.length >= MIN_FORM_LENGTH);
  return [{ source: plainOrEscaped(value), length: value.length }, ...encoded.map((s) => ({ source: escapeRegExp(s), length: s.length }))];
}

/**
 * The value as written, URL-encoded (escapes in either case, `+` for a
 * space) or JSON-escaped, each character either way: `a/b` also matches
 * `a%2Fb`, `a%2fb` and `a\/b`.
 */
function plainOrEscaped(value: string): string {
  let source = '';
  for (const ch of value) {
    if (/^[A-Za-z0-9_~-]$/.test(ch)) {
      source += ch;
      continue;
    }
    const ways = [escapeRegExp(ch), [...Buffer.from(ch, 'utf8')].map(percentEscape).join('')];
    if (ch === ' ') ways.push('\\+');
    const json = JSON_ESCAPES[ch];
    if (json) ways.push(escapeRegExp(json));
    source += `(?:${ways.join('|')})`;
  }
  return source;
}

const JSON_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `%2F` or `%2f`. */
function percentEscape(byte: number): string {
  return `%${[...byte.toString(16).padStart(2, '0')].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join('')}`;
}

/**
 * What base64 makes of the bytes inside a longer encoded text. base64 turns
 * each group of 3 bytes into 4 characters; the bytes before the secret decide
 * where its first byte falls in a group (3 cases), and a character that also
 * carries bits of a neighbouring byte is left out: what remains depends on
 * the secret alone. Both alphabets (+/ and -_). Also the lines of the
 * secret's own encoding wrapped as base64(1) (76 columns) and PEM (64) do.
 */
function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = [];
  for (const lead of [0, 1, 2] as const) {
    const total = lead + bytes.length;
    const encoded = Buffer.concat([Buffer.alloc(lead), bytes]).toString('base64');
    const first = [0, 2, 3][lead]!;
    const last = Math.floor(total / 3) * 4 + [0, 1, 2][total % 3]!;
    forms.push(encoded.slice(first, last));
  }
  const alone = bytes.toString('base64');
  for (const width of [76, 64]) {
    for (let i = 0; alone.length > width && i < alone.length; i += width) {
      const line = alone.slice(i, i + width);
      if (line.length >= MIN_LINE_LENGTH) forms.push(line);
    }
  }
  return forms.flatMap((f) => [f, f.replace(/\+/g, '-').replace(/\//g, '_')]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The process-wide redactor: secrets are registered where they are read or generated. */
export const redactor = new Redactor();
