// tide daemon: follows the fleet repository. The loop, in order:
//   1. fetch the tracked branch and the state branch into the daemon's clone
//      (a failure is logged, counted and retried with backoff; it never ends
//      the daemon);
//   2. if neither tip moved since the last reconcile that ended, nothing
//      more: plans are pure, the same two commits give the same plan;
//   3. a commit whose last apply failed waits for its backoff (seconds
//      doubling up to minutes), a new commit, or a manual trigger;
//   4. otherwise reconcile it in the daemon's turn (reconcile.ts): one at a
//      time, state lock held, state branch caught up first and pushed after;
//   5. sleep the poll interval with jitter, or until the webhook or a manual
//      trigger wakes it.
// The scheduler, when plugged in, ticks in a loop of its own and takes the
// same turn. Stopping (SIGTERM) aborts the shared signal: no new operation
// starts, running ones finish and are recorded and pushed, then the locks go.

import { catchUpWithRemote, pushState } from '../apply/push.js';
import { TideError } from '../errors.js';
import { requireGitDirs } from '../repo/git-dir.js';
import { Backoff, jitter } from './backoff.js';
import { DaemonConfigError } from './errors.js';
import { fleetSettingsAt } from './fleet-settings.js';
import { FleetRemote, type FetchResult } from './fleet-remote.js';
import { startHttpServer, type DaemonHttpServer } from './http.js';
import { acquireDaemonLock, breakDeadDaemonLock, localRemoteGitDir } from './locks.js';
import { createMetrics, unixSeconds, type DaemonMetrics } from './metrics.js';
import { reconcileCommit } from './reconcile.js';
import { coreRoutes } from './routes.js';
import type { DaemonContext, DaemonLogger, DaemonPlugins, DaemonStatus, ReconcileResult, Scheduler } from './types.js';
import { webhookRoute } from './webhook.js';
import type { Registry } from 'prom-client';
import type { DesiredState } from '../model/kinds.js';

export interface DaemonOptions {
  /** The fleet repository: a local path or a git URL. */
  remote: string;
  cacheDir: string;
  /** Tracked branch; default: the remote's default branch. */
  branch?: string;
  intervalMs: number;
  /** Apply on its own whatever tide.yaml says. */
  autoApply: boolean;
  host: string;
  port: number;
  /** Bearer token for every route but the probes and the webhook. */
  token?: string;
  /** Without it, POST /webhook does not exist. */
  webhookSecret?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: DaemonLogger;
  plugins?: DaemonPlugins;
  /** How long a stop waits for running operations before giving up on them. */
  shutdownTimeoutMs: number;
  /** Backoff of failed fetches and failed commits. */
  retry: { initialMs: number; maxMs: number };
  /** /readyz fails when a lock is held this long. */
  stuckLockMs: number;
}

const TICK_DEFAULT_MS = 30_000;

export class Daemon {
  private readonly controller = new AbortController();
  private readonly metrics: DaemonMetrics;
  private readonly registry: Registry;
  private readonly fetchBackoff: Backoff;
  private readonly failureBackoff: Backoff;
  private readonly originGitDir: string | null;
  private readonly state: DaemonStatus;
  private remote: FleetRemote | null = null;
  private http: DaemonHttpServer | null = null;
  private loops: Promise<void>[] = [];
  private turn: Promise<unknown> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private manual = false;
  private approvedPlan: string | undefined;
  private lastDoneKey: string | null = null;
  private seenCommit: string | null = null;
  private failedCommit: string | null = null;
  private fatal: Error | null = null;
  private fetchFailingSince: Date | null = null;
  private desired: DesiredState | null = null;

  constructor(private readonly o: DaemonOptions) {
    ({ registry: this.registry, metrics: this.metrics } = createMetrics());
    this.fetchBackoff = new Backoff(o.retry.initialMs, o.retry.maxMs);
    this.failureBackoff = new Backoff(o.retry.initialMs, o.retry.maxMs);
    this.originGitDir = localRemoteGitDir(o.remote, o.cwd);
    this.state = {
      remote: o.remote, branch: o.branch ?? '', stateBranch: null, fleetCommit: null, lastFetchAt: null, lastFetchError: null,
      autoApply: o.autoApply, lastReconcile: null, lastSuccessAt: null, pendingPlan: null, retryAt: null, busy: null, startedAt: new Date(),
    };
  }

