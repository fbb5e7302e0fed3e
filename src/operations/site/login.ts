// `tide login SITE`: a one-time login link from the application (drupal:
// drush user:login), made at once rather than planned. The link holds a
// token, so its command's output stays out of the log and the record; the
// caller gets it through `received` and prints it.

import { driverFor } from '../../drivers/index.js';
import type { Platform } from '../../model/kinds.js';
import { redactor } from '../../redact.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import type { OperationBuilder } from '../types.js';
import { compact, driverContext, installedSite } from './tasks.js';

/** Refuses, before anything runs, a platform whose application has no login command. */
export function refuseWithoutLoginCommand(platform: Platform): void {
  if (!driverFor(platform.driver).hasLoginCommand(platform)) throw noLoginCommand(platform);
}

function noLoginCommand(platform: Platform): OperationPreconditionError {
  return new OperationPreconditionError(`Platform ${platform.name} (${platform.driver} driver) has no login command; nothing was done.`,
    'For the script driver, add commands.login to the platform: a command that prints a one-time login URL.');
}

export function loginLinkOperation(received: (url: string) => void): OperationBuilder {
  return (ctx) => {
    const { r, password, readPassword } = installedSite(ctx);
    return {
      tasks: compact([
        readPassword,
        {
          name: 'make a one-time login link',
          async run() {
            const url = await r.driver.loginLink(driverContext(ctx.shell.quiet(), r, password));
            if (!url) throw noLoginCommand(r.platform);
            redactor.add(url);
            // The token alone too (drupal: a path segment; script apps: often a query value).
            for (const part of url.split(/[/?&=#]/)) if (part.length >= 16) redactor.add(part);
            ctx.log.line('made a one-time login link (not logged: it holds a token)');
            received(url);
          },
        },
      ]),
      updates: () => [],
    };
  };
}
