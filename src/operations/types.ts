// An operation (what a user means: install a site) is a list of tasks (write
// a vhost, create a database, run the installer), each with an undo. The
// runner (run-tasks.ts) undoes finished tasks in reverse when one fails.

import type { DesiredState, Server } from '../model/kinds.js';
import type { Action, Operation } from '../model/plan.js';
import type { DeletedSite, RecordedPlatform, RecordedServer, RecordedSite, RecordedState } from '../state/types.js';
import type { OperationLog } from '../shell/log.js';
import type { Shell } from '../shell/shell.js';
import type { SourceTree } from '../repo/source-tree.js';

export interface Task {
  /** Shown in the log and the operation record: "create database blog_example_com". */
  name: string;
  run(): Promise<void>;
  /** Puts back what run() changed; absent when run() changes nothing that lasts. */
  undo?(): Promise<void>;
}

/** A change to recorded state, applied to the latest record when the operation is committed. */
export type StateUpdate =
  | { kind: 'server'; name: string; update(current: RecordedServer | undefined): RecordedServer | null }
  | { kind: 'platform'; name: string; update(current: RecordedPlatform | undefined): RecordedPlatform | null }
  | { kind: 'site'; name: string; update(current: RecordedSite | undefined): RecordedSite | null }
  | { kind: 'deletedSite'; name: string; update(current: DeletedSite | undefined): DeletedSite | null };

/**
 * Actions run at once rather than through a plan: by a user (`tide backup`,
 * `tide restore`, `tide login`) or by the daemon's schedules (cron, backup).
 */
export type ImmediateAction = 'backup' | 'restore' | 'login' | 'cron';

/** A planned operation, or one run at once; both are recorded the same way. */
export type RunnableOperation = Omit<Operation, 'action'> & {
  action: Action | ImmediateAction;
  /** What the user chose for an immediate action (`tide restore --backup ID`). */
  options?: { backup?: string };
  /** A recovery: the id of the interrupted record it repairs. */
  recovers?: string;
};

/** Another server an operation works on (a migrate's source, a clone's source); enough to resolve a site's resources there. */
export interface PeerServer {
  desired: DesiredState;
  server: Server;
  shell: Shell;
  dbAdminPassword(): string | undefined;
}

/** What an operation needs from the apply that runs it. */
export interface OperationContext {
  op: RunnableOperation;
  /** The record id, e.g. for naming backups. */
  operationId: string;
  desired: DesiredState;
  /** Recorded state as of when the operation starts. */
  recorded: RecordedState;
  /** The server the operation runs on (from the fleet). */
  server: Server;
  shell: Shell;
  /** The same for another server of the fleet, over its pooled connection, logging into this operation's log. */
  peer(server: string): PeerServer;
  log: OperationLog;
  /** The server's database admin password, resolved from its secret reference. */
  dbAdminPassword(): string | undefined;
  /** A platform's source from the fleet repository (source.path), checked, its files streamed on demand; close it after use. */
  readSource(path: string): Promise<SourceTree>;
  now(): Date;
}

export interface PreparedOperation {
  tasks: Task[];
  /** Facts the record keeps beyond the tasks (e.g. the backup a delete took). */
  details?(): Record<string, unknown>;
  /** State changes to commit once every task has succeeded. */
  updates(): StateUpdate[];
  /** State changes that stand even when the operation rolls back (the backup it took is kept). */
  kept?(): StateUpdate[];
}

export type OperationBuilder = (ctx: OperationContext) => PreparedOperation | Promise<PreparedOperation>;
