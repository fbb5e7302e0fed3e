// Operation records: what the state branch keeps of each operation
// (operations/<YYYY-MM>/<id>.json beside its redacted <id>.log), and commit
// messages that read like a task log.

import { randomBytes } from 'node:crypto';
import type { RunnableOperation } from '../operations/types.js';
import type { TaskRecord } from '../operations/run-tasks.js';
import { OPERATIONS_DIR, STATE_DIR } from '../state/layout.js';

export const RECORD_FORMAT_VERSION = 1;

export type RecordStatus = 'running' | 'ok' | 'failed' | 'rolled-back' | 'interrupted';

export interface OperationRecord {
  formatVersion: typeof RECORD_FORMAT_VERSION;
  id: string;
  /** The plan's id of the operation: `site/blog.example.com/install`. */
  operation: string;
  action: RunnableOperation['action'];
  target: RunnableOperation['target'];
  server: string;
  reason: string;
  desiredCommit: string | null;
  /** Applied with --allow-dirty: the work tree's changes that desiredCommit does not hold (`M sites/x.yaml`). */
  uncommitted?: string[];
  /** Null for an operation run at once (tide backup, restore, login), not from a plan. */
  planHash: string | null;
  /** What the operation set out to change (a migrate's platform and server): recovery rolls forward to it. */
  changes?: RunnableOperation['changes'];
  /** For a recovery: the id of the interrupted record it repairs (its running marker goes once this succeeds). */
  recovers?: string;
  status: RecordStatus;
  startedAt: string;
  finishedAt?: string;
  tasks: TaskRecord[];
  error?: string;
  details?: Record<string, unknown>;
}

/** Sortable, unique, readable in a file listing: `20261123T101502Z-3f2a-install-site-blog.example.com`. */
export function newRecordId(op: Pick<RunnableOperation, 'action' | 'target' | 'server'>, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const where = op.target.kind === 'platform' ? `-on-${op.server}` : '';
  return `${stamp}-${randomBytes(2).toString('hex')}-${op.action}-${op.target.kind}-${op.target.name}${where}`;
}

/** A record's paths from its id alone: the id starts with its start time (newRecordId). */
export function recordPathsById(id: string): { json: string; log: string } {
  return recordPaths({ id, startedAt: `${id.slice(0, 4)}-${id.slice(4, 6)}` });
}

export function recordPaths(record: Pick<OperationRecord, 'id' | 'startedAt'>): { json: string; log: string } {
  const base = `${OPERATIONS_DIR}/${record.startedAt.slice(0, 7)}/${record.id}`;
  return { json: `${base}.json`, log: `${base}.log` };
}

/**
 * Marks an operation in flight; an apply that finds one left behind knows a
 * run crashed. The marker stays (its record then `interrupted`) until a
 * recovery of the target has succeeded, so a failed recovery is tried again.
 */
export const RUNNING_DIR = `${STATE_DIR}/running`;
export const runningMarkerPath = (id: string): string => `${RUNNING_DIR}/${id}.json`;

/** Where an operation's processes may run: its run tag (run-tag.ts) and every server it used. */
export interface RunProcesses {
  tag: string;
  servers: string[];
}

/**
 * A running marker: the record it points to and, since markers carry it,
 * where its processes may still run (checked against state-running.schema.json
 * when read: the tag must have exactly tide's form).
 */
export interface RunningMarker {
  record: string;
  run?: RunProcesses;
}

export function commitMessage(record: OperationRecord): string {
  const where = record.target.kind === 'server' ? '' : ` on ${record.server}`;
  const dirty = record.uncommitted?.length ? ' + uncommitted changes' : '';
  const desired = record.desiredCommit ? ` (desired ${record.desiredCommit.slice(0, 7)}${dirty})` : '';
  const subject = `${record.action} ${record.target.kind} ${record.target.name}${where}: ${record.status}${desired}`;
  const body = record.status === 'running' ? [] : record.tasks.map((t) => `- ${t.name}: ${t.status}${t.durationMs === undefined ? '' : ` (${formatMs(t.durationMs)})`}`);
  const backup = record.details?.backup as { path: string; size: number } | undefined;
  if (backup) body.push(`- backup kept at ${backup.path} (${backup.size} bytes)`);
  if (record.error) body.push('', record.error);
  return body.length ? `${subject}\n\n${body.join('\n')}\n` : `${subject}\n`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
