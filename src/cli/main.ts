// tide's command line: dispatch, help, and the one place errors are printed.

import { readFileSync } from 'node:fs';
import { FleetInvalidError, formatDiagnostic, TideError } from '../errors.js';
import { closest } from '../model/suggest.js';
import { terminalStream } from '../terminal.js';
import { EXIT_ERROR, EXIT_OK, type Command, type CommandIO } from './command.js';
import { initCommand } from './init.js';
import { planCommand } from './plan.js';
import { validateCommand } from './validate.js';
import { applyCommand } from './apply.js';
import { statusCommand } from './status.js';
import { unlockCommand } from './unlock.js';
import { keyscanCommand } from './keyscan.js';
import { verifyCommand } from './verify.js';
import { backupCommand, backupsCommand } from './backup.js';
import { restoreCommand } from './restore.js';
import { loginCommand } from './login.js';
import { daemonCommand } from './daemon.js';

const COMMANDS: Command[] = [
  initCommand, validateCommand, planCommand, applyCommand, statusCommand, verifyCommand,
  backupCommand, backupsCommand, restoreCommand, loginCommand, keyscanCommand, unlockCommand, daemonCommand,
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `tide ${version()}: keeps servers, platforms and sites in the state a git repository describes.

Usage: tide COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`).join('\n')}
  help COMMAND   Show help for a command

Run 'tide COMMAND --help' for a command's options.
`;
}

export async function main(argv: string[], raw: CommandIO): Promise<number> {
  // Every line tide prints may quote the state branch or a fleet file: control characters go out escaped.
  const io: CommandIO = { ...raw, stdout: terminalStream(raw.stdout), stderr: terminalStream(raw.stderr) };
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(mainHelp());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  if (name === 'help') {
    const topic = COMMANDS.find((c) => c.name === args[0]);
    io.stdout.write(topic ? topic.help : mainHelp());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const guess = closest(name, COMMANDS.map((c) => c.name));
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
