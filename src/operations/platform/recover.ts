// After a crash in the middle of a platform deploy: its staging copy is
// removed, and the old code put back if the crash fell between the two moves
// of the swap. Whatever code is in place, the planned deploy (the record
// still names the code deployed before) brings the desired code again.

import { shellQuote as q } from '../../transport/types.js';
import { platformDir, platformPreviousDir, platformStagingDir } from '../paths.js';
import type { OperationBuilder } from '../types.js';

export function recoverInterruptedDeploy(id: string): OperationBuilder {
  return (ctx) => {
    const name = ctx.op.target.name;
    const dir = platformDir(ctx.server, name);
    const staging = platformStagingDir(ctx.server, name, id);
    const previous = platformPreviousDir(ctx.server, name, id);
    return {
      tasks: [{
        name: `remove what ${id} left of ${dir}`,
        run: async () => void (await ctx.shell.run('removing the deploy leftovers',
          `if [ ! -e ${q(dir)} ] && [ -e ${q(previous)} ]; then mv ${q(previous)} ${q(dir)}; fi && rm -rf ${q(staging)} ${q(previous)}`)),
      }],
      updates: () => [],
    };
  };
}
