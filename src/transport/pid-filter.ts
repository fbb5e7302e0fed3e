// The pid a command reports first on its stderr (PID_MARK), taken out of
// the stream so a timeout can kill the command's process group by pid.

import { PID_MARK } from './remote-shell.js';

const MARK = Buffer.from(PID_MARK, 'latin1');

/**
 * Takes the PID_MARK line out of stderr and keeps the pid. Anything the
 * login shell printed before it (a noisy .bashrc) is passed on unchanged.
 */
export class PidFilter {
  pid: number | undefined;
  /** The pid once it arrived; undefined if the mark never comes. */
  readonly known: Promise<number | undefined>;
  private settle!: (pid: number | undefined) => void;
  private pending: Buffer | null = Buffer.alloc(0);

  constructor(private readonly pass: (chunk: Buffer) => void) {
    this.known = new Promise((resolve) => (this.settle = resolve));
  }

  push(chunk: Buffer): void {
    if (this.pending === null) return this.pass(chunk);
    const buf = Buffer.concat([this.pending, chunk]);
    const at = buf.indexOf(MARK);
    const nl = at < 0 ? -1 : buf.indexOf(0x0a, at);
    if (nl < 0) {
      // Give up on a mark that never comes rather than hold stderr forever.
      this.pending = buf;
      if (buf.length > 65_536) this.end();
      return;
    }
    const pid = Number(buf.subarray(at + MARK.length, nl).toString('latin1'));
    if (Number.isInteger(pid) && pid > 1) this.pid = pid;
    this.settle(this.pid);
    this.pending = null;
    const rest = Buffer.concat([buf.subarray(0, at), buf.subarray(nl + 1)]);
    if (rest.length > 0) this.pass(rest);
  }

  end(): void {
    if (this.pending?.length) this.pass(this.pending);
    this.pending = null;
    this.settle(this.pid);
  }
}
