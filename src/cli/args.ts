// Argument parsing on node:util's parseArgs, with errors that say what to do.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TideError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O, maxPositionals = 0) {
  try {
    const parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
    if (parsed.positionals.length > maxPositionals) {
      throw new TideError('USAGE', `tide ${command}: unexpected argument '${parsed.positionals[maxPositionals]}'.`, {
        hint: `Run 'tide ${command} --help' for usage.`,
      });
    }
    return parsed;
  } catch (error) {
    if (error instanceof TideError) throw error;
    throw new TideError('USAGE', `tide ${command}: ${(error as Error).message}`, { hint: `Run 'tide ${command} --help' for usage.` });
  }
}
