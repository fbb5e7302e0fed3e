// `--target KIND/NAME` and `--server NAME`: cut a plan down to some targets,
// keeping what they depend on (a site's install needs its platform deployed).

import { TideError } from '../errors.js';
import type { Operation } from '../plan/types.js';

export interface PlanFilter {
  targets: string[];
  servers: string[];
}

export function filterOperations(operations: readonly Operation[], filter: PlanFilter): Operation[] {
  if (filter.targets.length === 0 && filter.servers.length === 0) return [...operations];
  const targets = filter.targets.map(parseTarget);
  const chosen = (op: Operation): boolean =>
    (targets.length === 0 || targets.some((t) => t.kind === op.target.kind && t.name === op.target.name)) &&
    (filter.servers.length === 0 || filter.servers.includes(op.server));
  const byId = new Map(operations.map((o) => [o.id, o]));
  const keep = new Set<string>();
  const add = (op: Operation): void => {
    if (keep.has(op.id)) return;
    keep.add(op.id);
    for (const dep of op.dependsOn) {
      const d = byId.get(dep);
      if (d) add(d);
    }
  };
  for (const op of operations) if (chosen(op)) add(op);
  return operations.filter((o) => keep.has(o.id));
}

function parseTarget(text: string): { kind: string; name: string } {
  const match = /^(server|platform|site)\/(.+)$/.exec(text);
  if (!match) {
    throw new TideError('USAGE', `--target ${text}: write KIND/NAME, e.g. site/blog.example.com (kinds: server, platform, site).`);
  }
  return { kind: match[1]!, name: match[2]! };
}
