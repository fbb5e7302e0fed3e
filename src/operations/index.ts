// The operation registry: which code carries out each planned action (and
// each immediate one; `tide login` brings its own, see site/login.ts).

import type { Action, TargetKind } from '../model/plan.js';
import { deletePlatform } from './platform/delete.js';
import { deployPlatform } from './platform/deploy.js';
import { verifyPlatform } from './platform/verify.js';
import { verifyServer } from './server/verify.js';
import { deleteSite } from './site/delete.js';
import { installSite } from './site/install.js';
import { disableSite, enableSite } from './site/status.js';
import { verifySite } from './site/verify.js';
import { backupSite } from './site/backup-now.js';
import { cloneSite } from './site/clone.js';
import { cronSite } from './site/cron.js';
import { migrateSite } from './site/migrate.js';
import { renameSite } from './site/rename.js';
import { restoreSite } from './site/restore.js';
import type { ImmediateAction, OperationBuilder } from './types.js';

const OPERATIONS: Partial<Record<`${TargetKind}/${Action | ImmediateAction}`, OperationBuilder>> = {
  'server/verify': verifyServer,
  'platform/deploy': deployPlatform,
  'platform/verify': verifyPlatform,
  'platform/delete': deletePlatform,
  'site/install': installSite,
  'site/verify': verifySite,
  'site/disable': disableSite,
  'site/enable': enableSite,
  'site/delete': deleteSite,
  'site/migrate': migrateSite,
  'site/rename': renameSite,
  'site/clone': cloneSite,
  'site/backup': backupSite,
  'site/restore': restoreSite,
  'site/cron': cronSite,
};

/** The builder for an action, or undefined when this version of tide cannot carry it out. */
export function operationFor(kind: TargetKind, action: Action | ImmediateAction): OperationBuilder | undefined {
  return OPERATIONS[`${kind}/${action}`];
}
