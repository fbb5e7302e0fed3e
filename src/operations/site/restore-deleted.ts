// site restore of a deleted site (`tide restore SITE --backup ID` once the
// fleet wants the site again): its chosen backup is copied into a new
// directory and database, brought up to the platform's code and served, as a
// clone is made from its source's backup. Its kept backups go back on its
// record and the deleted site's record goes. A site in its own PHP pool gets
// it back (a new user) before the copy takes that user's group.

import { shellQuote as q } from '../../transport/types.js';
import type { DeletedSite, RecordedSite } from '../../state/types.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import type { OperationBuilder, StateUpdate } from '../types.js';
import { copySiteTasks } from './copy.js';
import { shouldExist } from './desired.js';
import { appliedSite } from './record.js';
import { siteResources, vhostModeFor } from './resources.js';
import { chosenBackup } from './restore.js';
import { ensurePoolTask } from './pool.js';
import { compact, writeVhostTask } from './tasks.js';

export const restoreDeletedSite: OperationBuilder = (ctx) => {
  const site = shouldExist(ctx);
  const gone = ctx.recorded.deletedSites.get(site.name);
  if (!gone) throw new OperationPreconditionError(`Site ${site.name} has no record of being deleted, so tide has no backups of it.`);
  const chosen = chosenBackup(site.name, gone.backups, ctx.op.options?.backup);
  const r = siteResources(ctx, site.name, site);
  const copy = copySiteTasks({
    shell: ctx.shell, r, sourceName: site.name, shellOn: (server) => ctx.peer(server).shell, operationId: ctx.operationId, update: true,
    archive: () => ({ server: chosen.server ?? gone.server, path: chosen.path }),
  });
  const backupsBack: StateUpdate = {
    kind: 'site', name: site.name, update: (current: RecordedSite | undefined) => (current ? { ...current, backups: gone.backups } : null),
  };
  return {
    tasks: compact([
      {
        name: `check that nothing is left at ${r.dir}`,
        async run() {
          // The copy refuses an existing directory; a vhost left behind would be overwritten: refuse that too.
          if (r.http && (await ctx.shell.transport.readFile(r.http.path))) {
            throw new OperationPreconditionError(`${r.http.path} already exists on ${ctx.server.name}; tide will not put a restored site over it.`);
          }
          await ctx.shell.run('checking the site directory', `test ! -e ${q(r.dir)}`);
        },
      },
      ensurePoolTask(ctx.shell, r),
      ...copy.tasks,
      writeVhostTask(ctx.shell, r, vhostModeFor(site.status)),
    ]),
    details: () => ({ restored: chosen, deletedAt: gone.deletedAt }),
    updates: () => [appliedSite(site, r, { packages: copy.packages }), backupsBack, { kind: 'deletedSite', name: site.name, update: (): DeletedSite | null => null }],
  };
};
