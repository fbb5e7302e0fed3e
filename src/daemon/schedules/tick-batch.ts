// Gathers what the runs of one scheduler tick record, for one commit. The
// Recorder writes each operation twice (running, then finished); here both
// land in the same set of files, so a running marker made and removed within
// the tick never reaches the branch. What is kept is committed once, by the
// scheduler, with a message of its own.

import { RUNNING_DIR } from '../../apply/records.js';
import type { StateWriter } from '../../state/writer.js';

export class TickBatch implements Pick<StateWriter, 'commit'> {
  readonly files = new Map<string, string | null>();

  constructor(private readonly head: string | null) {}

  commit({ files }: { files: Record<string, string | null> }): Promise<string> {
    this.add(files);
    return Promise.resolve(this.head ?? '');
  }

  add(files: Record<string, string | null>): void {
    for (const [path, text] of Object.entries(files)) {
      // A marker written by this tick and removed again: it never existed on the branch.
      if (text === null && path.startsWith(`${RUNNING_DIR}/`) && typeof this.files.get(path) === 'string') this.files.delete(path);
      else this.files.set(path, text);
    }
  }

  /** Moves a file within the batch (a cron run's record to its one-per-site place). */
  move(from: string, to: string): void {
    const text = this.files.get(from);
    if (typeof text !== 'string') return;
    this.files.delete(from);
    this.files.set(to, text);
  }

  /** The batch's path that ends with `suffix` (a record found by its id). */
  find(suffix: string): string | undefined {
    for (const path of this.files.keys()) if (path.endsWith(suffix)) return path;
    return undefined;
  }

  get empty(): boolean {
    return this.files.size === 0;
  }

  toRecord(): Record<string, string | null> {
    return Object.fromEntries(this.files);
  }
}
