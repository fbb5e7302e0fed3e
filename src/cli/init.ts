import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TideError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { EXIT_OK, type Command } from './command.js';

const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);
const DEFAULT_EXAMPLE = 'quickstart';
const AUTHOR = { name: 'tide', email: 'tide@localhost' };

export async function listExamples(): Promise<string[]> {
  const entries = await readdir(EXAMPLES_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a fleet repository from an example',
  help: `Usage: tide init DIR [--example NAME]

Writes an example fleet into DIR (which must not exist or be empty), makes it
a git repository and commits it, ready for 'tide plan'. The fleet gets an id
of its own (tide.yaml: id), which each server root it uses records as its
owner; a server on the local transport gets a root of its own too, so two
fleets made here never share one.

Options:
  --example NAME   which example to start from (default: ${DEFAULT_EXAMPLE});
                   'quickstart' runs on this machine with nothing else installed,
                   'multi-server' shows SSH servers, nginx/apache, MariaDB, clients
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('init', args, { example: { type: 'string' } }, 1);
    const [target] = positionals;
    if (!target) throw new TideError('USAGE', 'tide init: which directory? e.g. tide init my-fleet', { hint: "Run 'tide init --help' for usage." });
    const example = values.example ?? DEFAULT_EXAMPLE;
    const examples = await listExamples();
    if (!examples.includes(example)) {
      throw new TideError('UNKNOWN_EXAMPLE', `tide init: there is no example '${example}'.`, { hint: `Choose one of: ${examples.join(', ')}.` });
    }
    const dir = resolve(io.cwd, target);
    if ((await readdir(dir).catch(() => [])).length > 0) {
      throw new TideError('DIR_NOT_EMPTY', `tide init: ${dir} already exists and is not empty; nothing was written.`, {
        hint: 'Choose a new directory name.',
      });
    }
    await cp(new URL(example, EXAMPLES_DIR), dir, { recursive: true });
    const id = randomUUID();
    await giveFleetId(dir, id);
    const roots = await giveLocalRootsOfTheirOwn(dir, id);
    // Loaded here only: isomorphic-git takes ~150 ms to load, and plans never need it.
    const { default: git } = await import('isomorphic-git');
    await git.init({ fs, dir, defaultBranch: 'main' });
    await git.add({ fs, dir, filepath: '.' });
    const commit = await git.commit({ fs, dir, message: `Fleet from tide's ${example} example`, author: AUTHOR });
    io.stdout.write(
      `Created fleet repository ${dir} from the ${example} example (commit ${commit.slice(0, 7)}), fleet id ${id}.\n` +
        roots.map((r) => `Server ${r.server} keeps its files under ${r.root}.\n`).join('') +
        `Next: cd ${target} && tide plan\n`,
    );
    return EXIT_OK;
  },
};

/** Writes `id` into the example's tide.yaml, below its name (text edit: the comments stay). */
async function giveFleetId(dir: string, id: string): Promise<void> {
  const path = join(dir, 'tide.yaml');
  const text = await readFile(path, 'utf8');
  if (!/^name:.*$/m.test(text)) throw new TideError('EXAMPLE_INVALID', `The example's tide.yaml has no name line; this is a bug in tide.`);
  await writeFile(path, text.replace(/^name:.*$/m, (line) => `${line}\nid: ${id}    # this fleet's identity: server roots record it as their owner`));
}

/**
 * A server on the local transport is this machine: the example's root gets
 * the fleet id's first 8 digits appended, so fleets made here do not share it.
 */
async function giveLocalRootsOfTheirOwn(dir: string, id: string): Promise<{ server: string; root: string }[]> {
  const serversDir = join(dir, 'servers');
  const files = (await readdir(serversDir).catch(() => [] as string[])).filter((f) => f.endsWith('.yaml'));
  const roots: { server: string; root: string }[] = [];
  for (const file of files) {
    const path = join(serversDir, file);
    const text = await readFile(path, 'utf8');
    if (!/^transport: local\s*$/m.test(text)) continue;
    let root = '';
    await writeFile(path, text.replace(/^root: *(\S+?)\/*\s*$/m, (_line, value: string) => `root: ${(root = `${value}-${id.slice(0, 8)}`)}`));
    if (root) roots.push({ server: /^name: *(\S+)/m.exec(text)?.[1] ?? file, root });
  }
  return roots;
}
