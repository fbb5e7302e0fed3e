// `--target KIND/NAME` and `--server NAME`: cut a plan down to some targets,
// keeping what they depend on (a site's install needs its platform deployed).
// A name that matches nothing tide knows is an error, not an empty plan: a
// script that misspells a site must not read "nothing to do" as success.

import { TideError } from '../errors.js';
import { closest } from '../model/suggest.js';
import type { Operation } from '../model/plan.js';

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

/**
 * `operations` without the drift repairs (model/plan.ts `repair`) that no
 * other operation waits for: a repair something else needs stays, so what
 * the fleet asked for is never held up by a missing step.
 */
export function withoutRepairs(operations: readonly Operation[]): Operation[] {
  const needed = new Set(operations.flatMap((o) => o.dependsOn));
  return operations.filter((o) => !o.repair || needed.has(o.id));
}

/** Names tide knows, by kind: the fleet's and the recorded state's. */
export type KnownNames = Record<'server' | 'platform' | 'site', Iterable<string>>;

/** Throws for a --target or --server that names nothing in `known`, with the closest names. */
export function checkFilterNames(filter: PlanFilter, known: KnownNames): void {
  for (const server of filter.servers) refuseUnknown('--server', 'server', server, server, known.server);
  for (const text of filter.targets) {
    const { kind, name } = parseTarget(text);
    refuseUnknown('--target', kind as keyof KnownNames, text, name, known[kind as keyof KnownNames]);
  }
}

function refuseUnknown(option: string, kind: keyof KnownNames, given: string, name: string, names: Iterable<string>): void {
  const all = [...new Set(names)].sort();
  if (all.includes(name)) return;
  const guess = closest(name, all);
  const prefix = option === '--target' ? `${kind}/` : '';
  const list = all.length === 0 ? `there is no ${kind} at all` : `${kind}s: ${all.slice(0, 8).join(', ')}${all.length > 8 ? `, and ${all.length - 8} more` : ''}`;
  throw new TideError('UNKNOWN_TARGET', `${option} ${given}: the fleet and the state branch have no ${kind} named ${name}; nothing was done.`, {
    hint: guess ? `Did you mean ${option} ${prefix}${guess}?` : `Known ${list} (tide status lists them).`,
  });
}

function parseTarget(text: string): { kind: string; name: string } {
  const match = /^(server|platform|site)\/(.+)$/.exec(text);
  if (!match) {
    throw new TideError('USAGE', `--target ${text}: write KIND/NAME, e.g. site/blog.example.com (kinds: server, platform, site).`);
  }
  return { kind: match[1]!, name: match[2]! };
}
