import { readRecordedState } from '../state/reader.js';
import type { LastOperation } from '../state/types.js';
import { parseCommandArgs } from './args.js';
import { EXIT_OK, type Command } from './command.js';
import { loadDesired } from '../fleet/context.js';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show servers, platforms and sites as recorded, with their last operation',
  help: `Usage: tide status [--repo DIR] [--json]

Reads the state branch (no server is contacted) and lists every server,
platform and site tide manages, with the last operation on each and how it
ended. 'tide verify' checks them against the servers.

Options:
  --repo DIR   fleet repository (default: the current directory)
  --json       print the recorded state as JSON
`,
  async run(args, io) {
    const { values } = parseCommandArgs('status', args, { repo: { type: 'string' }, json: { type: 'boolean' } });
    const { repoDir, desired } = await loadDesired(values.repo, undefined, io.cwd);
    const state = await readRecordedState(repoDir, desired.fleet.state.branch);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({
        branch: state.branch, commit: state.commit,
        servers: [...state.servers.values()], platforms: [...state.platforms.values()], sites: [...state.sites.values()],
      }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (!state.commit) {
      io.stdout.write(`Nothing recorded yet: the state branch ${state.branch} does not exist. Run tide apply.\n`);
      return EXIT_OK;
    }
    const out: string[] = [`State branch ${state.branch} at ${state.commit.slice(0, 7)}`, ''];
    out.push(`Servers (${state.servers.size})`);
    for (const s of sortByName(state.servers.values())) {
      const services = [s.services.http.type, s.services.db.type].filter((t) => t !== 'none').join(', ') || 'no services';
      out.push(row(s.name, `${s.transport === 'ssh' ? `${s.user ?? 'root'}@${s.host}:${s.port}` : 'local'}, ${services}`, s.lastOperation));
    }
    out.push('', `Platforms (${state.platforms.size})`);
    for (const p of sortByName(state.platforms.values())) {
      out.push(row(p.name, `${p.driver} on ${Object.keys(p.deployments).sort().join(', ') || 'no server'}`, p.lastOperation));
    }
    out.push('', `Sites (${state.sites.size})`);
    for (const s of sortByName(state.sites.values())) {
      out.push(row(s.name, `${s.status}, ${s.platform} on ${s.server}${s.db ? `, db ${s.db.name}` : ''}`, s.lastOperation));
    }
    io.stdout.write(`${out.join('\n')}\n`);
    return EXIT_OK;
  },
};

function sortByName<T extends { name: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}

function row(name: string, what: string, last: LastOperation | undefined): string {
  const op = last ? `last: ${last.action} ${last.status} ${last.at.replace('T', ' ').slice(0, 16)}` : 'last: none';
  return `  ${name.padEnd(28)} ${what.padEnd(44)} ${op}`;
}
