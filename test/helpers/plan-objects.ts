// Hand-built plans for renderer tests (planner tests build plans from YAML).

import type { Action, Operation, Orphan, Plan } from '../../src/model/plan.js';

export function op(action: Action, name: string, extra: Partial<Operation> = {}): Operation {
  return {
    id: `site/${name}/${action}@web1`,
    action,
    target: { kind: 'site', name },
    server: 'web1',
    reason: `${action} reason`,
    changes: [],
    dependsOn: [],
    blockers: [],
    warnings: [],
    destructive: action === 'delete',
    ...extra,
  };
}

export function plan(
  operations: Operation[],
  orphans: Orphan[] = [],
  commits: { desired?: string | null; state?: string | null } = {},
): Plan {
  return {
    formatVersion: 1,
    fleet: 'acme-hosting',
    desired: { commit: commits.desired === undefined ? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' : commits.desired, digest: 'sha256:abc' },
    state: { branch: 'tide-state', commit: commits.state === undefined ? null : commits.state },
    operations,
    orphans,
    summary: { operations: operations.length, byAction: {}, blocked: 0, orphans: orphans.length },
    hash: '0123456789abcdef0123456789abcdef',
  };
}
