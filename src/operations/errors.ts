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

/**
 * A record on the state branch names something tide would not have made: a
 * directory, backup or database other than the one tide derives for it.
 * Anyone who can push the state branch can write one, so tide refuses to act
 * on it rather than remove what it names.
 */
export class UntrustedStateError extends TideError {
  readonly file: string;

  constructor(file: string, what: string) {
    super('STATE_UNTRUSTED', `${file} on the state branch ${what}; tide will not act on it.`, {
      hint: 'tide never wrote this: find out who pushed it to the state branch (git log -p on the state branch), and restore the file from an earlier state commit.',
    });
    this.file = file;
  }
}

/** A path tide was about to remove resolves, on the server, outside the server's root (a symbolic link on the way). */
export class OutsideRootError extends TideError {
  readonly server: string;
  readonly path: string;

  constructor(server: string, path: string, why: string) {
    super('TARGET_OUTSIDE_ROOT', `Refused to remove ${path} on ${server}: ${why}. Nothing was removed.`, {
      hint: 'tide removes only what lies under the server\'s root once symbolic links are followed; find out who put the link there.',
    });
    this.server = server;
    this.path = path;
  }
}
