// Writes every operation to the state branch twice: as `running` before it
// touches a server (write-ahead) and with its outcome, log and state changes
// when it ends. Keeps the in-memory recorded state in step with the branch.

import { validatorFor } from '../model/schemas.js';
import type { TasksOutcome } from '../operations/run-tasks.js';
import type { RunnableOperation, StateUpdate } from '../operations/types.js';
import { redactor } from '../redact.js';
import type { OperationLog } from '../shell/log.js';
import { deletedSiteStatePath, platformStatePath, serverStatePath, siteStatePath, stateJson as json } from '../state/layout.js';
import type { LastOperation, RecordedState } from '../state/types.js';
import type { StateWriter } from '../state/writer.js';
import { TideError } from '../errors.js';
import { commitMessage, newRecordId, recordPaths, runningMarkerPath, type OperationRecord, type RunningMarker, type RunProcesses } from './records.js';

const SECTIONS = {
  server: { map: 'servers', path: serverStatePath, schema: 'state-server.schema.json' },
  platform: { map: 'platforms', path: platformStatePath, schema: 'state-platform.schema.json' },
  site: { map: 'sites', path: siteStatePath, schema: 'state-site.schema.json' },
  deletedSite: { map: 'deletedSites', path: deletedSiteStatePath, schema: 'state-deleted-site.schema.json' },
} as const;

