// Redaction in one place: every secret tide reads (credentials) or makes
// (site database passwords) is registered here once, and every log line,
// operation record and error message passes through redact() before it is
// printed or committed.

const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | null = null;

  /** Registers a secret; short values are ignored (they would mask ordinary words). */
  add(secret: string | undefined | null): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    // A multi-line secret (a private key) is also masked line by line, so a
    // log that prints part of it shows nothing of it.
    for (const line of secret.split(/\r?\n/)) {
      if (line.trim().length >= 16) this.secrets.add(line.trim());
    }
    this.pattern = null;
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, REDACTED);
  }
}

/** The process-wide redactor: secrets are registered where they are read or generated. */
export const redactor = new Redactor();
