// The daemon's schedules: site cron, scheduled backups with retention, and a
// periodic verify that records drift (and, with the Fleet's selfHeal,
// repairs it through a plan and apply). Each tick:
//   1. finds the due jobs from the cached recorded state, so a tick with
//      nothing due takes no lock and reads nothing new;
//   2. takes the state lock, as every apply does (held by another run: the
//      tick is skipped and its jobs stay due for the next one), and finds the
//      due jobs again from the state read under the lock; targets left
//      unfinished by a crashed run wait for their recovery;
//   3. runs cron and backups as recorded operations (the same code as
//      `tide backup`, with retention), at most the fleet's `concurrency`,
//      then verifies the due servers;
//   4. commits what they all recorded in ONE commit: a successful cron run
//      keeps only its latest record and log per site, a failed one keeps its
//      own too, a verify that found nothing adds nothing;
//   5. releases the lock, then self-heals drift if the fleet asks for it.
// Crash safety: nothing of a tick is on the branch until its commit, so a
// crash in the middle runs the tick's jobs again after the restart.

import { apply } from '../../apply/apply.js';
import { execute, type OperationResult } from '../../apply/executor.js';
import { Recorder } from '../../apply/recorder.js';
import { runOperation } from '../../apply/run-operation.js';
import { operationRuntime, withSession, type Session } from '../../apply/session.js';
import { observeFleet, type Finding } from '../../apply/verify.js';
import type { DesiredState } from '../../model/kinds.js';
import { operationFor } from '../../operations/index.js';
import type { RunnableOperation } from '../../operations/types.js';
import { cronRunPaths } from '../../state/layout.js';
import { StateLockedError, type StateLockInfo } from '../../state/lock.js';
import { RecordedStateCache } from '../recorded.js';
import { interruptedTargets } from './interrupted.js';
import { scheduledJobs, type Job } from './jobs.js';
import { LastRuns } from './last-runs.js';
import { isDue } from './slots.js';
import { TickBatch } from './tick-batch.js';

export interface SchedulerOptions {
  /** The daemon's clone of the fleet repository (the state branch is written there). */
  repoDir: string;
  /** The fleet as the daemon last loaded it. */
  desired(): DesiredState;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** When the daemon started (ms): a job that never ran counts from here. Default: the first tick. */
  startedAt?: number;
  /** Shared with the status page, so both read a moved branch once. */
  recorded?: RecordedStateCache;
  /** One line per event (a run that ended, a skipped tick); `warn` for a run that did not succeed. */
  log?(event: string, fields: Record<string, unknown>, level?: 'info' | 'warn'): void;
  /** Repairs the drifted targets (selfHeal). Default: a plan and apply of those targets at the fleet's commit. */
  heal?(targets: string[]): Promise<void>;
}

export interface ScheduledRun {
  job: Job;
  status: OperationResult['status'];
  message?: string;
  recordId?: string;
  durationMs: number;
}

export interface TickResult {
  ran: ScheduledRun[];
  /** What the due verifies found (recorded on the state branch). */
  drift: Finding[];
  /** The tick's one commit, or null when it recorded nothing. */
  stateCommit: string | null;
  /** Another run held the state lock: nothing ran; the jobs stay due. */
  locked?: StateLockInfo;
  /** Due jobs left for later: their target has an interrupted operation to recover first. */
  waiting: Job[];
  /** selfHeal repaired the drift through a plan and apply after the commit. */
  healed?: string[];
}

type ScheduledOperation = RunnableOperation & { job: Job };

export class Scheduler {
  private readonly cache: RecordedStateCache;
  private lastRuns: LastRuns | undefined;
  private since: number | undefined;

  constructor(private readonly o: SchedulerOptions) {
    this.cache = o.recorded ?? new RecordedStateCache(o.repoDir);
    this.since = o.startedAt;
  }

