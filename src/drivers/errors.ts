// Errors a driver raises about what an application printed. Commands and
// output pass through the redactor: a rendered command may hold a password.

import { TideError } from '../errors.js';
import { redactor } from '../redact.js';

/** A package inventory command printed something that is not a package list. */
export class PackagesInvalidError extends TideError {
  readonly server: string;
  readonly command: string;

  constructor(server: string, command: string, problem: string) {
    super('PACKAGES_INVALID', `The package list printed on ${server} by \`${redactor.redact(command)}\` is invalid: ${redactor.redact(problem)}.`, {
      hint: 'The command must print only a JSON array of {"name", "type", "version", "schema"?, "enabled"?} on stdout (messages go to stderr).',
    });
    this.server = server;
    this.command = command;
  }
}

/**
 * A login command did not end its output with a link. The output is never
 * quoted: it may hold a one-time token.
 */
export class LoginLinkInvalidError extends TideError {
  readonly server: string;

  constructor(server: string, command: string) {
    super('LOGIN_LINK_INVALID', `The login command \`${redactor.redact(command)}\` on ${server} did not print an http:// or https:// link on its last line.`, {
      hint: 'The login command must print the one-time link as the last line of its stdout.',
    });
    this.server = server;
  }
}