  /** Starts listening and following; resolves once the HTTP server listens (the first fetch runs in the background). */
  async start(): Promise<{ host: string; port: number }> {
    const ctx = this.context();
    const routes = [
      ...coreRoutes(ctx, { trigger: (approved) => this.trigger('manual', approved), intervalMs: this.o.intervalMs, stuckLockMs: this.o.stuckLockMs, lockDirs: () => this.lockDirs() }),
      ...(this.o.webhookSecret ? [webhookRoute({
        secret: this.o.webhookSecret, log: this.o.log, branch: () => this.remote?.branch ?? null,
        onPush: () => this.trigger('webhook'),
      })] : []),
      ...(this.o.plugins?.routes?.(ctx) ?? []),
    ];
    this.http = await startHttpServer({ host: this.o.host, port: this.o.port, token: this.o.token, routes, log: this.o.log });
    this.o.log.info('daemon.started', {
      remote: this.o.remote, listen: `${this.http.address.host}:${this.http.address.port}`, intervalSeconds: this.o.intervalMs / 1000,
      autoApply: this.o.autoApply || 'from tide.yaml', webhook: this.o.webhookSecret ? 'on' : 'off', cache: this.o.cacheDir,
    });
    this.loops.push(this.pollLoop());
    const scheduler = this.o.plugins?.scheduler?.(ctx);
    if (scheduler) this.loops.push(this.tickLoop(scheduler));
    return this.http.address;
  }

  /** Resolves when the daemon has stopped: after stop(), or on a fatal error (rejects). */
  async finished(): Promise<void> {
    await Promise.all(this.loops);
    if (this.fatal) throw this.fatal;
  }

