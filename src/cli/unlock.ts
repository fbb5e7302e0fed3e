import { TideError } from '../errors.js';
import { requireGitDirs } from '../repo/git-dir.js';
import { age, forceUnlock, readStateLock, StateLockUnreadableError } from '../state/lock.js';
import { parseCommandArgs } from './args.js';
import { EXIT_OK, type Command } from './command.js';
import { fleetRoot } from '../fleet/context.js';

export const unlockCommand: Command = {
  name: 'unlock',
  summary: 'Break a stale state lock left by an apply that is gone',
  help: `Usage: tide unlock --force ID [--repo DIR]
       tide unlock [--repo DIR]          (shows who holds the lock)

Only one apply writes the state branch at a time; it holds a lock named by an
ID. If that apply died (machine lost, process killed), break its lock with the
ID that 'tide apply' printed. Make sure it is really gone first. A lock file
that cannot be read (left by a crash) has an ID too: 'tide unlock' shows it.

The lock is per clone of the fleet repository: it does not see an apply
running from another clone or machine. Between clones, 'tide apply --push'
is the guard: it catches up with origin's state branch first and pushes
without force, so a record that moved meanwhile is refused, never overwritten.
`,
  async run(args, io) {
    const { values } = parseCommandArgs('unlock', args, { force: { type: 'string' }, repo: { type: 'string' } });
    const { commonDir } = requireGitDirs(fleetRoot(io.cwd, values.repo));
    if (!values.force) {
      io.stdout.write(await describeLock(commonDir));
      return EXIT_OK;
    }
    if (!/^[0-9a-f]{4,}$/.test(values.force)) throw new TideError('USAGE', `tide unlock: '${values.force}' is not a lock id.`);
    const broken = await forceUnlock(commonDir, values.force);
    io.stdout.write('leftover' in broken
      ? `Removed the unreadable lock ${broken.leftover}.\n`
      : `Broke lock ${broken.id} (pid ${broken.pid}, ${broken.user}@${broken.host}, started ${age(broken.startedAt)}).\n`);
    return EXIT_OK;
  },
};

async function describeLock(gitDir: string): Promise<string> {
  try {
    const held = await readStateLock(gitDir);
    return held
      ? `Locked by ${held.id}: pid ${held.pid}, ${held.user}@${held.host}, '${held.command}', started ${age(held.startedAt)}.\nBreak it with: tide unlock --force ${held.id}\n`
      : 'The state is not locked.\n';
  } catch (error) {
    if (!(error instanceof StateLockUnreadableError)) throw error;
    return `${error.message}\nClear it with: tide unlock --force ${error.leftoverId}\n`;
  }
}
