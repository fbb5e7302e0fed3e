// Redaction in one place: every secret tide reads (credentials) or makes
// (site database passwords) is registered here once, and every log line,
// operation record and error message passes through redact() before it is
// printed or committed.
//
// A command may print a secret in disguise, so each is also looked for
// URL-encoded or JSON-escaped, in hex, and in base64 (both alphabets, at each
// of the three positions it can take in the 3-byte groups of a longer
// encoded text). Output that arrives in pieces (chunks, stdout and stderr) is
// redacted as one text with redactPieces, so a secret cut between two pieces
// is found too.
//
// Output order between stdout and stderr is not kept on the way (the command's
// two pipes, then sshd's, are read as they become ready), so a secret cut in
// two between them can arrive second half first. A long secret is therefore
// also masked wherever a run of MIN_FRAGMENT_LENGTH or more of its characters
// appears, whatever surrounds it.
//
// Every form is a literal string, indexed by its first GRAM characters: a
// scan costs a map look-up or two per character whatever the number of
// secrets (an apply registers one per site), and registering one costs no
// regular expression to recompile (which made an apply of N sites take
// O(N²) time). Before any look-up, a bit table of hashed 4-character heads
// tells in one array read that no form can start at a position: most text
// holds no secret, and is passed over at that cost.
//
// The same text is often redacted many times (a batch command shared by the
// operations of a batch is logged in each of their logs): the last results
// for long texts are kept, until a secret is added.

const MIN_SECRET_LENGTH = 4;
/** Forms are indexed by this many leading characters (no form is shorter). */
const GRAM = MIN_SECRET_LENGTH;
/** An encoded form (hex, base64) shorter than this would mask ordinary text. */
const MIN_ENCODED_LENGTH = 8;
/** A line of a multi-line secret (a key) long enough to be masked on its own. */
const MIN_LINE_LENGTH = 16;
/** A run of this many characters of a long secret is masked on its own. */
const MIN_FRAGMENT_LENGTH = 12;
/** Secrets this long are masked in fragments too (a shorter one's fragments could be ordinary words). */
const MIN_FRAGMENTED_LENGTH = 2 * MIN_FRAGMENT_LENGTH;
/** Longer secrets (keys) are masked line by line instead: a fragment of every position would cost too much. */
const MAX_FRAGMENTED_LENGTH = 512;
export const REDACTED = '[redacted]';
/** Bits of the head hash: a table of 2^20 bits (128 KiB) keeps false hits rare with thousands of secrets. */
const HEAD_BITS = 20;
/** Texts at least this long have their results kept for the next time. */
const MEMO_MIN_LENGTH = 256;
/** Longer texts are not kept (whole logs, each redacted once). */
const MEMO_MAX_LENGTH = 256 * 1024;
/** How many results are kept. */
const MEMO_ENTRIES = 64;

/** Where a fragment of MIN_FRAGMENT_LENGTH characters starts in a secret. */
interface Fragment {
  secret: string;
  at: number;
}

export class Redactor {
  private readonly secrets = new Set<string>();
  /**
   * Every form, by its first two characters then the next two (as numbers:
   * the scan makes no string per character); longest first, so a whole key
   * wins over one of its lines.
   */
  private readonly forms = new Map<number, Map<number, string[]>>();
  /** Every MIN_FRAGMENT_LENGTH-character run of each long secret, indexed as the forms are. */
  private readonly fragments = new Map<number, Map<number, Fragment[]>>();
  /** A bit per hash of the first GRAM characters of every form and fragment. */
  private readonly heads = new Uint8Array(1 << (HEAD_BITS - 3));
  /** Recent results for long texts (whole text → where secrets are); emptied when a secret is added. */
  private readonly memo = new Map<string, [number, number][]>();

  /** Changes whenever a secret is added: text redacted under the same generation needs no second look. */
  get generation(): number {
    return this.secrets.size;
  }

