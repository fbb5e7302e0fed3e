// Which repair an operation left unfinished by a crashed run gets (see
// recovery.ts): its builder and the operation that runs it. Kept apart from
// recovery.ts because the builders bring most of the operations layer, which
// a run with nothing to recover does not load.

import type { Operation } from '../model/plan.js';
import { operationFor } from '../operations/index.js';
import { recoverInterruptedDeploy } from '../operations/platform/recover.js';
import { recoverInterruptedCopy } from '../operations/site/recover.js';
import { recoverInterruptedSite } from '../operations/site/recover-site.js';
import type { OperationBuilder } from '../operations/types.js';
import type { RecordedState } from '../state/types.js';
import type { OperationRecord } from './records.js';

export interface Repair {
  op: Operation & { recovers: string };
  builder: OperationBuilder;
}

export function repairFor(record: OperationRecord, state: RecordedState): Repair | null {
  const { kind, name } = record.target;
  const base = {
    action: 'verify' as const, target: record.target, server: record.server, changes: [], dependsOn: [], blockers: [], warnings: [],
    destructive: false, recovers: record.id, id: `recover:${record.operation}`,
  };
  const reason = (what: string): string => `${what} after the interrupted ${record.action} (${record.id})`;
  const changed = (field: string): string | undefined => {
    const to = record.changes?.find((c) => c.field === field)?.to;
    return typeof to === 'string' ? to : undefined;
  };
  if (kind === 'site') {
    const site = state.sites.get(name);
    if (site && (record.action === 'migrate' || record.action === 'restore')) {
      // Run from the site's recorded server; the copy may be on the record's.
      return {
        op: { ...base, server: site.server, reason: reason('finish it where the site is live, or put the site back as recorded') },
        builder: recoverInterruptedCopy({ id: record.id, action: record.action, server: record.server,
          platform: changed('platform') ?? site.platform, startedAt: record.startedAt }),
      };
    }
    return {
      op: { ...base, server: site?.server ?? record.server, reason: reason('check the site and remove what was left') },
      builder: recoverInterruptedSite({ id: record.id, action: record.action, startedAt: record.startedAt, platform: changed('platform') }),
    };
  }
  if (kind === 'platform' && record.action === 'deploy') {
    return { op: { ...base, reason: reason('remove what was left') }, builder: recoverInterruptedDeploy(record.id) };
  }
  const recorded = kind === 'platform' ? Boolean(state.platforms.get(name)?.deployments[record.server]) : state.servers.has(name);
  if (!recorded) return null;
  return { op: { ...base, reason: reason('check it') }, builder: operationFor(kind, 'verify')! };
}
