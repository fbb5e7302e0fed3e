// Reading a one-time login link from a command's output. The link holds a
// token: it is returned, never logged or quoted in an error.

import { LoginLinkInvalidError } from './errors.js';

/** The last non-empty line, when it is an http(s) URL: login commands may print notices first. */
export function lastLineLink(stdout: string): string | null {
  const lines = stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const last = lines.at(-1);
  return last !== undefined && /^https?:\/\/\S+$/i.test(last) ? last : null;
}

/** The link, or a LoginLinkInvalidError that names the command but not the output. */
export function requireLoginLink(stdout: string, server: string, command: string): string {
  const link = lastLineLink(stdout);
  if (!link) throw new LoginLinkInvalidError(server, command);
  return link;
}
