// Server operations: verify a new or changed server; never remove one.

import type { DesiredState } from '../model/kinds.js';
import { serverSpec } from '../state/spec.js';
import type { RecordedState } from '../state/types.js';
import type { PlanBuilder } from './builder.js';
import { diffFields, initialFields } from './diff.js';

export function planServers(desired: DesiredState, recorded: RecordedState, plan: PlanBuilder): void {
  for (const server of sorted(desired.servers.keys())) {
    const spec = serverSpec(desired.servers.get(server)!);
    const before = recorded.servers.get(server);
    const target = { kind: 'server' as const, name: server };
    if (!before) {
      plan.add({ action: 'verify', target, server, reason: 'new server: connect, check its services, create its directories', changes: initialFields(spec) });
      continue;
    }
    const changes = diffFields(before, spec);
    if (changes.length === 0) continue;
    const warnings = changes.some((c) => c.field === 'root') && hostsAnything(recorded, server)
      ? [`root changed: platforms and sites already on ${server} stay under ${before.root} until they are deployed again`]
      : [];
    plan.add({ action: 'verify', target, server, reason: `changed: ${changes.map((c) => c.field).join(', ')}`, changes, warnings });
  }
  for (const server of sorted(recorded.servers.keys())) {
    if (!desired.servers.has(server)) {
      plan.orphan({ target: { kind: 'server', name: server }, server, reason: 'no longer in the fleet; tide never removes a server, it only stops managing it' });
    }
  }
}

function hostsAnything(recorded: RecordedState, server: string): boolean {
  for (const p of recorded.platforms.values()) if (p.deployments[server]) return true;
  return false;
}

export function sorted(names: Iterable<string>): string[] {
  return [...names].sort();
}
