// Errors raised while an operation runs on a server.

import { TideError } from '../errors.js';
import { redactor } from '../redact.js';

/** A command on a server exited non-zero. */
export class CommandFailedError extends TideError {
  readonly server: string;
  readonly command: string;
  readonly exitCode: number;

  constructor(server: string, what: string, command: string, exitCode: number, stderr: string) {
    const tail = redactor.redact(stderr.trim().split('\n').slice(-5).join('\n'));
    super('COMMAND_FAILED', `${what} failed on ${server}: \`${redactor.redact(command)}\` exited with ${exitCode}${tail ? `:\n${tail}` : ''}`, {
      hint: 'The operation log on the state branch has the full output.',
    });
    this.server = server;
    this.command = command;
    this.exitCode = exitCode;
  }
}

/** The operation cannot run as asked (missing service, driver not supported...). */
export class OperationPreconditionError extends TideError {
  constructor(message: string, hint?: string) {
    super('OPERATION_PRECONDITION', message, { hint });
  }
}

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
