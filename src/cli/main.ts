// tide's command line: dispatch, help, and the one place errors are printed.

import { readFileSync } from 'node:fs';
import { FleetInvalidError, formatDiagnostic, TideError } from '../errors.js';
import { closest } from '../model/suggest.js';
import { terminalStream } from '../terminal.js';
import { EXIT_ERROR, EXIT_OK, type Command, type CommandIO } from './command.js';
/**
 * Every command, in the order help lists them, loaded only when it runs (or
 * for help): a plan should not pay for loading what apply or the daemon need.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./init.js')).initCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  plan: async () => (await import('./plan.js')).planCommand,
  apply: async () => (await import('./apply.js')).applyCommand,
  status: async () => (await import('./status.js')).statusCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  backup: async () => (await import('./backup.js')).backupCommand,
  backups: async () => (await import('./backup.js')).backupsCommand,
  restore: async () => (await import('./restore.js')).restoreCommand,
  login: async () => (await import('./login.js')).loginCommand,
  keyscan: async () => (await import('./keyscan.js')).keyscanCommand,
  unlock: async () => (await import('./unlock.js')).unlockCommand,
  daemon: async () => (await import('./daemon.js')).daemonCommand,
};
const NAMES = Object.keys(COMMANDS);

function findCommand(name: string | undefined): Promise<Command> | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name]!() : undefined;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(NAMES.map((name) => COMMANDS[name]!()));
  const width = Math.max(...NAMES.map((name) => name.length));
  return `tide ${version()}: keeps servers, platforms and sites in the state a git repository describes.

Usage: tide COMMAND [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`).join('\n')}
  help COMMAND   Show help for a command

Run 'tide COMMAND --help' for a command's options.
`;
}

export async function main(argv: string[], raw: CommandIO): Promise<number> {
  // Every line tide prints may quote the state branch or a fleet file: control characters go out escaped.
  const io: CommandIO = { ...raw, stdout: terminalStream(raw.stdout), stderr: terminalStream(raw.stderr) };
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(await mainHelp());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  if (name === 'help') {
    const topic = await findCommand(args[0]);
    io.stdout.write(topic ? topic.help : await mainHelp());
    return EXIT_OK;
  }
  const command = await findCommand(name);
  if (!command) {
    const guess = closest(name, NAMES);
    io.stderr.write(`tide: unknown command '${name}'.${guess ? ` Did you mean 'tide ${guess}'?` : ''}\nRun 'tide --help' for the list of commands.\n`);
    return EXIT_ERROR;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    reportError(error, io);
    return EXIT_ERROR;
  }
}

function reportError(error: unknown, io: CommandIO): void {
  if (error instanceof FleetInvalidError) {
    for (const d of error.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  }
  if (error instanceof TideError) {
    io.stderr.write(`tide: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  ${error.hint}\n`);
    if (io.env.TIDE_DEBUG && error.cause) io.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return;
  }
  const e = error as Error;
  io.stderr.write(`tide: unexpected error: ${e?.message ?? String(error)}\n`);
  io.stderr.write(io.env.TIDE_DEBUG ? `${e?.stack}\n` : '  This is a bug in tide; run again with TIDE_DEBUG=1 for the stack trace and report it.\n');
}