  /** Registers a secret; short values are ignored (they would mask ordinary words). */
  add(secret: string | undefined | null): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.memo.clear();
    // A multi-line secret (a private key) is also masked line by line, so a
    // log that prints part of it shows nothing of it.
    const lines = secret.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= MIN_LINE_LENGTH && l !== secret);
    for (const value of [secret, ...lines]) {
      for (const form of new Set(disguises(value))) this.index(form);
    }
    if (secret.length >= MIN_FRAGMENTED_LENGTH && secret.length <= MAX_FRAGMENTED_LENGTH && !/[\r\n]/.test(secret)) {
      for (let at = 0; at + MIN_FRAGMENT_LENGTH <= secret.length; at++) this.indexFragment({ secret, at });
    }
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
    const whole = pieces.join('');
    const found = this.findMemo(whole);
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

  private index(form: string): void {
    this.markHead(form, 0);
    const first = pair(form, 0);
    const second = pair(form, 2);
    const byFirst = this.forms.get(first) ?? new Map<number, string[]>();
    this.forms.set(first, byFirst);
    const list = byFirst.get(second) ?? [];
    byFirst.set(second, list);
    if (list.includes(form)) return;
    list.push(form);
    list.sort((a, b) => b.length - a.length);
  }

  private indexFragment(fragment: Fragment): void {
    const { secret, at } = fragment;
    this.markHead(secret, at);
    const byFirst = this.fragments.get(pair(secret, at)) ?? new Map<number, Fragment[]>();
    this.fragments.set(pair(secret, at), byFirst);
    const list = byFirst.get(pair(secret, at + 2)) ?? [];
    byFirst.set(pair(secret, at + 2), list);
    list.push(fragment);
  }

  private markHead(text: string, at: number): void {
    const h = headHash(text, at);
    this.heads[h >>> 3]! |= 1 << (h & 7);
  }

  private findMemo(text: string): [number, number][] {
    if (text.length < MEMO_MIN_LENGTH || text.length > MEMO_MAX_LENGTH) return this.find(text);
    const kept = this.memo.get(text);
    if (kept) return kept;
    const found = this.find(text);
    if (this.memo.size >= MEMO_ENTRIES) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(text, found);
    return found;
  }

  /** Where secrets are in `text`, left to right, without overlaps. */
  private find(text: string): [number, number][] {
    const found: [number, number][] = [];
    const heads = this.heads;
    for (let i = 0; i + GRAM <= text.length;) {
      const h = headHash(text, i);
      if ((heads[h >>> 3]! & (1 << (h & 7))) === 0) {
        i++;
        continue;
      }
      const first = pair(text, i);
      const second = pair(text, i + 2);
      const length = this.forms.get(first)?.get(second)?.find((form) => text.startsWith(form, i))?.length
        ?? this.fragmentRun(this.fragments.get(first)?.get(second), text, i);
      if (length) {
        found.push([i, i + length]);
        i += length;
      } else i++;
    }
    return found;
  }

  /** The longest run of a secret's characters at `i` that is at least a fragment long, or 0. */
  private fragmentRun(candidates: Fragment[] | undefined, text: string, i: number): number {
    let longest = 0;
    for (const { secret, at } of candidates ?? []) {
      let length = 0;
      while (i + length < text.length && at + length < secret.length && text.charCodeAt(i + length) === secret.charCodeAt(at + length)) length++;
      if (length >= MIN_FRAGMENT_LENGTH && length > longest) longest = length;
    }
    return longest;
  }
}

/** A hash of the GRAM (4) code units at `at`, HEAD_BITS wide. */
function headHash(text: string, at: number): number {
  const h = Math.imul(text.charCodeAt(at), 0x9e3779b1) ^ Math.imul(text.charCodeAt(at + 1), 0x85ebca77)
    ^ Math.imul(text.charCodeAt(at + 2), 0xc2b2ae3d) ^ Math.imul(text.charCodeAt(at + 3), 0x27d4eb2f);
  return (h ^ (h >>> 15)) & ((1 << HEAD_BITS) - 1);
}

/** Two UTF-16 code units as one number, a map key that costs no allocation. */
function pair(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

/** The forms in which a command may print `value`. */
function disguises(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const hex = bytes.toString('hex');
  const encoded = [hex, hex.toUpperCase(), ...base64Forms(bytes)].filter((s) => s.length >= MIN_ENCODED_LENGTH);
  return [value, ...escapedForms(value), ...encoded];
}

/**
 * The value URL-encoded (as encodeURIComponent or encodeURI do, escapes in
 * upper or lower case, `+` or `%20` for a space) and JSON-escaped (`/` as it
 * is or as `\/`).
 */
function escapedForms(value: string): string[] {
  const forms: string[] = [];
  for (const encode of [encodeURIComponent, encodeURI]) {
    let url: string;
    try {
      url = encode(value);
    } catch {
      continue; // a lone surrogate: no URL form
    }
    for (const text of [url, url.replace(/%20/g, '+')]) forms.push(text, text.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()));
  }
  const json = JSON.stringify(value).slice(1, -1);
  forms.push(json, json.replace(/\//g, '\\/'));
  return forms;
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

/** The process-wide redactor: secrets are registered where they are read or generated. */
export const redactor = new Redactor();
