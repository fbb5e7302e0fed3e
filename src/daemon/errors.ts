// Errors of the daemon. Fetch problems are retryable (the loop backs off and
// tries again); a bad setting is not (the daemon does not start).

import { TideError } from '../errors.js';

/** The fleet repository cannot be cloned or fetched now (network, credentials, server down). */
export class FetchFailedError extends TideError {
  constructor(remote: string, detail: string) {
    super('FETCH_FAILED', `Cannot fetch the fleet repository ${remote}: ${detail}`, {
      retryable: true,
      hint: 'The daemon keeps retrying with backoff; check the URL, the network and TIDE_GIT_TOKEN.',
    });
  }
}

/** A daemon option or environment variable that cannot work; the daemon does not start. */
export class DaemonConfigError extends TideError {
  constructor(message: string, hint?: string) {
    super('DAEMON_CONFIG', message, { hint });
  }
}