  /**
   * Whether anything is due at `now`, from the cached recorded state: no lock,
   * no write (the daemon asks before it takes its turn for a tick).
   */
  async anyDue(now: Date): Promise<boolean> {
    const desired = this.o.desired();
    const branch = desired.fleet.state.branch;
    this.since ??= now.getTime();
    this.lastRuns ??= await LastRuns.load(this.o.repoDir, branch);
    return this.due(desired, await this.cache.read(branch), now.getTime()).length > 0;
  }

  /** Runs what is due at `now` (the daemon's clock; tests pass their own). */
  async tick(now: Date): Promise<TickResult> {
    const desired = this.o.desired();
    const t = now.getTime();
    const idle: TickResult = { ran: [], drift: [], stateCommit: null, waiting: [] };
    if (!(await this.anyDue(now))) return idle;
    let result: TickResult;
    try {
      result = await withSession({ repoDir: this.o.repoDir, desired, command: 'tide daemon (schedules)', env: this.o.env, cwd: this.o.cwd },
        (session) => this.runDue(session, desired, t));
    } catch (error) {
      if (!(error instanceof StateLockedError)) throw error;
      this.o.log?.('schedules.locked', { holder: error.holder.command, pid: error.holder.pid });
      return { ...idle, locked: error.holder };
    }
    if (result.drift.length > 0 && desired.fleet.selfHeal) {
      const targets = [...new Set(result.drift.map((f) => `${f.kind}/${f.name}`))];
      this.o.log?.('schedules.heal', { targets: targets.length });
      await (this.o.heal ?? ((targets) => this.healThroughApply(desired, targets)))(targets);
      result.healed = targets;
    }
    return result;
  }

  private due(desired: DesiredState, recorded: Session['recorded'], t: number): Job[] {
    return scheduledJobs(desired, recorded).filter((job) => isDue(job, t, this.lastRuns!.of(job, recorded, t), this.since!));
  }

  private async runDue({ writer, recorded, pool }: Session, desired: DesiredState, t: number): Promise<TickResult> {
    const blocked = await interruptedTargets(writer);
    const due = this.due(desired, recorded, t);
    // A verify waits for every unfinished operation on its server; cron and backups for their site's.
    const waiting = due.filter((job) => blocked.has(job.kind === 'verify' ? `server/${job.server}` : `site/${job.target}`));
    const runnable = due.filter((job) => !waiting.includes(job));
    for (const job of waiting) this.o.log?.('schedules.waiting', { job: job.key, why: 'an interrupted operation is to be recovered first' });

    // Records carry the scheduler's time (a test's clock runs on from its tick's `now`).
    const startedReal = Date.now();
    const clock = (): Date => new Date(t + (Date.now() - startedReal));
    const batch = new TickBatch(writer.head);
    const recorder = new Recorder(batch, recorded, { desiredCommit: desired.commit, planHash: null }, clock);
    const runtime = {
      ...operationRuntime({ desired, recorder, pool, repoDir: this.o.repoDir, env: this.o.env, cwd: this.o.cwd,
        builder: (op) => operationFor('site', op.action)! }),
      now: clock,
    };
    const operations = runnable.filter((job) => job.kind !== 'verify').map(scheduledOperation);
    const results = await execute(operations, {
      concurrency: desired.fleet.concurrency,
      run: (op, slot) => runOperation(op, runtime, slot),
      onEnd: (r) => this.o.log?.('schedules.run', {
        job: r.op.job.key, status: r.status, durationMs: r.durationMs, ...(r.message ? { message: r.message } : {}),
        // A failed run: its log is on the status page; the job runs again at its next slot.
        ...(r.status !== 'ok' && r.recordId ? { log: `/?op=${r.recordId}`, next: 'at its next slot' } : {}),
      }, r.status === 'ok' ? 'info' : 'warn'),
    });
    for (const r of results) if (r.op.action === 'cron' && r.recordId) keepLatestCronRun(batch, r.op.target.name, r.recordId, r.status === 'ok');

    const verifies = runnable.filter((job) => job.kind === 'verify');
    let drift: Finding[] = [];
    if (verifies.length > 0) {
      // What this tick already wrote counts as recorded: a verify that finds nothing new adds nothing.
      const reader = { readFile: async (path: string) => (batch.files.has(path) ? batch.files.get(path)! : writer.readFile(path)) };
      const seen = await observeFleet({ desired, recorded, writer: reader, pool, env: this.o.env, cwd: this.o.cwd, servers: verifies.map((j) => j.target), now: clock });
      drift = seen.report.findings;
      if (seen.record) batch.add(seen.record.files);
      this.o.log?.('schedules.verify', { servers: verifies.length, sites: seen.report.checked.sites, drifted: drift.length });
    }

    const ran: ScheduledRun[] = [
      ...results.map((r) => ({ job: r.op.job, status: r.status, durationMs: r.durationMs, ...(r.message ? { message: r.message } : {}), ...(r.recordId ? { recordId: r.recordId } : {}) })),
      ...verifies.map((job) => ({ job, status: 'ok' as const, durationMs: Date.now() - startedReal })),
    ];
    for (const run of ran) this.lastRuns!.noteRun(run.job, t);
    const stateCommit = batch.empty ? null : await writer.commit({ files: batch.toRecord(), message: tickMessage(ran, drift) });
    return { ran, drift, stateCommit, waiting };
  }

