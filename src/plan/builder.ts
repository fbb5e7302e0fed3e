// Accumulates a plan's operations and orphans while the per-kind planners run.

import type { Action, Blocker, FieldChange, Operation, Orphan, Removal, TargetKind } from '../model/plan.js';

export function operationId(kind: TargetKind, name: string, action: Action, server?: string): string {
  return kind === 'platform' ? `${kind}/${name}/${action}@${server}` : `${kind}/${name}/${action}`;
}

export interface NewOperation {
  action: Action;
  target: { kind: TargetKind; name: string };
  server: string;
  reason: string;
  changes?: FieldChange[];
  warnings?: string[];
  blockers?: Blocker[];
  destructive?: boolean;
  removes?: Removal[];
  repair?: boolean;
}

export class PlanBuilder {
  readonly operations = new Map<string, Operation>();
  readonly orphans: Orphan[] = [];

  add(spec: NewOperation): Operation {
    const id = operationId(spec.target.kind, spec.target.name, spec.action, spec.server);
    if (this.operations.has(id)) throw new Error(`planner bug: operation ${id} planned twice`);
    const op: Operation = {
      id,
      action: spec.action,
      target: spec.target,
      server: spec.server,
      reason: spec.reason,
      changes: spec.changes ?? [],
      dependsOn: [],
      blockers: spec.blockers ?? [],
      warnings: spec.warnings ?? [],
      destructive: spec.destructive ?? false,
    };
    // Set after, not spread into the literal: a spread copies at run time, once per operation. The key order is the same.
    if (spec.removes) op.removes = spec.removes;
    if (spec.repair) op.repair = true;
    this.operations.set(id, op);
    return op;
  }

  get(id: string): Operation | undefined {
    return this.operations.get(id);
  }

  /** Makes `op` wait for `id`, when `id` is part of this plan. */
  dependOn(op: Operation, id: string | undefined): void {
    if (id !== undefined && id !== op.id && this.operations.has(id) && !op.dependsOn.includes(id)) {
      op.dependsOn.push(id);
    }
  }

  orphan(orphan: Orphan): void {
    this.orphans.push(orphan);
  }
}
