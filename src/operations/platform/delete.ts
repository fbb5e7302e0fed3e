// platform delete on one server: only when no recorded site uses it there
// (the plan blocks it otherwise; checked again here against the live record).

import type { RecordedPlatform } from '../../state/types.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { platformCodeDir, removeUnderRoot } from '../targets.js';
import type { OperationBuilder } from '../types.js';

export const deletePlatform: OperationBuilder = (ctx) => {
  const name = ctx.op.target.name;
  const server = ctx.server.name;
  const users = [...ctx.recorded.sites.values()].filter((s) => s.platform === name && s.server === server).map((s) => s.name);
  if (users.length > 0) {
    throw new OperationPreconditionError(`Platform ${name} still has sites on ${server}: ${users.join(', ')}.`, 'Move or delete them first.');
  }
  const dir = platformCodeDir(ctx.server, name, ctx.recorded.platforms.get(name));
  return {
    tasks: [{
      name: `remove ${dir}`,
      run: () => removeUnderRoot(ctx.shell, ctx.server, dir, 'removing the platform code'),
    }],
    updates: () => [{
      kind: 'platform', name,
      update: (current: RecordedPlatform | undefined): RecordedPlatform | null => {
        if (!current) return null;
        const { [server]: _gone, ...rest } = current.deployments;
        return Object.keys(rest).length === 0 ? null : { ...current, deployments: rest };
      },
    }],
  };
};
