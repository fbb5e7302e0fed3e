// Network git's failures as tide reports them: the last lines of git's
// stderr with credentials redacted, or that git gave no answer in time; and
// a git that hangs is killed rather than waited on.

import { describe, expect, it } from 'vitest';
import { redactor } from '../../src/redact.js';
import { gitFailure, runGit } from '../../src/repo/git-cli.js';

describe('runGit and gitFailure', () => {
  it('redacts a credential git prints in its error', () => {
    redactor.add('ghs_gitclitoken123456');
    const text = gitFailure({ stderr: "remote: denied\nfatal: unable to access 'https://x-access-token:ghs_gitclitoken123456@git.test/a.git/'\n", exitCode: 128 });
    expect(text).toContain('unable to access');
    expect(text).not.toContain('ghs_gitclitoken123456');
  });

  it('kills a git that hangs, and says so', async () => {
    // A git alias that sleeps stands in for a remote that never answers.
    const result = await runGit(process.cwd(), ['-c', 'alias.hang=!sleep 30', 'hang'], { timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(gitFailure(result, 300)).toBe('git gave no answer within 0.3 s');
  });
});
