import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { runSiteAction, siteArgument } from './site-action.js';
import { TideError } from '../errors.js';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Bring a site back to one of its backups',
  help: `Usage: tide restore SITE --backup ID [--repo DIR]

Takes a fresh backup of the site first, then copies the chosen backup's files
and database in beside the live site (new directory, new database), runs the
platform's database updates on it, and switches the site to it; the previous
copy is removed last. While the data is copied the site serves a maintenance
page (503). Any failure puts the site back as it was before the restore.
'tide backups SITE' lists the backup ids.

A deleted site comes back the same way: set its status back to enabled in
the fleet, commit, and run tide restore SITE --backup ID. Its backup is
copied into a new directory and database on its platform's server, updated
to the platform's code and served; its backups are listed again.

Options:
  --backup ID  the backup to bring back (required)
  --repo DIR   fleet repository (default: the current directory)
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('restore', args, { repo: { type: 'string' }, backup: { type: 'string' } }, 1);
    const site = siteArgument('restore', positionals);
    if (!values.backup) {
      throw new TideError('USAGE', 'tide restore: which backup? Give --backup ID.', { hint: `tide backups ${site} lists them.` });
    }
    const backup = values.backup;
    const { chosenBackup } = await import('../operations/site/restore.js');
    return runSiteAction(io, { action: 'restore', site, repo: values.repo, options: { backup }, refuse: (recorded) => void chosenBackup(site, recorded.sites.get(site)?.backups ?? recorded.deletedSites.get(site)?.backups ?? [], backup),
      reason: `restore backup ${values.backup} (tide restore)` });
  },
};
