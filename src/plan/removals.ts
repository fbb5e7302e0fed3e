// What a destructive operation removes for good (directories, databases and
// their users), for its plan line, and a blocker when the state branch names
// something tide would not have made. Names come from operations/targets.ts
// and paths.ts, the functions the operations themselves use, so the plan
// shows what apply will remove. (Vhost paths are left out: computing them
// would load the web server templates into every plan.)

import { TideError } from '../errors.js';
import type { DesiredState } from '../model/kinds.js';
import { platformDir, siteDir } from '../operations/paths.js';
import { checkRecordedSite, platformCodeDir } from '../operations/targets.js';
import type { RecordedPlatform, RecordedSite } from '../state/types.js';
import type { Blocker, Removal } from '../model/plan.js';

export interface Removals {
  removes: Removal[];
  blockers: Blocker[];
}

/**
 * A site's directory, database and user (as recorded, once checked), on the
 * server the record has it on. `directory`: false for a migrate that stays
 * on its server, where the directory keeps its path (the new copy takes it).
 */
export function siteRemovals(desired: DesiredState, site: RecordedSite, { directory = true } = {}): Removals {
  const out: Removals = { removes: [], blockers: [] };
  const server = desired.servers.get(site.server);
  if (!server) return out; // apply cannot reach it either; the operation fails with that reason
  if (directory) out.removes.push({ what: 'directory', server: server.name, name: siteDir(server, site.name) });
  const trusted = passes(out, () => checkRecordedSite(desired, site));
  if (trusted && site.db && server.services.db.type !== 'none') {
    out.removes.push({ what: 'database', server: server.name, name: site.db.name }, { what: 'database user', server: server.name, name: site.db.user });
  }
  return out;
}

/** A platform's code directory on one server. */
export function platformRemovals(desired: DesiredState, name: string, serverName: string, recorded: RecordedPlatform | undefined): Removals {
  const out: Removals = { removes: [], blockers: [] };
  const server = desired.servers.get(serverName);
  if (!server) return out;
  passes(out, () => platformCodeDir(server, name, recorded));
  out.removes.push({ what: 'directory', server: server.name, name: platformDir(server, name) });
  return out;
}

/** Runs a check; a refusal becomes a blocker (STATE_UNTRUSTED → state-untrusted). Returns whether it passed. */
function passes(out: Removals, check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (!(error instanceof TideError)) throw error;
    out.blockers.push({ code: error.code.toLowerCase().replace(/_/g, '-'), message: error.message });
    return false;
  }
}
