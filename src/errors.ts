// The base of every error tide reports. A leaf module: it imports nothing of
// ours, so every layer (model included) may use it.

export interface TideErrorOptions {
  /** What the user can do about it, printed under the message. */
  hint?: string;
  /** True when the same command may succeed later (network, lock held). */
  retryable?: boolean;
  cause?: unknown;
}

export class TideError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly retryable: boolean;

  constructor(code: string, message: string, options: TideErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
    this.retryable = options.retryable ?? false;
  }
}

/** A problem at a place in a fleet file. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

/** The fleet repository is invalid; every problem found is listed at once. */
export class FleetInvalidError extends TideError {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const files = new Set(diagnostics.map((d) => d.file)).size;
    const n = diagnostics.length;
    super(
      'FLEET_INVALID',
      `${n} ${n === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'}; nothing was planned.`,
      { hint: 'Fix the errors above and run `tide validate` again.' },
    );
    this.diagnostics = diagnostics;
  }
}
