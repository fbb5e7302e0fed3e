// Puts operations in a deterministic order that respects their dependencies,
// and passes blockers down: an operation waiting for a blocked one is blocked.

import type { Action, Operation } from '../model/plan.js';

const PHASE: Record<string, number> = { server: 0, platform: 1, site: 2 };
const ACTION_RANK: Record<Action, number> = {
  verify: 0, deploy: 1, install: 2, clone: 3, migrate: 4, rename: 5, disable: 6, enable: 7, delete: 8,
};

/** Sort key: servers, then platforms, then sites, then platform deletions; by name within. */
function sortKey(op: Operation): string {
  const phase = op.target.kind === 'platform' && op.action === 'delete' ? 3 : PHASE[op.target.kind]!;
  return `${phase}\0${op.target.name}\0${ACTION_RANK[op.action]}\0${op.server}`;
}

export function orderOperations(operations: Iterable<Operation>): Operation[] {
  // The operations by their place in the sort order: from here on they are
  // known by that place, an integer, so the heap compares numbers, not ids.
  const byKey = [...operations].map((op) => ({ op, key: sortKey(op) })).sort((a, b) => compare(a.key, b.key));
  const ops = byKey.map(({ op }) => op);
  const rank = new Map(ops.map((op, i) => [op.id, i]));
  const byRank = (a: string, b: string): number => rank.get(a)! - rank.get(b)!;
  const waiting = ops.map((op) => op.dependsOn.length);
  // Most operations (sites) have no dependants: their lists are made when needed.
  const dependants: (number[] | undefined)[] = new Array(ops.length);
  ops.forEach((op, i) => {
    // Usually in order already (a server's verify, then a platform's deploy): sort() would still allocate.
    if (!isSorted(op.dependsOn, byRank)) op.dependsOn.sort(byRank);
    for (const dep of op.dependsOn) {
      const d = rank.get(dep);
      if (d !== undefined) (dependants[d] ??= []).push(i);
    }
  });

  const ready = new MinHeap<number>((a, b) => a - b);
  ops.forEach((op, i) => {
    if (op.dependsOn.length === 0) ready.push(i);
  });
  const ordered: Operation[] = [];
  const blocked = new Set<string>();
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    const op = ops[i]!;
    const blockedDep = blocked.size > 0 ? op.dependsOn.find((d) => blocked.has(d)) : undefined;
    if (blockedDep) op.blockers.push({ code: 'dependency-blocked', message: `waits for ${blockedDep}, which is blocked` });
    if (op.blockers.length > 0) blocked.add(op.id);
    ordered.push(op);
    for (const next of dependants[i] ?? []) {
      if (--waiting[next]! === 0) ready.push(next);
    }
  }

  if (ordered.length < ops.length) {
    // What is left waits on itself through a cycle (e.g. two sites swapping urls).
    const left = (id: string): boolean => {
      const d = rank.get(id);
      return d !== undefined && waiting[d]! > 0;
    };
    for (const op of ops.filter((_, i) => waiting[i]! > 0)) {
      op.blockers.push({ code: 'dependency-cycle', message: `waits in a cycle: ${op.dependsOn.filter(left).join(', ')}; split the change over two commits` });
      ordered.push(op);
    }
  }
  return ordered;
}

function isSorted<T>(items: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (order(items[i - 1]!, items[i]!) > 0) return false;
  return true;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.less(items[i]!, items[parent]!) >= 0) break;
      swap(items, i, parent);
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!) < 0) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!) < 0) m = r;
        if (m === i) break;
        swap(items, i, m);
        i = m;
      }
    }
    return top;
  }
}

/** Swaps two items in place; a destructuring swap allocates an array each time until the code is optimized. */
function swap<T>(items: T[], i: number, j: number): void {
  const item = items[i]!;
  items[i] = items[j]!;
  items[j] = item;
}
