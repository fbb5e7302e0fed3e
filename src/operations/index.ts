// The operation registry: which code carries out each planned action.

import type { Action, TargetKind } from '../plan/types.js';
import { deletePlatform } from './platform/delete.js';
import { deployPlatform } from './platform/deploy.js';
import { verifyPlatform } from './platform/verify.js';
import { verifyServer } from './server/verify.js';
import { deleteSite } from './site/delete.js';
import { installSite } from './site/install.js';
import { disableSite, enableSite } from './site/status.js';
import { verifySite } from './site/verify.js';
import type { OperationBuilder } from './types.js';

const OPERATIONS: Partial<Record<`${TargetKind}/${Action}`, OperationBuilder>> = {
  'server/verify': verifyServer,
  'platform/deploy': deployPlatform,
  'platform/verify': verifyPlatform,
  'platform/delete': deletePlatform,
  'site/install': installSite,
  'site/verify': verifySite,
  'site/disable': disableSite,
  'site/enable': enableSite,
  'site/delete': deleteSite,
};

/** The builder for an action, or undefined when this version of tide cannot carry it out. */
export function operationFor(kind: TargetKind, action: Action): OperationBuilder | undefined {
  return OPERATIONS[`${kind}/${action}`];
}
