// Apply what reviewers saw (`tide apply --reviewed-plan FILE`): the plan shown
// on a pull request is compared with the plan made at apply time, operation
// by operation. Operations are matched by what they do to what (their
// identity), not by the plan's hash: a change merged meanwhile elsewhere in
// the fleet, or a state commit of another apply, must not fail the run with
// a "plan changed" that nobody can act on. Only what removes data needs to
// have been seen: a destructive operation the reviewed plan did not show is
// held back (blocked, so its dependants are skipped too); everything else
// goes on.

import { createHash } from 'node:crypto';
import type { Operation, Plan } from '../model/plan.js';

/** The actions that remove or overwrite data (a delete of a site or platform, a migrate's drop of the old copy). */
const DESTRUCTIVE_ACTIONS: ReadonlySet<string> = new Set(['delete', 'migrate', 'restore']);

export const NOT_REVIEWED = 'not-reviewed';

export function removesData(op: Operation): boolean {
  return op.destructive || (op.removes?.length ?? 0) > 0 || DESTRUCTIVE_ACTIONS.has(op.action);
}

/**
 * What an operation does to what, with the parameters that change what it
 * destroys: where it runs, where a migrate takes the site (platform and
 * server) and what it removes. Reasons, warnings and dependencies are left
 * out: they are wording and ordering, not effect.
 */
export function operationIdentity(op: Operation): string {
  const moves = op.changes.filter((c) => c.field === 'platform' || c.field === 'server').map((c) => `${c.field}=${String(c.to)}`).sort();
  const removes = (op.removes ?? []).map((r) => `${r.what}:${r.server}:${r.name}`).sort();
  return JSON.stringify([op.action, op.target.kind, op.target.name, op.server, moves, removes]);
}

/**
 * A short, stable name for what an operation does: its id (for people) and a
 * digest of its identity (so a migrate to another destination is another
 * key). Small enough for a pull request comment's hidden marker.
 */
export function reviewKey(op: Operation): string {
  return `${op.id}#${createHash('sha256').update(operationIdentity(op)).digest('hex').slice(0, 12)}`;
}

/** What reviewers saw that matters at apply time: the keys of the plan's destructive operations. */
export interface ReviewedPlan {
  fleet: string;
  keys: ReadonlySet<string>;
  /** Where it came from, for messages: a file name, a pull request. */
  source: string;
}

export function reviewedFrom(plan: Plan, source: string): ReviewedPlan {
  return { fleet: plan.fleet, keys: new Set(plan.operations.filter(removesData).map(reviewKey)), source };
}

export interface ReviewOutcome {
  operations: Operation[];
  /** Destructive operations the reviewed plan did not show, now blocked. */
  held: Operation[];
}

/** Blocks every destructive operation of `operations` that the reviewed plan did not show. */
export function holdBackUnreviewed(operations: readonly Operation[], reviewed: ReviewedPlan): ReviewOutcome {
  const held: Operation[] = [];
  const out = operations.map((op) => {
    if (!removesData(op) || reviewed.keys.has(reviewKey(op))) return op;
    const blocked = { ...op, blockers: [...op.blockers, { code: NOT_REVIEWED, message: 'not in the reviewed plan: it removes data and the reviewers never saw it; nothing of it ran' }] };
    held.push(blocked);
    return blocked;
  });
  return { operations: out, held };
}
