import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { runSiteAction, siteArgument } from './site-action.js';

export const loginCommand: Command = {
  name: 'login',
  summary: 'Print a one-time login link for a site',
  help: `Usage: tide login SITE [--repo DIR]

Asks the site's application for a one-time login URL (drupal: drush
user:login; script driver: the platform's login command) and prints it. It
runs at once, not through a plan. The link alone goes to standard output,
progress to standard error. The operation is recorded on the state
branch, but the link is not: it holds a token, so neither the log nor the
record has it.

Options:
  --repo DIR   fleet repository (default: the current directory)
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('login', args, { repo: { type: 'string' } }, 1);
    const { loginLinkOperation, refuseWithoutLoginCommand } = await import('../operations/site/login.js');
    let link: string | undefined;
    const site = siteArgument('login', positionals);
    const status = await runSiteAction(io, {
      action: 'login', site, repo: values.repo, reason: 'one-time login link (tide login)',
      builder: loginLinkOperation((url) => (link = url)),
      refuse: (recorded, desired) => {
        const platform = desired.platforms.get(recorded.sites.get(site)?.platform ?? '');
        if (platform) refuseWithoutLoginCommand(platform);
      },
    }, io.stderr);
    if (link) io.stdout.write(`${link}\n`);
    return status;
  },
};
