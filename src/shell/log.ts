// An operation's log: what ran, what it printed, how it ended. Every line
// passes through the redactor as it is appended, so a secret that reaches a
// command's output never reaches the state branch.

import { redactor } from '../redact.js';

export class OperationLog {
  private readonly lines: string[] = [];
  private readonly partial = new Map<string, string>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  line(text: string): void {
    const stamp = this.clock().toISOString().slice(11, 23);
    for (const part of redactor.redact(text).split('\n')) this.lines.push(`${stamp} ${part}`);
  }

  /** Output of a command, chunk by chunk; lines are completed before they are logged. */
  output(chunk: string, stream: 'stdout' | 'stderr'): void {
    const text = (this.partial.get(stream) ?? '') + chunk;
    const lines = text.split('\n');
    this.partial.set(stream, lines.pop() ?? '');
    for (const l of lines) this.line(`  ${stream === 'stderr' ? '!' : '|'} ${l}`);
  }

  /** Flushes half lines left by commands. */
  flush(): void {
    for (const [stream, rest] of this.partial) if (rest) this.line(`  ${stream === 'stderr' ? '!' : '|'} ${rest}`);
    this.partial.clear();
  }

  text(): string {
    this.flush();
    return this.lines.length ? `${this.lines.join('\n')}\n` : '';
  }
}
