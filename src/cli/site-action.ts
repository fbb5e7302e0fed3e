// The shared part of the commands that act on one site at once (backup,
// restore, login): run the operation under the lock, print how it went.

import type { ImmediateOptions } from '../apply/immediate.js';
import { TideError } from '../errors.js';
import { EXIT_ERROR, EXIT_OK, type CommandIO } from './command.js';

/** `progress`: where the progress lines go (login keeps stdout for the link alone). */
export async function runSiteAction(io: CommandIO, options: Omit<ImmediateOptions, 'cwd' | 'env' | 'onStart'>,
  progress: NodeJS.WritableStream = io.stdout): Promise<number> {
  // ssh2 and friends load only when a command touches servers.
  const [{ runImmediate }, { startLine, endLine }] = await Promise.all([import('../apply/immediate.js'), import('../apply/progress.js')]);
  const started = Date.now();
  const result = await runImmediate({
    ...options, cwd: io.cwd, env: io.env,
    onStart: (op) => progress.write(startLine(op)),
    onInterrupted: (records) => {
      progress.write(`Found ${records.length} operation(s) left unfinished by an earlier run (marked interrupted); recovering their targets first:\n`);
      for (const r of records) progress.write(`  ! ${r.action} ${r.target.kind} ${r.target.name} (${r.id})\n`);
    },
    onRecoveryEnd: (r) => progress.write(endLine(r)),
  });
  progress.write(endLine({ ...result, durationMs: Date.now() - started }));
  if (result.status !== 'ok' && result.message?.includes('\n')) progress.write(`${result.message}\n`);
  if (result.recordId) progress.write(`Recorded on ${result.branch} at ${result.stateCommit?.slice(0, 7)} [${result.recordId}].\n`);
  return result.status === 'ok' ? EXIT_OK : EXIT_ERROR;
}

/** The one SITE argument these commands take. */
export function siteArgument(command: string, positionals: string[]): string {
  const site = positionals[0];
  if (!site) throw new TideError('USAGE', `tide ${command}: which site? Give its name.`, { hint: `Run 'tide ${command} --help' for usage.` });
  return site;
}
