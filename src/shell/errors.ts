// Errors raised while commands run on a server, shared by drivers and operations.

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
