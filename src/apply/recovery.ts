// Crash recovery, run before anything is planned (apply) or run at once
// (backup, restore, login). An operation a crashed run left unfinished has a
// marker under state/running: its record is marked `interrupted`, and its
// target is repaired from what the servers show, never by going back over
// data written since (operations/site/recover*.ts, platform/recover.ts):
// a migrate or restore whose copy is live is finished, one that never
// switched is put back; a complete install or clone is recorded, a partial
// one removed; a delete that had taken its backup is finished; anything else
// is checked (verified). The marker goes only once its repair succeeded, so a
// failed repair is tried again by the next run, and nothing else touches that
// target meanwhile (see blockUnrecovered). Before anything acts on a target,
// the processes its interrupted operation left running are killed and their
// absence confirmed (stop-run.ts); a target where that fails is left alone.

import type { DesiredState, Server } from '../model/kinds.js';
import type { Operation } from '../model/plan.js';
import type { OperationBuilder, RunnableOperation } from '../operations/types.js';
import type { RecordedState } from '../state/types.js';
import { parseStateFile } from '../state/reader.js';
import type { StateWriter } from '../state/writer.js';
import type { Transport } from '../transport/types.js';
import { execute, type OperationResult } from './executor.js';
import { Recorder } from './recorder.js';
import { RUNNING_DIR, type OperationRecord, type RunningMarker, type RunProcesses } from './records.js';
import { runOperation, type OperationRuntime } from './run-operation.js';
import type { Repair } from './repairs.js';
import { stopRun } from './stop-run.js';

export interface RecoveryOptions {
  writer: StateWriter;
  recorded: RecordedState;
  desired: DesiredState;
  /** The pooled connection to a server (to stop what an interrupted operation left running there). */
  transport(server: Server): Transport;
  /** The runtime recovery operations run with (their builders come from here). */
  runtime(recorder: Recorder, builder: (op: RunnableOperation) => OperationBuilder): OperationRuntime;
  onInterrupted?(records: OperationRecord[]): void;
  onStart?(op: Operation): void;
  onEnd?(result: OperationResult): void;
}

export interface RecoveryOutcome {
  /** Records found unfinished (marked interrupted now or by an earlier run). */
  interrupted: OperationRecord[];
  results: OperationResult[];
  /** Targets (`site/NAME`) whose repair did not succeed: why, for humans. */
  unrecovered: Map<string, string>;
}

const WHY = 'the run carrying it out stopped before it ended (crash, kill or lost connection)';

export async function recoverInterrupted(o: RecoveryOptions): Promise<RecoveryOutcome> {
  const outcome: RecoveryOutcome = { interrupted: [], results: [], unrecovered: new Map() };
  const recorder = new Recorder(o.writer, o.recorded, { desiredCommit: o.desired.commit, planHash: null });
  const unfinished = await unfinishedRecords(o.writer);
  if (unfinished.length === 0) return outcome;
  // Only now: the repairs' builders are most of the operations layer, ~0.1 s of loading that a run with nothing to recover never needs.
  const { repairFor } = await import('./repairs.js');
  const repairs: Repair[] = [];
  for (const { record, run } of unfinished) {
    const stopped = run ? await stopRun(run, o).then(() => null, (error: Error) => error.message) : null;
    if (stopped) {
      // Its processes may still be at work: the target is not touched, the marker stays for the next run.
      outcome.unrecovered.set(`${record.target.kind}/${record.target.name}`, stopped);
      continue;
    }
    // A recovery that was itself interrupted: the record it repairs still has its marker and is repaired again.
    const repair = record.recovers ? null : repairFor(record, o.recorded);
    if (record.status === 'running') outcome.interrupted.push(await recorder.interrupt(record, WHY, { settled: !repair }));
    else if (!repair) await recorder.settle(record, 'nothing to repair');
    else outcome.interrupted.push(record);
    if (!repair) continue;
    // Repairs of one target run one after the other.
    const earlier = repairs.filter((r) => r.op.target.kind === repair.op.target.kind && r.op.target.name === repair.op.target.name);
    repair.op.dependsOn = earlier.map((r) => r.op.id);
    repairs.push(repair);
  }
  if (outcome.interrupted.length) o.onInterrupted?.(outcome.interrupted);
  if (repairs.length === 0) return outcome;

  const builders = new Map(repairs.map((r) => [r.op.id, r.builder]));
  const runtime = o.runtime(recorder, (op) => builders.get(op.id)!);
  outcome.results = await execute(repairs.map((r) => r.op), {
    concurrency: o.desired.fleet.concurrency,
    onStart: o.onStart,
    onEnd: o.onEnd,
    run: (op, slot) => runOperation(op, runtime, slot),
  });
  for (const result of outcome.results) {
    if (result.status === 'ok') continue;
    const key = `${result.op.target.kind}/${result.op.target.name}`;
    outcome.unrecovered.set(key, `recovery ${result.op.id} did not succeed (${result.message ?? result.status})`);
  }
  return outcome;
}

/**
 * The records whose running marker is still there, oldest first. State is
 * data: the marker and its record are checked against their schemas (a bad
 * one stops recovery, named), and only a record with a marker of its own id
 * is acted on. A marker whose record is gone is skipped. The marker's run
 * says where the operation's processes may still be running.
 */
async function unfinishedRecords(writer: StateWriter): Promise<{ record: OperationRecord; run?: RunProcesses }[]> {
  const records: { record: OperationRecord; run?: RunProcesses }[] = [];
  for (const name of (await writer.listDir(RUNNING_DIR)).sort()) {
    const path = `${RUNNING_DIR}/${name}`;
    const marker = parseStateFile<RunningMarker>(path, (await writer.readFile(path)) ?? '', 'state-running.schema.json', writer.head);
    const text = await writer.readFile(marker.record);
    if (!text) continue;
    const record = parseStateFile<OperationRecord>(marker.record, text, 'state-operation.schema.json', writer.head);
    if (name === `${record.id}.json`) records.push({ record, run: marker.run });
  }
  return records;
}

/** Plan operations on a target whose recovery did not succeed are blocked: they would work from a record the servers do not match. */
export function blockUnrecovered(operations: Operation[], outcome: RecoveryOutcome): Operation[] {
  if (outcome.unrecovered.size === 0) return operations;
  return operations.map((op) => {
    const why = outcome.unrecovered.get(`${op.target.kind}/${op.target.name}`);
    return why ? { ...op, blockers: [...op.blockers, { code: 'RECOVERY_PENDING', message: `${why}; the next apply tries the recovery again` }] } : op;
  });
}
