// Apply what reviewers saw (`tide apply --reviewed-plan FILE`): the plan shown
// on a pull request is compared with the plan made at apply time, operation
// by operation. Operations are matched by what they do to what (their
// identity), not by the plan's hash: a change merged meanwhile elsewhere in
// the fleet, or a state commit of another apply, must not fail the run with
// a "plan changed" that nobody can act on. Only what removes data needs to
// have been seen: a destructive operation the reviewed plan did not show is
// held back (blocked, so its dependants are skipped too); everything else
// goes on.

import type { Operation, Plan } from './types.js';

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

export interface ReviewOutcome {
  operations: Operation[];
  /** Destructive operations the reviewed plan did not show, now blocked. */
  held: Operation[];
}

/** Blocks every destructive operation of `operations` that `reviewed` did not show. */
export function holdBackUnreviewed(operations: readonly Operation[], reviewed: Plan): ReviewOutcome {
  const seen = new Set(reviewed.operations.map(operationIdentity));
  const held: Operation[] = [];
  const out = operations.map((op) => {
    if (!removesData(op) || seen.has(operationIdentity(op))) return op;
    const blocked = { ...op, blockers: [...op.blockers, { code: NOT_REVIEWED, message: 'not in the reviewed plan: it removes data and the reviewers never saw it; nothing of it ran' }] };
    held.push(blocked);
    return blocked;
  });
  return { operations: out, held };
}