  private async healThroughApply(desired: DesiredState, targets: string[]): Promise<void> {
    await apply({
      repo: this.o.repoDir, ref: desired.commit ?? undefined, cwd: this.o.cwd, env: this.o.env,
      filter: { targets, servers: [] }, confirm: async () => true,
      onEnd: (r) => this.o.log?.('schedules.heal.run', { operation: r.op.id, status: r.status, ...(r.message ? { message: r.message } : {}) },
        r.status === 'ok' ? 'info' : 'warn'),
    });
  }
}

function scheduledOperation(job: Job): ScheduledOperation {
  const action = job.kind === 'cron' ? 'cron' : 'backup';
  return {
    job, id: `site/${job.target}/${action}`, action, target: { kind: 'site', name: job.target }, server: job.server,
    reason: `scheduled ${action} (every ${formatInterval(job.interval)})`,
    changes: [], dependsOn: [], blockers: [], warnings: [], destructive: false,
  };
}

/** A successful cron run replaces the site's previous one; a failed one also keeps its own record and log. */
function keepLatestCronRun(batch: TickBatch, site: string, recordId: string, ok: boolean): void {
  const json = batch.find(`/${recordId}.json`);
  const log = batch.find(`/${recordId}.log`);
  if (!json || !log) return;
  const latest = cronRunPaths(site);
  if (ok) {
    batch.move(json, latest.json);
    batch.move(log, latest.log);
  } else {
    batch.add({ [latest.json]: batch.files.get(json)!, [latest.log]: batch.files.get(log)! });
  }
}

function tickMessage(ran: ScheduledRun[], drift: Finding[]): string {
  const counts = new Map<string, number>();
  for (const run of ran) {
    const key = `${run.job.kind} ${run.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key.split(' ')[0]} ${n} ${key.split(' ')[1]}`);
  if (ran.some((r) => r.job.kind === 'verify')) parts.push(drift.length ? `${drift.length} drifted` : 'no drift');
  const body = [
    ...ran.filter((r) => r.job.kind !== 'verify').map((r) => `- ${r.job.kind} site ${r.job.target} on ${r.job.server}: ${r.status}${r.message ? ` (${firstLine(r.message)})` : ''}`),
    ...drift.map((f) => `- drift: ${f.kind} ${f.name} on ${f.server}: ${f.drift.join('; ')}`),
  ];
  return `schedules: ${parts.join(', ')}\n\n${body.join('\n')}\n`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}

function formatInterval(ms: number): string {
  for (const [unit, size] of [['w', 604_800_000], ['d', 86_400_000], ['h', 3_600_000], ['m', 60_000]] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms} ms`;
}
