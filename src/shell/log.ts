// An operation's log: what ran, what it printed, how it ended. Everything
// passes through the redactor before it is kept, so a secret that reaches a
// command's output never reaches the state branch. A command's output is
// held until the command ends and redacted as one text, so a secret cut
// between two chunks, or between stdout and stderr, is still found.

import { redactor } from '../redact.js';
import type { OutputStream } from '../transport/types.js';

interface Chunk {
  stream: OutputStream;
  text: string;
  stamp: string;
}

const MARK: Record<OutputStream, string> = { stdout: '|', stderr: '!' };

export class OperationLog {
  private readonly lines: string[] = [];
  private readonly pending: Chunk[] = [];
  /** The redactor's secrets when this log began: every line is redacted with these at least. */
  private readonly since = redactor.generation;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  line(text: string): void {
    const stamp = this.stamp();
    for (const part of redactor.redact(text).split('\n')) this.lines.push(`${stamp} ${part}`);
  }

  /** Output of a command, chunk by chunk; logged by flush() when the command ends. */
  output(chunk: string, stream: OutputStream): void {
    this.pending.push({ stream, text: chunk, stamp: this.stamp() });
  }

  /** Logs the output held since the last flush, line by line, each with the time it began. */
  flush(): void {
    const chunks = this.pending.splice(0);
    const texts = redactor.redactPieces(chunks.map((c) => c.text));
    const open = new Map<OutputStream, { text: string; stamp: string }>();
    const emit = (stream: OutputStream, { text, stamp }: { text: string; stamp: string }) =>
      this.lines.push(`${stamp}   ${MARK[stream]} ${text}`);
    chunks.forEach(({ stream, stamp }, i) => {
      const parts = texts[i]!.split('\n');
      const last = parts.pop()!;
      for (const part of parts) {
        const started = open.get(stream);
        emit(stream, { text: (started?.text ?? '') + part, stamp: started?.stamp ?? stamp });
        open.delete(stream);
      }
      if (last) open.set(stream, { text: (open.get(stream)?.text ?? '') + last, stamp: open.get(stream)?.stamp ?? stamp });
    });
    for (const [stream, rest] of open) emit(stream, rest);
  }

  /** The whole log, redacted with every secret known now: lines were as they were logged, and again when a secret was added since. */
  text(): string {
    this.flush();
    const text = this.lines.length ? `${this.lines.join('\n')}\n` : '';
    return redactor.generation === this.since ? text : redactor.redact(text);
  }

  private stamp(): string {
    return this.clock().toISOString().slice(11, 23);
  }
}
