// The operation registry: which code carries out each planned action (and
// each immediate one; `tide login` brings its own, see site/login.ts).

import type { Action, TargetKind } from '../model/plan.js';
import type { ImmediateAction, OperationBuilder } from './types.js';

/**
 * A builder whose module loads when it is first used: a run loads only the
 * operations it carries out (an apply that installs sites does not load
 * migrate, restore or clone, nor what only they use).
 */
function lazy<M>(load: () => Promise<M>, pick: (module: M) => OperationBuilder): OperationBuilder {
  let builder: Promise<OperationBuilder> | undefined;
  return async (context) => (await (builder ??= load().then(pick)))(context);
}

const OPERATIONS: Partial<Record<`${TargetKind}/${Action | ImmediateAction}`, OperationBuilder>> = {
  'server/verify': lazy(() => import('./server/verify.js'), (m) => m.verifyServer),
  'platform/deploy': lazy(() => import('./platform/deploy.js'), (m) => m.deployPlatform),
  'platform/verify': lazy(() => import('./platform/verify.js'), (m) => m.verifyPlatform),
  'platform/delete': lazy(() => import('./platform/delete.js'), (m) => m.deletePlatform),
  'site/install': lazy(() => import('./site/install.js'), (m) => m.installSite),
  'site/verify': lazy(() => import('./site/verify.js'), (m) => m.verifySite),
  'site/disable': lazy(() => import('./site/status.js'), (m) => m.disableSite),
  'site/enable': lazy(() => import('./site/status.js'), (m) => m.enableSite),
  'site/delete': lazy(() => import('./site/delete.js'), (m) => m.deleteSite),
  'site/migrate': lazy(() => import('./site/migrate.js'), (m) => m.migrateSite),
  'site/rename': lazy(() => import('./site/rename.js'), (m) => m.renameSite),
  'site/clone': lazy(() => import('./site/clone.js'), (m) => m.cloneSite),
  'site/backup': lazy(() => import('./site/backup-now.js'), (m) => m.backupSite),
  'site/restore': lazy(() => import('./site/restore.js'), (m) => m.restoreSite),
  'site/cron': lazy(() => import('./site/cron.js'), (m) => m.cronSite),
};

/** The builder for an action, or undefined when this version of tide cannot carry it out. */
export function operationFor(kind: TargetKind, action: Action | ImmediateAction): OperationBuilder | undefined {
  return OPERATIONS[`${kind}/${action}`];
}
