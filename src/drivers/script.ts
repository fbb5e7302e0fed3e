// Any application with a command-line installer: the platform's `commands`
// are run in its directory with the site's facts (see facts.ts).

import { LONG_TIMEOUT_MS } from '../operations/shell.js';
import { factsEnv, renderCommand } from './facts.js';
import type { Driver } from './types.js';

export const scriptDriver: Driver = {
  name: 'script',
  usesDatabase: true,
  usesPhp: true,
  async install({ shell, platform, platformDir, facts }) {
    const template = platform.commands.install;
    if (!template) return;
    await shell.run('the install command', renderCommand(template, facts), {
      cwd: platformDir,
      env: factsEnv(facts),
      timeoutMs: LONG_TIMEOUT_MS,
    });
  },
};