export class Recorder {
  constructor(
    private readonly writer: Pick<StateWriter, 'commit'>,
    /** Updated as operations end; what later operations see as "recorded". */
    readonly state: RecordedState,
    private readonly meta: { desiredCommit: string | null; planHash: string | null; uncommitted?: string[] },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Commits the operation as running, with where its processes will run; returns its record. */
  async begin(op: RunnableOperation, run?: RunProcesses): Promise<OperationRecord> {
    const startedAt = this.now();
    const record: OperationRecord = {
      formatVersion: 1,
      id: newRecordId(op, startedAt),
      operation: op.id,
      action: op.action,
      target: op.target,
      server: op.server,
      reason: op.reason,
      desiredCommit: this.meta.desiredCommit,
      ...(this.meta.uncommitted?.length ? { uncommitted: this.meta.uncommitted } : {}),
      planHash: this.meta.planHash,
      ...(op.changes.length ? { changes: op.changes } : {}),
      ...(op.recovers ? { recovers: op.recovers } : {}),
      status: 'running',
      startedAt: startedAt.toISOString(),
      tasks: [],
    };
    const paths = recordPaths(record);
    await this.writer.commit({
      files: { [paths.json]: json(record), [runningMarkerPath(record.id)]: runningMarker(record, run) },
      message: commitMessage(record),
    });
    return record;
  }

  /** Records that the running operation now also runs commands on more servers (a migrate's source), before it does. */
  async runsOn(record: OperationRecord, run: RunProcesses): Promise<void> {
    await this.writer.commit({
      files: { [runningMarkerPath(record.id)]: runningMarker(record, run) },
      message: `${record.action} ${record.target.kind} ${record.target.name}: also runs on ${run.servers.join(', ')}\n`,
    });
  }

  /** Commits how the operation ended, its log and its state changes (only those that stand after a failure, when it failed). */
  async finish(record: OperationRecord, outcome: TasksOutcome, log: OperationLog, updates: StateUpdate[], details?: Record<string, unknown>): Promise<OperationRecord> {
    const finished: OperationRecord = {
      ...record,
      status: outcome.status,
      finishedAt: this.now().toISOString(),
      tasks: outcome.tasks,
      ...(outcome.error ? { error: redactor.redact(outcome.error.message) } : {}),
      ...(details && Object.values(details).some((v) => v !== undefined) ? { details } : {}),
    };
    const paths = recordPaths(finished);
    const files: Record<string, string | null> = {
      [paths.json]: json(finished),
      // Redacted line by line as it was logged (and again if a secret was registered since): not scanned a second time here.
      [paths.log]: log.text(),
      [runningMarkerPath(record.id)]: null,
    };
    // A successful recovery settles the interrupted operation it repaired.
    if (record.recovers && outcome.status === 'ok') files[runningMarkerPath(record.recovers)] = null;
    const last: LastOperation = { id: finished.id, action: finished.action, status: finished.status as LastOperation['status'], at: finished.finishedAt! };
    Object.assign(files, this.applyUpdates(updates, last));
    // A failed operation changes no state, but the object's last operation says it failed.
    if (outcome.status !== 'ok') Object.assign(files, this.touchLastOperation(record, last));
    failIfInjected(commitMessage(finished));
    await this.writer.commit({ files, message: commitMessage(finished) });
    return finished;
  }

  /**
   * Marks a record left `running` by a crashed apply as interrupted. `settled`:
   * nothing is left to repair, so its running marker goes too; otherwise the
   * marker stays until a recovery succeeds.
   */
  async interrupt(record: OperationRecord, why: string, { settled }: { settled: boolean }): Promise<OperationRecord> {
    const interrupted: OperationRecord = { ...record, status: 'interrupted', finishedAt: this.now().toISOString(), error: why };
    const last: LastOperation = { id: record.id, action: record.action, status: 'interrupted', at: interrupted.finishedAt! };
    await this.writer.commit({
      files: {
        [recordPaths(record).json]: json(interrupted), ...this.touchLastOperation(record, last),
        ...(settled ? { [runningMarkerPath(record.id)]: null } : {}),
      },
      message: commitMessage(interrupted),
    });
    return interrupted;
  }

  /** Removes the running marker of an interrupted record that needs no repair (any more). */
  async settle(record: OperationRecord, why: string): Promise<void> {
    await this.writer.commit({ files: { [runningMarkerPath(record.id)]: null }, message: `settle ${record.action} ${record.target.kind} ${record.target.name}: ${why}\n` });
  }

  /** Applies updates to the in-memory state (synchronously, so commit order is update order) and returns the files. */
  private applyUpdates(updates: StateUpdate[], last: LastOperation): Record<string, string | null> {
    const files: Record<string, string | null> = {};
    for (const u of updates) {
      const section = SECTIONS[u.kind];
      const map = this.state[section.map] as Map<string, never>;
      const next = (u.update as (c: unknown) => Record<string, unknown> | null)(map.get(u.name));
      if (next === null) {
        map.delete(u.name);
        files[section.path(u.name)] = null;
        continue;
      }
      const record = { ...next, lastOperation: last };
      checkRecord(section.schema, section.path(u.name), record);
      map.set(u.name, record as never);
      files[section.path(u.name)] = json(record);
    }
    return files;
  }

  private touchLastOperation(record: OperationRecord, last: LastOperation): Record<string, string | null> {
    const section = SECTIONS[record.target.kind];
    const map = this.state[section.map] as Map<string, Record<string, unknown>>;
    const current = map.get(record.target.name);
    if (!current) return {};
    const next = { ...current, lastOperation: last };
    map.set(record.target.name, next);
    return { [section.path(record.target.name)]: json(next) };
  }
}

/**
 * Tests only: TIDE_TEST_FAIL_FINISH names the start of a commit subject
 * (`migrate site a.example.com on web2: ok`) whose commit fails, as a full
 * disk or a lost push would, leaving the operation's running marker behind.
 */
function failIfInjected(message: string): void {
  const subject = process.env.TIDE_TEST_FAIL_FINISH;
  if (subject && message.startsWith(subject)) {
    throw new TideError('STATE_COMMIT_FAILED', `The state commit "${subject}" failed (injected by TIDE_TEST_FAIL_FINISH).`);
  }
}

function runningMarker(record: OperationRecord, run?: RunProcesses): string {
  const marker: RunningMarker = { record: recordPaths(record).json, ...(run ? { run } : {}) };
  return json(marker);
}

/** A record the reader would reject must never be written: that is a bug in tide, stop here. */
function checkRecord(schema: string, path: string, record: unknown): void {
  const validate = validatorFor(schema);
  if (!validate(JSON.parse(JSON.stringify(record)))) {
    const first = validate.errors?.[0];
    throw new TideError('STATE_RECORD_INVALID', `tide built an invalid ${path}: ${first?.instancePath || 'record'} ${first?.message}.`, {
      hint: 'This is a bug in tide; the operation ran but its state was not recorded. Report it with the operation log.',
    });
  }
}