  /**
   * Stops: nothing new starts, running operations finish (up to the
   * shutdown timeout), the state is pushed and the locks released. Resolves
   * true when all that ended in time.
   */
  async stop(): Promise<boolean> {
    this.controller.abort();
    this.wake();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), this.o.shutdownTimeoutMs); });
    const done = Promise.allSettled([...this.loops, this.turn]).then(() => true);
    const inTime = await Promise.race([done, timedOut]);
    clearTimeout(timer);
    await this.http?.close();
    return inTime;
  }

  /** Look now (webhook, POST /reconcile); a manual trigger also retries a failed commit at once. */
  trigger(reason: 'webhook' | 'manual', approvedPlan?: string): void {
    if (reason === 'manual') this.manual = true;
    if (approvedPlan !== undefined) this.approvedPlan = approvedPlan;
    this.o.log.info('reconcile.triggered', { by: reason, plan: approvedPlan?.slice(0, 12) });
    this.wake();
  }

  context(): DaemonContext {
    return {
      repoDir: this.o.cacheDir, env: this.o.env, log: this.o.log, metrics: this.metrics, registry: this.registry,
      signal: this.controller.signal,
      status: () => ({ ...this.state }),
      desired: () => this.desired,
      exclusive: (label, work) => this.exclusive(label, work),
    };
  }

  private async pollLoop(): Promise<void> {
    for (const dir of this.lockDirs()) await breakDeadDaemonLock(dir, this.o.log);
    while (!this.controller.signal.aborted) {
      let delay: number;
      try {
        delay = await this.poll();
      } catch (error) {
        if (error instanceof DaemonConfigError) {
          this.o.log.error('daemon.fatal', { error, hint: error.hint });
          this.fatal = error;
          this.controller.abort();
          return;
        }
        delay = this.failureBackoff.next();
        this.o.log.error('poll.error', { error, retryInSeconds: seconds(delay), hint: hintOf(error) ?? 'The daemon keeps running and tries again; if this repeats, report it with this line.' });
      }
      await this.sleep(delay);
    }
  }

  private async tickLoop(scheduler: Scheduler): Promise<void> {
    const every = scheduler.tickInterval ?? TICK_DEFAULT_MS;
    while (!this.controller.signal.aborted) {
      await this.sleep(every, false);
      if (this.controller.signal.aborted) return;
      await scheduler.tick(new Date()).catch((error: Error) => this.o.log.error('tick.error', {
        error, retryInSeconds: seconds(every),
        hint: hintOf(error) ?? 'Nothing of this tick was recorded; its due jobs stay due and run at the next tick.',
      }));
    }
  }

  /** One poll; returns how long to wait before the next. */
  private async poll(): Promise<number> {
    const forced = this.manual;
    const approved = this.approvedPlan;
    this.manual = false;
    this.approvedPlan = undefined;
    const fetched = await this.fetch();
    if ('retryInMs' in fetched) return fetched.retryInMs;
    const interval = jitter(this.o.intervalMs, 0.1);
    const key = `${fetched.commit} ${fetched.stateCommit ?? '-'}`;
    if (!forced && key === this.lastDoneKey) return interval;
    const now = Date.now();
    if (!forced && fetched.commit === this.failedCommit && this.state.retryAt && this.state.retryAt.getTime() > now) {
      return Math.min(interval, this.state.retryAt.getTime() - now);
    }
    const commit = fetched.commit;
    if (commit !== this.seenCommit) this.o.log.info('fetch.new-commit', { commit: commit.slice(0, 7), previous: this.seenCommit?.slice(0, 7) });
    this.seenCommit = commit;
    try {
      const done = await this.exclusive(`reconcile ${commit.slice(0, 7)}`, () => this.reconcile(commit, approved));
      if (done !== 'failed') this.lastDoneKey = `${commit} ${this.remote!.stateTip(this.state.stateBranch)}`;
    } catch (error) {
      this.failed(commit, 'error', error as Error);
    }
    return interval;
  }

  /** Fetches; on failure logs and counts it, and says how long to back off. */
  private async fetch(): Promise<FetchResult | { retryInMs: number }> {
    this.metrics.fetches.inc();
    try {
      this.remote ??= await FleetRemote.open(this.o.remote, this.o.cacheDir, this.o.branch, this.o.cwd);
      this.state.branch = this.remote.branch;
      const fetched = await this.remote.fetch(this.state.stateBranch);
      if (this.state.lastFetchError) {
        this.o.log.info('fetch.recovered', { remote: this.remote.display, failedAttempts: this.state.lastFetchError.attempts, failingSince: this.fetchFailingSince });
      }
      this.fetchFailingSince = null;
      this.fetchBackoff.reset();
      this.state.lastFetchAt = new Date();
      this.state.lastFetchError = null;
      this.state.fleetCommit = fetched.commit;
      this.metrics.lastFetch.set(unixSeconds(this.state.lastFetchAt));
      return fetched;
    } catch (error) {
      if (error instanceof DaemonConfigError) throw error;
      this.metrics.fetchFailures.inc();
      const attempts = this.fetchBackoff.attempts + 1;
      const retryInMs = this.fetchBackoff.next();
      this.fetchFailingSince ??= new Date();
      this.state.lastFetchError = { at: new Date(), message: (error as Error).message, attempts };
      // Nothing is reconciled meanwhile: the servers keep what they have.
      this.o.log.warn('fetch.failed', {
        error, attempt: attempts, failingSince: this.fetchFailingSince, retryInSeconds: seconds(retryInMs),
        hint: hintOf(error) ?? 'The daemon keeps retrying with backoff; the servers are left as they are meanwhile.',
      });
      return { retryInMs };
    }
  }

  private async reconcile(commit: string, approvedPlan: string | undefined): Promise<ReconcileResult> {
    const started = Date.now();
    this.o.log.info('reconcile.started', { commit: commit.slice(0, 7), approvedPlan: approvedPlan?.slice(0, 12) });
    const outcome = await reconcileCommit({
      repoDir: this.o.cacheDir, commit, env: this.o.env, cwd: this.o.cwd, autoApply: this.o.autoApply, approvedPlan,
      signal: this.controller.signal, log: this.o.log, metrics: this.metrics,
    });
    const { result, plan } = outcome;
    this.desired = outcome.desired;
    this.state.autoApply = outcome.autoApply;
    this.state.pendingPlan = outcome.applied ? null : plan;
    this.metrics.pendingOperations.set(outcome.applied ? 0 : plan.operations.length);
    this.metrics.reconciles.inc({ result });
    const failures = outcome.results.filter((r) => r.status !== 'ok');
    const message = failures.length ? `${failures.length} operation(s) did not succeed: ${failures.map((r) => `${r.op.id} ${r.status}`).slice(0, 5).join(', ')}` : undefined;
    this.state.lastReconcile = { commit, result, at: new Date(), message };
    if (result === 'failed') {
      this.retryLater(commit);
      this.o.log.warn('reconcile.failed', {
        commit: commit.slice(0, 7), message, retryAt: this.state.retryAt,
        hint: 'Each failed operation\'s log is on the status page (/?op=ID) and on the state branch. Fix the cause and push a commit, ' +
          'or POST /reconcile to try again now; otherwise the commit is tried again at retryAt.',
      });
      return result;
    }
    this.failedCommit = null;
    this.state.retryAt = null;
    this.failureBackoff.reset();
    if (result !== 'planned') {
      this.state.lastSuccessAt = new Date();
      this.metrics.lastSuccessfulSync.set(unixSeconds(this.state.lastSuccessAt));
    }
    this.o.log.info('reconcile.done', { commit: commit.slice(0, 7), result, operations: outcome.results.length, seconds: ((Date.now() - started) / 1000).toFixed(1) });
    return result;
  }

  /** A reconcile that threw (lock held, invalid fleet, push refused): logged, and the commit waits for its backoff. */
  private failed(commit: string, result: ReconcileResult, error: Error): void {
    this.metrics.reconciles.inc({ result });
    this.state.lastReconcile = { commit, result, at: new Date(), message: error.message };
    this.retryLater(commit);
    this.o.log.error('reconcile.error', {
      commit: commit.slice(0, 7), error, retryAt: this.state.retryAt,
      hint: hintOf(error) ?? 'The reconcile of this commit stopped there (what had run is recorded); it is tried again at retryAt, on a new commit, or now with POST /reconcile.',
    });
  }

  private retryLater(commit: string): void {
    this.failedCommit = commit;
    this.state.retryAt = new Date(Date.now() + this.failureBackoff.next());
  }

  /** The daemon's turn; see DaemonContext.exclusive. */
  private exclusive<T>(label: string, work: (fleetCommit: string | null) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.state.busy = label;
      const originLock = this.originGitDir ? await acquireDaemonLock(this.originGitDir) : null;
      try {
        const commit = this.state.fleetCommit;
        // Known before the turn: the local state branch catches up with the remote one before anything writes to it.
        if (commit) this.state.stateBranch = (await fleetSettingsAt(this.o.cacheDir, commit)).state.branch;
        const branch = this.state.stateBranch;
        if (branch) await catchUpWithRemote(this.o.cacheDir, branch);
        const result = await work(commit);
        if (branch && this.remote?.hasUnpushed(branch)) {
          await pushState(this.o.cacheDir, branch);
          this.o.log.info('state.pushed', { branch });
        }
        return result;
      } finally {
        await originLock?.release();
        this.state.busy = null;
      }
    };
    const next = this.turn.then(run, run);
    this.turn = next.catch(() => undefined);
    return next;
  }

  private lockDirs(): string[] {
    return [requireCacheGitDir(this.o.cacheDir), ...(this.originGitDir ? [this.originGitDir] : [])].filter((d): d is string => d !== null);
  }

  private wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Waits `ms`, or less when woken (webhook, trigger, stop); `wakeable` false waits out the time unless stopped. */
  private sleep(ms: number, wakeable = true): Promise<void> {
    if (this.controller.signal.aborted) return Promise.resolve();
    if (wakeable && this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.controller.signal.removeEventListener('abort', done);
        if (wakeable) {
          this.woken = false;
          this.wakeUp = null;
        }
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.controller.signal.addEventListener('abort', done);
      if (wakeable) this.wakeUp = done;
    });
  }
}

function hintOf(error: unknown): string | undefined {
  return error instanceof TideError ? error.hint : undefined;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function requireCacheGitDir(cacheDir: string): string | null {
  try {
    return requireGitDirs(cacheDir).commonDir;
  } catch {
    return null;
  }
}
