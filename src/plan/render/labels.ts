// Vocabulary shared by the plan renderers: symbols, verbs, ordering, counts and
// value formatting. Renderers add presentation (colour, escaping) on top.

import type { Action, Operation, Plan, TargetKind } from '../../model/plan.js';

/** The order actions appear in summaries and tables. */
export const ACTION_ORDER: readonly Action[] = [
  'deploy',
  'install',
  'clone',
  'migrate',
  'rename',
  'verify',
  'disable',
  'enable',
  'delete',
];

export type ActionSymbol = '+' | '~' | '-';
export type OpSymbol = ActionSymbol | '!';

const ACTION_SYMBOL: Record<Action, ActionSymbol> = {
  deploy: '+',
  install: '+',
  clone: '+',
  verify: '~',
  migrate: '~',
  rename: '~',
  disable: '~',
  enable: '~',
  delete: '-',
};

export function actionSymbol(action: Action): ActionSymbol {
  return ACTION_SYMBOL[action];
}

export function isBlocked(op: Operation): boolean {
  return op.blockers.length > 0;
}

/** `!` for a blocked operation, otherwise the action's symbol. */
export function opSymbol(op: Operation): OpSymbol {
  return isBlocked(op) ? '!' : actionSymbol(op.action);
}

/** "to install", as used in the summary sentence. */
export function verbPhrase(action: Action): string {
  return `to ${action}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export interface PlanCounts {
  /** Runnable (unblocked) operations per action, in ACTION_ORDER, zero counts left out. */
  byAction: Array<[Action, number]>;
  blocked: number;
  orphans: number;
}

/**
 * Counts computed from the operations themselves, so what a renderer lists
 * and what it counts always agree. A blocked operation counts as blocked and
 * not under its action, so the numbers add up to the operations shown.
 */
export function countPlan(plan: Plan): PlanCounts {
  const perAction = new Map<Action, number>();
  let blocked = 0;
  for (const op of plan.operations) {
    if (isBlocked(op)) blocked++;
    else perAction.set(op.action, (perAction.get(op.action) ?? 0) + 1);
  }
  const byAction: Array<[Action, number]> = [];
  for (const action of ACTION_ORDER) {
    const n = perAction.get(action) ?? 0;
    if (n > 0) byAction.push([action, n]);
  }
  return { byAction, blocked, orphans: plan.orphans.length };
}

export const NO_CHANGES = 'No changes. The fleet matches the recorded state.';

/** `Plan: 3 to install, 1 to delete, 1 blocked, 2 orphans.` or the no-changes line. */
export function summarySentence(plan: Plan): string {
  if (plan.operations.length === 0 && plan.orphans.length === 0) return NO_CHANGES;
  const counts = countPlan(plan);
  const parts = counts.byAction.map(([action, n]) => `${n} ${verbPhrase(action)}`);
  if (counts.blocked > 0) parts.push(`${counts.blocked} blocked`);
  if (counts.orphans > 0) parts.push(plural(counts.orphans, 'orphan'));
  return `Plan: ${parts.join(', ')}.`;
}

/** The parts of "site blog.example.com on web1"; `on` is null when it adds nothing. */
export function describeTarget(
  target: { kind: TargetKind; name: string },
  server: string | null,
): { kind: TargetKind; name: string; on: string | null } {
  const redundant = server === null || (target.kind === 'server' && target.name === server);
  return { kind: target.kind, name: target.name, on: redundant ? null : server };
}

/**
 * A field value for humans: strings bare (the empty string as ""), arrays as
 * [a, b], objects as compact JSON, null/undefined as (none).
 */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  return formatInner(value);
}

function formatInner(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value)) return `[${value.map(formatInner).join(', ')}]`;
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
