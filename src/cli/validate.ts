import { parseCommandArgs } from './args.js';
import { EXIT_OK, type Command } from './command.js';
import { loadDesired } from '../fleet/context.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check the fleet files: syntax, schemas, references, quotas',
  help: `Usage: tide validate [--repo DIR] [--ref REF]

Loads every *.yaml file of the fleet repository and reports every problem at
once as FILE:LINE:COLUMN: MESSAGE. Exits 1 if there is any; touches nothing.

Options:
  --repo DIR   fleet repository (default: the current directory)
  --ref REF    read the files from a commit, branch or tag instead of the work tree
`,
  async run(args, io) {
    const { values } = parseCommandArgs('validate', args, { repo: { type: 'string' }, ref: { type: 'string' } });
    const { desired } = await loadDesired(values.repo, values.ref, io.cwd);
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.stdout.write(
      `Fleet ${desired.fleet.name} is valid: ${n(desired.servers.size, 'server')}, ${n(desired.platforms.size, 'platform')}, ` +
        `${n(desired.sites.size, 'site')}, ${n(desired.clients.size, 'client')}.\n`,
    );
    return EXIT_OK;
  },
};
