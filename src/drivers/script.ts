// Any application with a command-line installer: the platform's `commands`
// are run in its directory with the site's facts (see facts.ts). A command
// the platform does not declare is a no-op (or "cannot tell": null).

import type { PlatformCommands } from '../model/kinds.js';
import { commandTimeoutMs } from '../shell/shell.js';
import { factsEnv, renderCommand, renderPlatformCommand } from './facts.js';
import { requireLoginLink } from './login-link.js';
import { parsePackages } from './packages.js';
import type { Driver, DriverContext } from './types.js';

/** Runs one of the site's commands with its facts in env and template; null when the platform has none. */
async function runSiteCommand(ctx: DriverContext, key: keyof PlatformCommands, what: string) {
  const template = ctx.platform.commands[key];
  if (!template) return null;
  const command = await renderCommand(template, ctx.facts);
  const result = await ctx.shell.run(what, command, { cwd: ctx.platformDir, env: factsEnv(ctx.facts), timeoutMs: commandTimeoutMs() });
  return { command, stdout: result.stdout };
}

export const scriptDriver: Driver = {
  name: 'script',
  usesDatabase: true,
  usesPhp: true,

  async install(ctx) {
    await runSiteCommand(ctx, 'install', 'the install command');
  },

  async update(ctx) {
    await runSiteCommand(ctx, 'update', 'the update command');
  },

  async sitePackages(ctx) {
    const ran = await runSiteCommand(ctx, 'packages', 'the packages command');
    return ran && parsePackages(ran.stdout, { server: ctx.shell.transport.server, command: ran.command });
  },

  // The same command without a site: no TIDE_* in its environment, so the
  // application lists what its code provides (DESIGN.md, script contract).
  async platformPackages({ shell, platform, platformDir }) {
    const template = platform.commands.packages;
    if (!template) return null;
    const command = await renderPlatformCommand(template);
    const result = await shell.run('the packages command (platform)', command, { cwd: platformDir, timeoutMs: commandTimeoutMs() });
    return parsePackages(result.stdout, { server: shell.transport.server, command });
  },

  hasLoginCommand: (platform) => Boolean(platform.commands.login),

  // The caller hands a shell that does not log output; the link is never put in an error either.
  async loginLink(ctx) {
    const ran = await runSiteCommand(ctx, 'login', 'the login command');
    return ran && requireLoginLink(ran.stdout, ctx.shell.transport.server, ran.command);
  },

  async cron(ctx) {
    await runSiteCommand(ctx, 'cron', 'the cron command');
  },

  // settings.json, which the caller writes, is the script driver's only file.
  siteFiles() {
    return [];
  },
};
