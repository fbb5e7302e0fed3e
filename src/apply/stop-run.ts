// No process outlives its operation. Before an undo (run-operation.ts) or a
// crash recovery (recovery.ts) acts on a target, whatever the operation
// started and lost sight of (a command cut off by a dropped connection, or
// left running when tide itself was killed) is stopped on every server the
// operation used, and its absence confirmed: an installer that carries on
// after its undo removed the site directory would write into the directory a
// later reinstall creates. The running marker on the state branch says which
// servers and which run tag (run-tag.ts); reapRun does the killing.

import type { DesiredState, Server } from '../model/kinds.js';
import { reapRun, RunNotReapedError } from '../transport/run-tag.js';
import type { Transport } from '../transport/types.js';
import type { RunProcesses } from './records.js';

export interface StopRunOptions {
  desired: DesiredState;
  transport(server: Server): Transport;
  /** Told about the groups that had to be killed. */
  log?(line: string): void;
}

/** Kills the run's leftover process groups on each of its servers; rejects with RunNotReapedError when it cannot confirm they are gone. */
export async function stopRun(run: RunProcesses, o: StopRunOptions): Promise<void> {
  for (const name of run.servers) {
    const server = o.desired.servers.get(name);
    if (!server) throw new RunNotReapedError(name, run.tag, 'the server is no longer in the fleet, so tide cannot reach it');
    const killed = await reapRun(o.transport(server), run.tag);
    if (killed.length) o.log?.(`stopped ${killed.length} process group${killed.length === 1 ? '' : 's'} (${killed.join(' ')}) left running by run ${run.tag} on ${name}`);
  }
}
