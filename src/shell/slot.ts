// An operation's executor slot as the services below see it. The executor
// (apply/executor.ts) runs at most `perServer` operations per server, but an
// operation waiting for work done on its behalf (its vhost in the server's
// reload group, services/http/reload-group.ts) does no remote work
// meanwhile: it hands its slot back while it waits (`parked`), so the next
// operation starts at once. `ServerActivity` counts, per server, the
// operations running and not parked, and says when a count changes: a
// reload group starts its batch once none is left on its server, so every
// change that was about to arrive has arrived. The operation's shell views
// carry its slot (shell.ts `slotOf`); without one (a single immediate
// operation, a test) nothing is parked or counted.

export interface OperationSlot {
  /** The server the operation runs on (its slot counts there). */
  readonly server: string;
  /** The counts of the executor the operation runs in. */
  readonly activity: ServerActivity;
  /**
   * Runs `wait` without holding the slot: the executor may start another
   * operation meanwhile. The slot is not taken back when the wait ends, only
   * by `working` (see apply/executor.ts).
   */
  parked<T>(wait: () => Promise<T>): Promise<T>;
  /**
   * Resolves once the operation holds a slot, waiting for one if it parked
   * before: called before each command of its own, so the limits bound the
   * operations running commands. Resolves at once while the operation is
   * parked (a command of its batch runs on its behalf).
   */
  working(): Promise<void>;
}

/** Per server, the operations running and not parked, with a signal when a count changes. */
export class ServerActivity {
  private readonly counts = new Map<string, number>();
  private waiters: (() => void)[] = [];

  /** Operations on `server` running and not parked. */
  active(server: string): number {
    return this.counts.get(server) ?? 0;
  }

  /** One more (1) or one less (-1) operation running unparked on `server`. */
  add(server: string, delta: 1 | -1): void {
    this.counts.set(server, this.active(server) + delta);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at the next change of any server's count. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
