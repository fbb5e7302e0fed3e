import { TideError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { EXIT_OK, type Command } from './command.js';

export const keyscanCommand: Command = {
  name: 'keyscan',
  summary: "Print a server's SSH host key, to pin as the Server's hostKey",
  help: `Usage: tide keyscan HOST[:PORT]

Connects to HOST (port 22 unless given), prints each host key it offers as a
line to put in the Server's hostKey, and its SHA256 fingerprint. tide never
trusts a key on first use: compare the fingerprint with the one the server
shows (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before pinning it.
`,
  async run(args, io) {
    const { positionals } = parseCommandArgs('keyscan', args, {}, 1);
    const [target] = positionals;
    if (!target) throw new TideError('USAGE', 'tide keyscan: which host? e.g. tide keyscan web1.example.net:22');
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(target);
    if (!match) throw new TideError('USAGE', `tide keyscan: '${target}' is not HOST or HOST:PORT.`);
    const host = match[1]!.replace(/^\[|\]$/g, '');
    const port = match[2] ? Number(match[2]) : 22;
    const { fingerprint, keyscan } = await import('../transport/keyscan.js');
    const keys = await keyscan(host, port, { timeoutMs: 10_000 });
    for (const line of keys) io.stdout.write(`${line}\n`);
    for (const line of keys) io.stderr.write(`# ${fingerprint(line)} ${line.split(' ')[0]} (${host}:${port})\n`);
    return EXIT_OK;
  },
};
