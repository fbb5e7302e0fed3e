// After a crash in the middle of an install, the site has no record but may
// have a directory, a database or a vhost. This removes exactly those (names
// tide derives from the site's name), so the planned install can start clean.

import { shellQuote as q } from '../../transport/types.js';
import type { OperationBuilder } from '../types.js';
import { shouldExist } from './desired.js';
import { siteResources } from './resources.js';
import { compact, removeVhostTask } from './tasks.js';

export const cleanupInterruptedInstall: OperationBuilder = (ctx) => {
  const site = shouldExist(ctx);
  const r = siteResources(ctx, site.name, site);
  const { db } = r;
  return {
    tasks: compact([
      removeVhostTask(ctx.shell, r),
      db ? { name: `drop leftover database ${db.name} and user ${db.user}`, run: () => db.type.drop(ctx.shell.transport, db.admin, db) } : null,
      { name: `remove leftover ${r.dir}`, run: async () => void (await ctx.shell.run('removing the leftover site directory', `rm -rf ${q(r.dir)}`)) },
    ]),
    updates: () => [],
  };
};
