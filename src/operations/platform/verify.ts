// platform verify on one server: the code is there and is what was deployed
// (same digest); records the platform's current settings (commands) and the
// packages the code brings.

import { shellQuote as q } from '../../transport/types.js';
import { platformSpec } from '../../state/spec.js';
import type { RecordedPlatform } from '../../state/types.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { platformCodeDir } from '../targets.js';
import type { OperationBuilder } from '../types.js';
import { DIGEST_COMMAND } from './digest.js';
import { withPackages } from './packages.js';
import { driverFor } from '../../drivers/index.js';
import type { Package } from '../../state/types.js';

export const verifyPlatform: OperationBuilder = (ctx) => {
  const name = ctx.op.target.name;
  const platform = ctx.desired.platforms.get(name);
  const recorded = ctx.recorded.platforms.get(name);
  const deployed = recorded?.deployments[ctx.server.name];
  if (!platform || !recorded || !deployed) {
    throw new OperationPreconditionError(`Platform ${name} is not recorded as deployed on ${ctx.server.name}.`);
  }
  const dir = platformCodeDir(ctx.server, name, recorded);
  let packages: Package[] | null = null;
  return {
    tasks: [{
      name: `check the code in ${dir}`,
      async run() {
        const found = await ctx.shell.run('checking the platform code', `test -d ${q(dir)} && cd ${q(dir)} && ${DIGEST_COMMAND}`);
        const digest = found.stdout.trim();
        if (deployed.digest && digest !== deployed.digest) {
          throw new OperationPreconditionError(`The code in ${dir} on ${ctx.server.name} changed since it was deployed (digest ${digest.slice(0, 12)}, deployed ${deployed.digest.slice(0, 12)}).`,
            'Find out who changed it; deploy the platform again to put the recorded code back.');
        }
      },
    }, {
      name: 'list the packages the code brings',
      run: async () => void (packages = await driverFor(platform.driver).platformPackages({ shell: ctx.shell, platform, platformDir: dir })),
    }],
    updates: () => [{
      kind: 'platform', name,
      // The code was checked, not replaced: its recorded identity stays.
      update: (current: RecordedPlatform | undefined) => ({ ...(current ?? recorded), ...platformSpec(platform, (current ?? recorded)?.sourceTree), ...withPackages(packages) }),
    }],
  };
};
