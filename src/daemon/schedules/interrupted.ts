// Targets a crashed run left unfinished (state/running markers): the
// scheduler leaves them alone until a reconcile has recovered them, as apply
// does (recovery first). A marker or record that cannot be read blocks every
// target: the state branch may be forged, and guessing is worse than waiting.

import { parseStateFile } from '../../state/reader.js';
import type { StateWriter } from '../../state/writer.js';
import { RUNNING_DIR, type OperationRecord, type RunningMarker } from '../../apply/records.js';

/** `site/NAME` and `server/NAME` of every unfinished operation; `*` when one cannot be read. */
export async function interruptedTargets(writer: Pick<StateWriter, 'listDir' | 'readFile' | 'head'>): Promise<{ has(target: string): boolean }> {
  const targets = new Set<string>();
  try {
    for (const name of await writer.listDir(RUNNING_DIR)) {
      const path = `${RUNNING_DIR}/${name}`;
      const marker = parseStateFile<RunningMarker>(path, (await writer.readFile(path)) ?? '', 'state-running.schema.json', writer.head);
      const text = await writer.readFile(marker.record);
      if (text === null) throw new Error(`${marker.record} is missing`);
      const record = parseStateFile<OperationRecord>(marker.record, text, 'state-operation.schema.json', writer.head);
      targets.add(`${record.target.kind}/${record.target.name}`);
      for (const server of [record.server, ...(marker.run?.servers ?? [])]) targets.add(`server/${server}`);
    }
  } catch {
    return { has: () => true };
  }
  return { has: (target) => targets.has(target) };
}
