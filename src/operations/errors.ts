// Errors raised by operations themselves (beyond a command that failed).

import { TideError } from '../errors.js';

/** The target platform cannot take a site's packages (found when the migrate or clone ran). */
export class IncompatiblePlatformError extends TideError {
  readonly reasons: string[];

  constructor(site: string, platform: string, reasons: string[]) {
    super('PLATFORM_INCOMPATIBLE', `Site ${site} cannot move to platform ${platform}:\n${reasons.map((r) => `- ${r}`).join('\n')}`, {
      hint: 'Deploy a platform that has these packages at the same or a higher schema, or keep the site where it is.',
    });
    this.reasons = reasons;
  }
}

/** The server lacks something tide needs from the user it logs in as (see server/preconditions.ts). */
export class ServerNotPreparedError extends TideError {
  readonly server: string;

  constructor(server: string, problem: string, fix: string) {
    super('SERVER_NOT_PREPARED', `${server}: ${problem} Fix: ${fix}`, { hint: fix });
    this.server = server;
  }
}
