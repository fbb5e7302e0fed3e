// Errors of the GitHub layer. A 403 names the permission the workflow's
// token lacks, in the words of the workflow's `permissions:` block, so the
// fix is one line of YAML rather than a search through GitHub's docs.

import { TideError } from '../errors.js';

/** GitHub answered with an error tide cannot work around. */
export class GitHubError extends TideError {
  readonly status: number | undefined;

  constructor(code: string, message: string, options: { status?: number; hint?: string; retryable?: boolean; cause?: unknown } = {}) {
    super(code, message, options);
    this.status = options.status;
  }
}

/** The token may not do this: `permission` is what the job's `permissions:` block must grant (e.g. `pull-requests: write`). */
export class GitHubPermissionError extends GitHubError {
  readonly permission: string;

  constructor(what: string, permission: string, cause?: unknown) {
    super('GITHUB_PERMISSION', `GitHub refused to ${what} (403): the token needs \`${permission}\`.`, {
      status: 403,
      hint:
        `Add \`${permission}\` to the job's \`permissions:\` block (or grant it to the token). ` +
        'A pull request from a fork always gets a read-only token: use the comment relay workflow (examples/github/workflows).',
      cause,
    });
    this.permission = permission;
  }
}

/** Rate limited, and still after the retries the client allows itself. */
export class GitHubRateLimitError extends GitHubError {
  constructor(what: string, status: number, cause?: unknown) {
    super('GITHUB_RATE_LIMITED', `GitHub rate-limited the request to ${what} (${status}) and retries did not get through.`, {
      status,
      hint: 'Run the job again later; GitHub resets the limit within the hour (secondary limits within minutes).',
      retryable: true,
      cause,
    });
  }
}

/** Something from an event, an artifact or the API that tide refuses to act on. */
export class GitHubInputError extends TideError {
  constructor(message: string, hint?: string) {
    super('GITHUB_INPUT_REFUSED', message, hint === undefined ? {} : { hint });
  }
}
