// The site an operation works on, as the fleet or the state branch has it.

import type { Site } from '../../model/kinds.js';
import type { RecordedSite } from '../../state/types.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { checkRecordedSite } from '../targets.js';
import type { OperationContext } from '../types.js';

export function shouldExist(ctx: OperationContext): Site {
  const site = ctx.desired.sites.get(ctx.op.target.name);
  if (!site) throw new OperationPreconditionError(`Site ${ctx.op.target.name} is not in the fleet.`);
  return site;
}

/** The site as recorded, once what it names (database, backups) is checked to be what tide would have made. */
export function recordedSite(ctx: OperationContext): RecordedSite {
  const site = ctx.recorded.sites.get(ctx.op.target.name);
  if (!site) {
    throw new OperationPreconditionError(`Site ${ctx.op.target.name} has no record on the state branch, so tide does not know where it is.`,
      'Run tide verify, or restore its state file from an earlier state commit.');
  }
  checkRecordedSite(ctx.desired, site);
  return site;
}
