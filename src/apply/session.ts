// What every command that changes servers holds while it runs: the one-writer
// lock (taken first: the writer reads the branch tip, which only the lock
// holder may move), the state writer, the recorded state read under the
// lock, and one pooled connection per server. Every secret of the fleet is
// registered with the redactor before any of it is used.

import type { DesiredState, Server } from '../model/kinds.js';
import type { OperationBuilder, RunnableOperation } from '../operations/types.js';
import { requireGitDirs } from '../repo/git-dir.js';
import { openSourceTree } from '../repo/source-tree.js';
import { readSecret, registerFleetSecrets } from '../secrets.js';
import { acquireStateLock } from '../state/lock.js';
import { readRecordedState } from '../state/reader.js';
import type { RecordedState } from '../state/types.js';
import { StateWriter } from '../state/writer.js';
import type { TransportPool } from '../transport/pool.js';
import { checkTimeoutSettings } from '../transport/timeouts.js';
import type { Recorder } from './recorder.js';
import { RUNNING_DIR } from './records.js';
import type { OperationRuntime } from './run-operation.js';

export interface Session {
  writer: StateWriter;
  recorded: RecordedState;
  pool: TransportPool;
}

export interface SessionOptions {
  repoDir: string;
  desired: DesiredState;
  /** Shown to whoever finds the lock taken: `tide apply --repo fleet`. */
  command: string;
  /** Where `env:` and relative `file:` secrets are read from. */
  env: NodeJS.ProcessEnv;
  cwd: string;
}

let transports: Promise<typeof import('../transport/pool.js')> | undefined;

/**
 * Starts loading the transports (ssh2: ~75 ms of start-up) unless it has
 * started: a caller that will open a session calls it early, so the loading
 * overlaps its own waits (git) instead of the session's start.
 */
export function loadTransports(): Promise<typeof import('../transport/pool.js')> {
  if (!transports) {
    transports = import('../transport/pool.js');
    transports.catch(() => undefined); // whoever opens a session meets the error
  }
  return transports;
}

export async function withSession<T>(o: SessionOptions, work: (session: Session) => Promise<T>): Promise<T> {
  // A limit set to nonsense is refused before anything is locked or run.
  checkTimeoutSettings();
  registerFleetSecrets(o.desired, o.env, o.cwd);
  const loading = loadTransports();
  const lock = await acquireStateLock(requireGitDirs(o.repoDir).commonDir, { command: o.command });
  let pool: TransportPool | undefined;
  try {
    const branch = o.desired.fleet.state.branch;
    // Both read the branch under the lock (what another run recorded before we got it counts), each with a git of its own: at once.
    const [writer, recorded, { TransportPool }] = await Promise.all([
      // Recovery lists the running markers first thing.
      StateWriter.open({ repoDir: o.repoDir, branch, preload: [RUNNING_DIR], lockedSince: Date.parse(lock.info.startedAt) }), readRecordedState(o.repoDir, branch), loading,
    ]);
    pool = new TransportPool();
    return await work({ writer, recorded, pool });
  } finally {
    await pool?.closeAll();
    await lock.release();
  }
}

export interface RuntimeOptions {
  desired: DesiredState;
  recorder: Recorder;
  pool: TransportPool;
  repoDir: string;
  ref?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  builder(op: RunnableOperation): OperationBuilder;
}

/** What operations are run with: connections from the pool, secrets read once per server. */
export function operationRuntime(o: RuntimeOptions): OperationRuntime {
  const secrets = new Map<string, string | undefined>();
  return {
    desired: o.desired,
    recorder: o.recorder,
    transport: (server) => o.pool.get(server),
    dbAdminPassword: (server) => cachedSecret(secrets, server, o.env, o.cwd),
    readSource: (path) => openSourceTree(o.repoDir, path, o.ref),
    builder: o.builder,
    now: () => new Date(),
  };
}

function cachedSecret(cache: Map<string, string | undefined>, server: Server, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (!cache.has(server.name)) {
    const ref = server.services.db.adminPassword;
    cache.set(server.name, ref ? readSecret(ref, env, cwd) : undefined);
  }
  return cache.get(server.name);
}
