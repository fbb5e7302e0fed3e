// migrate's (and clone's) compatibility check at run time: the plan checked
// the recorded inventories; this asks the application again, on the source
// site and the deployed target code, just before any data moves.

import { checkCompatibility } from '../package-compatibility.js';
import { IncompatiblePlatformError } from '../errors.js';
import type { Shell } from '../../shell/shell.js';
import type { OperationContext, Task } from '../types.js';
import type { SiteResources } from './resources.js';
import { driverContext, type PasswordBox } from './tasks.js';

export interface CompatibilityCheck {
  ctx: OperationContext;
  /** The site as it is now, and a shell on its server. */
  from: SiteResources;
  fromShell: Shell;
  fromPassword: PasswordBox;
  /** The site as it will be: its platform on the operation's server. */
  to: SiteResources;
}

export function compatibilityTask({ ctx, from, fromShell, fromPassword, to }: CompatibilityCheck): Task {
  return {
    name: `check that platform ${to.platform.name} can take the site's packages`,
    async run() {
      const site = await from.driver.sitePackages(driverContext(fromShell, from, fromPassword));
      const platform = await to.driver.platformPackages({ shell: ctx.shell, platform: to.platform, platformDir: to.platformDir });
      if (!site || !platform) {
        ctx.log.line(`the ${!site ? from.platform.driver : to.platform.driver} driver lists no packages here: nothing to compare`);
        return;
      }
      const { blockers, warnings } = checkCompatibility(site, platform, to.platform.name);
      for (const warning of warnings) ctx.log.line(`warning: ${warning}`);
      if (blockers.length > 0) throw new IncompatiblePlatformError(from.name, to.platform.name, blockers);
      ctx.log.line(`compatible: ${site.length} packages checked`);
    },
  };
}
