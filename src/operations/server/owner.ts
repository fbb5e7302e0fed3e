// Which fleet owns a server root. Two fleets in one root overwrite each
// other's platforms and sites (the directories are named after them), so
// server verify first claims the root for its fleet in ROOT/tide-fleet.json
// and refuses a root another fleet claimed. The fleet's `id` (tide.yaml, made
// by tide init) is what counts: every clone of one fleet repository shares
// it, and renaming the fleet keeps the claim.
//
// An unclaimed root is claimed, unless it already holds platforms or sites
// and this fleet never used it (no recorded server with this root): they were
// put there by a fleet from before roots were claimed, so tide refuses too.
// The claim is linked into place (ln fails if the file exists): of two fleets
// claiming at once, one wins and the other is refused.

import { randomUUID } from 'node:crypto';
import type { Fleet } from '../../model/kinds.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { shellQuote as q } from '../../transport/types.js';
import { serverDirs } from '../paths.js';
import type { OperationContext, Task } from '../types.js';

interface RootOwner {
  formatVersion: 1;
  fleet: { name: string; id: string };
  claimedAt: string;
}

export function claimRootTask(ctx: OperationContext): Task {
  const { server, shell, desired: { fleet } } = ctx;
  const { root, owner, platforms, sites } = serverDirs(server);
  let claimed = false;

  const refuseOther = (text: string): void => {
    const found = parseOwner(text);
    if (found?.fleet.id === fleet.id) return;
    if (!found) {
      throw new OperationPreconditionError(`${owner} on ${server.name} is not a tide owner record, so tide cannot tell which fleet owns ${root}; nothing was changed. ` +
        `Check what wrote it; if ${root} is this fleet's, remove ${owner} and apply again.`);
    }
    // The operation's message is what apply prints: it says what to do too.
    throw new OperationPreconditionError(
      `Server root ${root} on ${server.name} belongs to fleet ${found.fleet.name} (id ${found.fleet.id}), not to this fleet ${fleet.name} (id ${fleet.id}); nothing was changed. ` +
        `Give server ${server.name} a root of its own (two fleets in one root overwrite each other's platforms and sites), or, if fleet ${found.fleet.name} is gone for good, remove ${owner}.`);
  };

  return {
    name: `claim ${root} for fleet ${fleet.name}`,
    async run() {
      const id = requireFleetId(fleet, server.name, root);
      const existing = await shell.transport.readFile(owner);
      if (existing) return refuseOther(existing.toString('utf8'));
      if (ctx.recorded.servers.get(server.name)?.root !== server.root) {
        const listed = await shell.transport.exec(`for d in ${q(platforms)} ${q(sites)}; do [ -d "$d" ] && ls -A "$d"; done | head -n 3`);
        const names = listed.stdout.split('\n').filter(Boolean);
        if (names.length) {
          throw new OperationPreconditionError(
            `Server root ${root} on ${server.name} already holds platforms or sites (${names.join(', ')}) that this fleet never put there, and no fleet has claimed it; nothing was changed. ` +
              `Another fleet may use it: give server ${server.name} a root of its own; if they are this fleet's, claim the root by writing ${owner}: ${JSON.stringify(ownerRecord(fleet.name, id, new Date()))}`);
        }
      }
      const staged = `${owner}.${ctx.operationId}`;
      await shell.transport.writeFile(staged, `${JSON.stringify(ownerRecord(fleet.name, id, ctx.now()), null, 2)}\n`, 0o644);
      const linked = await shell.transport.exec(`ln ${q(staged)} ${q(owner)}; status=$?; rm -f ${q(staged)}; exit $status`);
      // Another fleet claimed it between our read and our link.
      if (linked.exitCode !== 0) return refuseOther((await shell.transport.readFile(owner))?.toString('utf8') ?? '');
      claimed = true;
      ctx.log.line(`claimed ${root} for fleet ${fleet.name} (id ${id}) in ${owner}`);
    },
    async undo() {
      if (claimed) await shell.run('removing the claim on the root', `rm -f ${q(owner)}`);
    },
  };
}

function requireFleetId(fleet: Fleet, server: string, root: string): string {
  if (fleet.id) return fleet.id;
  throw new OperationPreconditionError(
    `Fleet ${fleet.name} has no id, so tide cannot claim ${root} on ${server} for it (a root records the fleet that owns it); nothing was changed. ` +
      `Add the line 'id: ${randomUUID()}' to tide.yaml (the kind: Fleet document; create tide.yaml with kind: Fleet and name: if there is none) and commit it; ` +
      'every clone of this repository shares it, and no other fleet may use the same.');
}

function ownerRecord(name: string, id: string, at: Date): RootOwner {
  return { formatVersion: 1, fleet: { name, id }, claimedAt: at.toISOString() };
}

/** The owner record, or undefined when the text is not one (the file is on a server: anyone may have written it). */
function parseOwner(text: string): RootOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<RootOwner>;
    return typeof value?.fleet?.id === 'string' && typeof value.fleet.name === 'string' ? (value as RootOwner) : undefined;
  } catch {
    return undefined;
  }
}
