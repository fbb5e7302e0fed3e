// Writing, testing and reloading a vhost, the same for every HTTP service
// type: the Server's `check` and `reload` commands do the type-specific part.
// The rule: a config that fails its check is never reloaded, and the file is
// put back as it was before the check result is reported. The test and the
// reload are shared with the other vhost changes arriving on the server at
// the same time (reload-group.ts). When told which site and host a vhost
// serves, a change is only done once the web server answers with it
// (served.ts).

import type { HttpService } from '../../model/kinds.js';
import type { ExecOptions, Transport } from '../../transport/types.js';
import { commitVhostChange } from './reload-group.js';

export { HttpConfigTestError, HttpReloadError } from './errors.js';

export interface VhostTaskOptions {
  /** Output of check and reload as it arrives (the operation log). */
  onOutput?: ExecOptions['onOutput'];
  /** Per command; default 60 s. */
  timeoutMs?: number;
  /**
   * After the reload, wait until the web server answers with the change
   * (the new vhost's marker, or a removed one's no longer): served.ts.
   */
  waitServed?: boolean;
  /** The operation has no command of its own left: its slot is free while the change waits (reload-group.ts). */
  park?: boolean;
}

/**
 * Writes a vhost (reading what was there in the same round trip), tests the
 * config and reloads; returns what was there before (the undo's input).
 */
export async function installVhost(
  t: Transport, http: HttpService, path: string, content: string, options: VhostTaskOptions = {},
): Promise<{ previous: Buffer | null }> {
  return commitVhostChange(http, { ...options, view: t, path, content });
}

/** The undo of installVhost: puts back `previous` (or removes the file), tests and reloads. */
export async function restoreVhost(
  t: Transport, http: HttpService, path: string, previous: Buffer | null, options: VhostTaskOptions = {},
): Promise<void> {
  await commitVhostChange(http, { ...options, view: t, path, content: previous });
}

/**
 * Removes a vhost, tests and reloads; a removal that breaks the config is
 * put back. Returns what was there (null: there was no file, and nothing
 * was tested or reloaded).
 */
export async function removeVhost(t: Transport, http: HttpService, path: string, options: VhostTaskOptions = {}): Promise<{ previous: Buffer | null }> {
  return commitVhostChange(http, { ...options, view: t, path, content: null, ifPresent: true });
}
