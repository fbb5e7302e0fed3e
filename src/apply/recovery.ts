// Crash recovery: operations a crashed apply left `running` are marked
// `interrupted`, and their targets are checked before anything else touches
// them: a verify where the target is recorded, a clean-up of leftovers where
// an install or clone never finished, and for a migrate or restore the site
// put back as recorded (see operations/site/recover.ts).

import { operationId } from '../plan/builder.js';
import type { Operation } from '../plan/types.js';
import { cleanupInterruptedInstall } from '../operations/site/cleanup.js';
import { recoverInterruptedCopy } from '../operations/site/recover.js';
import type { OperationBuilder } from '../operations/types.js';
import type { StateWriter } from '../state/writer.js';
import type { Recorder } from './recorder.js';
import { RUNNING_DIR, type OperationRecord } from './records.js';

export interface Recovery {
  interrupted: OperationRecord[];
  /** Operations to run first; plan operations on the same targets wait for them. */
  operations: Operation[];
  builders: Map<string, OperationBuilder>;
}

export async function recoverInterrupted(writer: StateWriter, recorder: Recorder): Promise<Recovery> {
  const recovery: Recovery = { interrupted: [], operations: [], builders: new Map() };
  for (const name of await writer.listDir(RUNNING_DIR)) {
    const marker = JSON.parse((await writer.readFile(`${RUNNING_DIR}/${name}`)) ?? '{}') as { record?: string };
    const text = marker.record ? await writer.readFile(marker.record) : null;
    if (!text) continue;
    const record = await recorder.interrupt(JSON.parse(text) as OperationRecord, 'the apply running it stopped before it ended (crash, kill or lost connection)');
    recovery.interrupted.push(record);
    const repair = repairFor(record, recorder);
    if (repair && !recovery.operations.some((o) => o.id === repair.op.id)) {
      recovery.operations.push(repair.op);
      if (repair.builder) recovery.builders.set(repair.op.id, repair.builder);
    }
  }
  return recovery;
}

function repairFor(record: OperationRecord, recorder: Recorder): { op: Operation; builder?: OperationBuilder } | null {
  const { kind, name } = record.target;
  const recorded = kind === 'site' ? recorder.state.sites.has(name)
    : kind === 'platform' ? Boolean(recorder.state.platforms.get(name)?.deployments[record.server])
    : recorder.state.servers.has(name);
  const base = {
    action: 'verify' as const, target: record.target, server: record.server, changes: [], dependsOn: [], blockers: [], warnings: [], destructive: false,
  };
  if (kind === 'site' && recorded && (record.action === 'migrate' || record.action === 'restore')) {
    // The record still describes the site before the copy: put the servers back to that, on the site's own server.
    const site = recorder.state.sites.get(name)!;
    return {
      op: { ...base, server: site.server, id: `recover:site/${name}/${record.action}`, reason: `put the site back as recorded after the interrupted ${record.action} (${record.id})` },
      builder: recoverInterruptedCopy({ id: record.id, server: record.server }),
    };
  }
  if (recorded) {
    return { op: { ...base, id: `recover:${operationId(kind, name, 'verify', kind === 'platform' ? record.server : undefined)}`,
      reason: `check it after the interrupted ${record.action} (${record.id})` } };
  }
  if (kind === 'site' && (record.action === 'install' || record.action === 'clone')) {
    return { op: { ...base, id: `recover:site/${name}/cleanup`, reason: `remove what the interrupted ${record.action} (${record.id}) left behind` },
      builder: cleanupInterruptedInstall };
  }
  return null;
}

/** Plan operations on a target under repair wait for the repair. */
export function afterRecovery(operations: Operation[], recovery: Recovery): Operation[] {
  if (recovery.operations.length === 0) return operations;
  const repairs = recovery.operations;
  const waiting = operations.map((op) => {
    const deps = repairs.filter((r) => r.target.kind === op.target.kind && r.target.name === op.target.name).map((r) => r.id);
    return deps.length ? { ...op, dependsOn: [...op.dependsOn, ...deps] } : op;
  });
  return [...repairs, ...waiting];
}
