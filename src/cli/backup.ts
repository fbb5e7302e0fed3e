import { parseCommandArgs } from './args.js';
import { EXIT_OK, type Command } from './command.js';
import { loadFleetContext } from '../fleet/context.js';
import { runSiteAction, siteArgument } from './site-action.js';
import { TideError } from '../errors.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back up a site now (files and database) and record it',
  help: `Usage: tide backup SITE [--repo DIR]

Takes a backup of the site on its server now: its directory and a dump of its
database in one archive under the server's backups directory. The backup is
recorded in the site's state (id, path, size, sha256, time) and the operation
on the state branch; then the site's retention (backups: { keep: N }) removes
the oldest beyond N, on the server and in the state. The site keeps serving.

Options:
  --repo DIR   fleet repository (default: the current directory)
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('backup', args, { repo: { type: 'string' } }, 1);
    return runSiteAction(io, { action: 'backup', site: siteArgument('backup', positionals), repo: values.repo, reason: 'backup on demand (tide backup)' });
  },
};

export const backupsCommand: Command = {
  name: 'backups',
  summary: 'List the recorded backups of a site',
  help: `Usage: tide backups SITE [--repo DIR] [--json]

Lists the backups tide keeps of the site, oldest first, as recorded on the
state branch (no server is contacted): id (for tide restore --backup), time,
size, server and path. A deleted site's backups stay listed (the last one is
the backup its delete took): tide restore brings it back from one.

Options:
  --repo DIR   fleet repository (default: the current directory)
  --json       print them as JSON
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('backups', args, { repo: { type: 'string' }, json: { type: 'boolean' } }, 1);
    const name = siteArgument('backups', positionals);
    const { recorded: state } = await loadFleetContext(values.repo, undefined, io.cwd);
    const site = state.sites.get(name);
    const gone = state.deletedSites.get(name);
    if (!site && !gone) throw new TideError('SITE_NOT_RECORDED', `Site ${name} has no record on ${state.branch}.`, { hint: 'tide status lists the sites tide knows.' });
    // A site installed again after a delete still has the deleted one's backups to restore from.
    const backups = [...(site?.backups ?? []), ...(gone?.backups ?? [])]
      .filter((b, i, all) => all.findIndex((o) => o.id === b.id) === i)
      .sort((a, b) => a.at.localeCompare(b.at));
    if (values.json) {
      io.stdout.write(`${JSON.stringify(backups, null, 2)}\n`);
      return EXIT_OK;
    }
    if (backups.length === 0) {
      io.stdout.write(`Site ${name} has no recorded backups. Take one with: tide backup ${name}\n`);
      return EXIT_OK;
    }
    const keep = site?.backupPolicy ? ` (keeps ${site.backupPolicy.keep})` : '';
    const deleted = !site && gone ? `, deleted ${gone.deletedAt.replace('T', ' ').slice(0, 19)}; tide restore ${name} --backup ID brings it back` : '';
    const lines = [`Backups of ${name}${keep}${deleted}:`];
    for (const b of backups) {
      lines.push(`  ${b.id}  ${b.at.replace('T', ' ').slice(0, 19)}  ${humanSize(b.size).padStart(9)}  ${b.server ?? site?.server ?? gone!.server}:${b.path}`);
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};

function humanSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
