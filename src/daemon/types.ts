// What the daemon offers the parts that plug into it: the scheduler (cron,
// scheduled backups, periodic verify), which it ticks, and HTTP routes such as
// the status page, which its server serves. Both get a DaemonContext; nothing
// here starts anything.
//
// The one rule for a plug-in that writes state: do it inside `ctx.exclusive`,
// which is the daemon's single turn (one reconcile or tick at a time), with the
// state branch caught up with the remote first and pushed after. Inside it,
// take the state lock as every command does (apply/session.ts's withSession).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { DesiredState } from '../model/kinds.js';
import type { Plan } from '../model/plan.js';
import type { DaemonMetrics } from './metrics.js';

export type LogFields = Record<string, unknown>;

/** One line per event; `event` is a short stable name (`fetch.failed`), fields are facts. Secrets are redacted on the way out. */
export interface DaemonLogger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export type ReconcileResult = 'applied' | 'no-changes' | 'planned' | 'failed' | 'error';

/** What the daemon knows right now; a copy, safe to keep. */
export interface DaemonStatus {
  /** The fleet repository as given (a path or a URL without credentials). */
  remote: string;
  /** The tracked branch of the fleet repository. */
  branch: string;
  /** The state branch (from the fleet's tide.yaml, once read). */
  stateBranch: string | null;
  /** Tip of the tracked branch at the last successful fetch. */
  fleetCommit: string | null;
  lastFetchAt: Date | null;
  lastFetchError: { at: Date; message: string; attempts: number } | null;
  /** Whether the daemon applies on its own (flag or the fleet's `autoApply`). */
  autoApply: boolean;
  /** The last reconcile that ran to an end. */
  lastReconcile: { commit: string; result: ReconcileResult; at: Date; message?: string } | null;
  /** Last time the servers were found to match a commit (applied or nothing to do). */
  lastSuccessAt: Date | null;
  /** With auto-apply off: the plan waiting for someone to apply it (null when nothing is pending). */
  pendingPlan: Plan | null;
  /** A failed commit waits until this time (or a new commit, or a manual trigger) before it is tried again. */
  retryAt: Date | null;
  /** What holds the daemon's turn now (`reconcile 3f2a1c9`, `tick`), or null. */
  busy: string | null;
  startedAt: Date;
}

export interface DaemonContext {
  /** The daemon's clone of the fleet repository (its cache); `origin` is the fleet repository. */
  readonly repoDir: string;
  /** Environment the daemon was started with (secrets are read from it). */
  readonly env: NodeJS.ProcessEnv;
  readonly log: DaemonLogger;
  readonly metrics: DaemonMetrics;
  /** The prom-client registry behind /metrics: a plug-in may register metrics of its own (tide_ prefix). */
  readonly registry: Registry;
  /** Aborted when the daemon is asked to stop: start nothing new. */
  readonly signal: AbortSignal;
  status(): DaemonStatus;
  /** The fleet as the last reconcile loaded it (null before the first): what the schedules follow. */
  desired(): DesiredState | null;
  /**
   * Runs `work` in the daemon's turn: after any running reconcile or tick,
   * with the local state branch caught up with the remote one, and pushes the
   * state branch afterwards if `work` moved it. `label` shows on /readyz and
   * in the log. `work` gets the fleet commit to act on (null before the
   * first successful fetch).
   */
  exclusive<T>(label: string, work: (fleetCommit: string | null) => Promise<T>): Promise<T>;
}

/** Schedules (cron, backups, verify): ticked by the daemon's loop. */
export interface Scheduler {
  /** Called about every `tickInterval` ms; runs what is due at `now`. */
  tick(now: Date): Promise<void>;
  /** How often to tick, in ms (default 30 s). */
  readonly tickInterval?: number;
}

/** Serves one request; the daemon has checked the bearer token where one is needed. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'HEAD' | 'POST';
  /** Exact path (`/metrics`); `/` matches only `/`. */
  path: string;
  handler: RouteHandler;
  /** Answered without the bearer token (the probes). */
  public?: boolean;
}

/** What other parts of tide hand the daemon at start-up. */
export interface DaemonPlugins {
  scheduler?(ctx: DaemonContext): Scheduler;
  /** Extra routes, the status page at `/` among them. */
  routes?(ctx: DaemonContext): Route[];
}
