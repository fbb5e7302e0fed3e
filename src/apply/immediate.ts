// Operations a user runs at once on one site, not through a plan: `tide
// backup`, `tide restore`, `tide login`. They hold the same lock, recover
// what a crashed run left first (as apply does: the site may have moved, or
// be half restored), and are recorded on the state branch exactly like
// planned operations. What can be refused without a server (no such site, no
// such backup, no login command) is refused before the lock: a refusal is
// not an operation, so it is not recorded, and it never waits for or blocks
// another run.

import { loadDesired } from '../fleet/context.js';
import { readRecordedState } from '../state/reader.js';
import { TideError } from '../errors.js';
import { closest } from '../model/suggest.js';
import type { DesiredState } from '../model/kinds.js';
import { operationFor } from '../operations/index.js';
import { restoreDeletedSite } from '../operations/site/restore-deleted.js';
import { placeSite } from '../plan/placement.js';
import type { RecordedState } from '../state/types.js';
import type { ImmediateAction, OperationBuilder, RunnableOperation } from '../operations/types.js';
import type { OperationResult } from './executor.js';
import { Recorder } from './recorder.js';
import type { OperationRecord } from './records.js';
import { recoverInterrupted } from './recovery.js';
import { runOperation } from './run-operation.js';
import { operationRuntime, withSession } from './session.js';

export interface ImmediateOptions {
  action: ImmediateAction;
  site: string;
  reason: string;
  repo?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  options?: RunnableOperation['options'];
  /** Throws to refuse the action before the lock is taken (the state as recorded, the fleet as desired). */
  refuse?(recorded: RecordedState, desired: DesiredState): void;
  /** Overrides the registry's builder (login hands its link back through one). */
  builder?: OperationBuilder;
  onStart?(op: RunnableOperation): void;
  /** Recovery of what a crashed run left, before the action. */
  onInterrupted?(records: OperationRecord[]): void;
  onRecoveryEnd?(result: OperationResult): void;
}

export interface ImmediateResult extends Omit<OperationResult, 'op' | 'durationMs'> {
  op: RunnableOperation;
  stateCommit: string | null;
  branch: string;
}

export async function runImmediate(o: ImmediateOptions): Promise<ImmediateResult> {
  const { repoDir, desired } = await loadDesired(o.repo, undefined, o.cwd);
  const branch = desired.fleet.state.branch;
  const before = await readRecordedState(repoDir, branch);
  siteToActOn(o, desired, before, branch);
  o.refuse?.(before, desired);
  return withSession({ repoDir, desired, command: `tide ${o.action} ${o.site}`, env: o.env, cwd: o.cwd }, async ({ writer, recorded, pool }) => {
    const runtimeFor = (recorder: Recorder, builder: (op: RunnableOperation) => OperationBuilder) =>
      operationRuntime({ desired, recorder, pool, repoDir, env: o.env, cwd: o.cwd, builder });
    const recovery = await recoverInterrupted({ writer, recorded, desired, runtime: runtimeFor, transport: (server) => pool.get(server),
      onInterrupted: o.onInterrupted, onStart: o.onStart, onEnd: o.onRecoveryEnd });
    const pending = recovery.unrecovered.get(`site/${o.site}`);
    if (pending) {
      throw new TideError('SITE_RECOVERY_FAILED', `tide ${o.action} ${o.site}: the site is not in a state tide can work from: ${pending}.`, {
        hint: 'Read the recovery\'s log on the state branch, fix what it names, and run tide apply (it tries the recovery again).',
      });
    }
    const where = siteToActOn(o, desired, recorded, branch);
    const op: RunnableOperation = {
      id: `site/${o.site}/${o.action}`, action: o.action, target: { kind: 'site', name: o.site }, server: where.server,
      reason: o.reason, changes: [], dependsOn: [], blockers: [], warnings: [], destructive: o.action === 'restore', options: o.options,
    };
    const builder = o.builder ?? where.builder ?? operationFor('site', o.action)!;
    const recorder = new Recorder(writer, recorded, { desiredCommit: desired.commit, planHash: null });
    const runtime = runtimeFor(recorder, () => builder);
    o.onStart?.(op);
    const result = await runOperation(op, runtime);
    return { ...result, op, stateCommit: writer.head, branch };
  });
}

/**
 * The server the action runs on: the site's, or for the restore of a deleted
 * site, where it comes back (its pinned server, else where it was if its
 * platform still runs there, else where a new site would go).
 */
function siteToActOn(o: ImmediateOptions, desired: DesiredState, recorded: RecordedState, branch: string): { server: string; builder?: OperationBuilder } {
  const site = recorded.sites.get(o.site);
  if (site) return { server: site.server };
  const gone = recorded.deletedSites.get(o.site);
  const wanted = desired.sites.get(o.site);
  if (gone && o.action === 'restore') {
    if (!wanted || wanted.status === 'deleted') {
      throw new TideError('SITE_DELETED', `Site ${o.site} was deleted (${gone.deletedAt}) and the fleet ${wanted ? 'still says status: deleted' : 'no longer has it'}; restored now, the next apply would ${wanted ? 'delete it again' : 'leave it as an orphan'}.`, {
        hint: `Set its status back to enabled (or disabled) in sites/${o.site}.yaml, commit, then run tide restore ${o.site} --backup ID again.`,
      });
    }
    const servers = desired.platforms.get(wanted.platform)?.servers ?? [];
    const server = wanted.server ?? (servers.includes(gone.server) ? gone.server : placeSite(o.site, servers));
    return { server, builder: restoreDeletedSite };
  }
  if (gone) {
    throw new TideError('SITE_DELETED', `Site ${o.site} was deleted (${gone.deletedAt}); it has no files or database to ${o.action}.`, {
      hint: `tide backups ${o.site} lists its backups; tide restore ${o.site} --backup ID brings it back (README: "Bringing a deleted site back").`,
    });
  }
  const guess = closest(o.site, [...recorded.sites.keys()]);
  throw new TideError('SITE_NOT_RECORDED', `Site ${o.site} has no record on ${branch}: tide has not installed it.`, {
    hint: guess ? `Did you mean ${guess}?` : 'tide status lists the sites tide knows.',
  });
}
