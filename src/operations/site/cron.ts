// A site's cron run (scheduled by tide daemon at the site's `cron` interval):
// the database password is read from the site's settings file first, since
// the application's cron reaches its database with it, then the driver's
// cron command runs (drupal: drush core:cron; script: commands.cron). It
// changes nothing tide records, so there is nothing to undo.

import type { OperationBuilder } from '../types.js';
import { compact, driverContext, installedSite } from './tasks.js';

export const cronSite: OperationBuilder = (ctx) => {
  const { r, password, readPassword } = installedSite(ctx);
  return {
    tasks: compact([
      readPassword,
      { name: `run the ${r.platform.driver} cron`, run: () => r.driver.cron(driverContext(ctx.shell, r, password)) },
    ]),
    updates: () => [],
  };
};
