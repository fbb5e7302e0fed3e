// One config test and one reload for many vhosts: the group commit of the web
// server. Operations on one server hand their vhost change to the server's
// group; while a batch is in flight the next arrivals wait for the next one,
// so a server under many operations runs one test, one reload and one
// served-wait (served.ts) per batch instead of one per vhost. An operation
// with nothing of its own left after its vhost (`park`: an install) parks
// its executor slot while it waits (shell/slot.ts), so the server's next
// operations start and reach their vhosts too; a batch of such changes
// starts once no operation on the server is left running unparked (whatever
// was about to arrive has arrived), or once its oldest change has waited
// TIDE_RELOAD_WAIT_SECONDS (2 s; a long installer on the same server must
// not hold everyone else's vhosts). A change whose operation keeps its slot
// (a maintenance page, a migrate's switch) starts its batch at once. What a
// batch does (its writes, the shared test, the search for the faulty vhosts
// when it fails, the reload and the served wait) is vhost-batch.ts.

import type { HttpService } from '../../model/kinds.js';
import { serverTransport, slotOf } from '../../shell/shell.js';
import type { ServerActivity } from '../../shell/slot.js';
import { reloadWaitMs } from '../../transport/timeouts.js';
import type { Transport } from '../../transport/types.js';
import { httpCommand } from './commands.js';
import { Batch, type Replaced, type VhostChange } from './vhost-batch.js';

interface Waiting {
  change: VhostChange;
  done(outcome: Replaced | Error): void;
  /** When it arrived (Date.now()). */
  since: number;
  /** The counts of the executor its operation runs in (none: its operation kept its slot, or runs outside an executor). */
  activity?: ServerActivity;
}

/** The vhost changes of one server (one transport, one web server's commands) that share a test and a reload. */
class ReloadGroup {
  private waiting: Waiting[] = [];
  private draining = false;

  constructor(private readonly server: string, private readonly http: HttpService) {}

  /** Resolves once the change is reloaded (and served when asked); rejects as the single-vhost path would. */
  submit(change: VhostChange): Promise<Replaced> {
    const slot = change.park ? slotOf(change.view) : undefined;
    const wait = () => new Promise<Replaced>((resolve, reject) => {
      this.waiting.push({ change, since: Date.now(), activity: slot?.activity,
        done: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)) });
      if (!this.draining) void this.drain();
    });
    // Until its batch is done a parking operation runs nothing of its own: its slot is free meanwhile.
    return slot ? slot.parked(wait) : wait();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    // Changes handed over in the same turn of the event loop start together.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.waiting.length > 0) {
      await this.gathered();
      const batch = this.waiting.splice(0);
      const outcomes = await new Batch(this.server, this.http, batch.map((w) => w.change)).commit()
        .catch((error: Error) => batch.map(() => error));
      batch.forEach((w, i) => w.done(outcomes[i]!));
    }
    this.draining = false;
  }

  /**
   * Resolves once no operation on the server runs unparked, or the oldest
   * waiting change has waited long enough; at once when a waiting change's
   * operation kept its slot (it is not to be held back).
   */
  private async gathered(): Promise<void> {
    if (this.waiting.some((w) => !w.activity)) return;
    const deadline = this.waiting[0]!.since + reloadWaitMs();
    for (;;) {
      const activities = [...new Set(this.waiting.flatMap((w) => (w.activity ? [w.activity] : [])))];
      const left = deadline - Date.now();
      if (left <= 0 || activities.every((a) => a.active(this.server) === 0)) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([...activities.map((a) => a.changed()), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
  }
}

/** One group per server's transport (so per run) and per web server commands. */
const groups = new WeakMap<Transport, Map<string, ReloadGroup>>();

/**
 * Hands a vhost change to its server's reload group, which writes it with
 * the others of its batch; resolves once it is tested, reloaded (and served
 * when asked) with what the file held before; rejects with what failed:
 * HttpConfigTestError (its file put back), HttpReloadError, VhostNotServedError,
 * or the write's own error.
 */
export function commitVhostChange(http: HttpService, change: VhostChange): Promise<Replaced> {
  const transport = serverTransport(change.view);
  let byCommands = groups.get(transport);
  if (!byCommands) groups.set(transport, (byCommands = new Map()));
  const key = JSON.stringify([httpCommand(http, 'check'), httpCommand(http, 'reload'), http.servedWithin]);
  let group = byCommands.get(key);
  if (!group) byCommands.set(key, (group = new ReloadGroup(transport.server, http)));
  return group.submit(change);
}
