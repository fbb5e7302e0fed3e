// Records a generated fleet as fully applied: writes a `tide-state` branch
// holding one state file per server, platform and site, as tide would after a
// successful apply, so `tide plan` on the fleet has no changes.
//
//   import { writeAppliedState } from './state.mjs';
//   const info = await writeAppliedState('/tmp/fleet');   // after generateFleet
//
// The records come from the BUILT product code in dist/ (npm run build
// first), the way test/helpers/fleet.ts's appliedState() builds them: load
// the fleet from the work tree, plan it against an empty state to learn each
// site's server (its install operation's `server`), then record
//   state/servers/<name>.json    {formatVersion: 1, name, ...serverSpec(server)}
//   state/platforms/<name>.json  {formatVersion: 1, name, ...platformSpec(platform), deployments: {<server>: {}, ...}}
//   state/sites/<name>.json      {formatVersion: 1, name, ...siteSpec(site, server), generation: 1}   (not for status: deleted)
// as pretty JSON + '\n', in one orphan commit on refs/heads/<fleet state
// branch> made with git fast-import. Then (unless `repack: false`) the
// repository is repacked as `git gc` would pack it, because fast-import's own
// pack chains every state file onto the one before (delta chains up to 50
// deep), which no repository a daemon reads looks like and which costs an
// object reader that resolves each chain from its base without caching
// about twice the time. The work tree, the index and HEAD are not touched,
// so the fleet's main checkout stays clean. Deterministic: the same fleet
// gives the same state commit and the same pack.

import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commitFiles, repackLikeGc } from './git.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function importDist(distDir, rel) {
  const file = join(distDir, rel);
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist: build first (npm run build), or run npm run bench:plan, which does`);
  }
  return import(pathToFileURL(file).href);
}

const json = (record) => `${JSON.stringify(record, null, 2)}\n`;

/**
 * Writes the applied-state branch into the fleet repository `dir` (which must
 * have its fleet in the work tree and no state branch yet). Returns the
 * branch, how many records of each kind it wrote, and how long loading +
 * planning (`buildMs`), the commit (`gitMs`) and the repack (`repackMs`, 0
 * when `repack` is false) took.
 */
export async function writeAppliedState(dir, { distDir = join(ROOT, 'dist'), repack = true } = {}) {
  const started = performance.now();
  const [{ readFleetSource }, { loadFleet }, { plan }, { emptyRecordedState }, spec, layout] = await Promise.all(
    ['repo/fleet-source.js', 'model/loader.js', 'plan/planner.js', 'state/types.js', 'state/spec.js', 'state/layout.js'].map((rel) =>
      importDist(resolve(distDir), rel),
    ),
  );
  const { serverSpec, platformSpec, siteSpec } = spec;
  const { serverStatePath, platformStatePath, siteStatePath } = layout;

  // As the CLI loads it (src/fleet/context.ts): work tree, default name = directory name.
  const source = await readFleetSource(dir);
  const desired = loadFleet(source, { defaultName: basename(resolve(dir)) });
  const branch = desired.fleet.state.branch;

  const first = plan(desired, emptyRecordedState(branch));
  const placed = new Map(first.operations.filter((o) => o.target.kind === 'site').map((o) => [o.target.name, o.server]));

  const entries = [];
  for (const s of desired.servers.values()) {
    entries.push([serverStatePath(s.name), json({ formatVersion: 1, name: s.name, ...serverSpec(s) })]);
  }
  for (const p of desired.platforms.values()) {
    const record = {
      formatVersion: 1,
      name: p.name,
      ...platformSpec(p),
      deployments: Object.fromEntries(p.servers.map((server) => [server, {}])),
    };
    entries.push([platformStatePath(p.name), json(record)]);
  }
  let sites = 0;
  for (const site of desired.sites.values()) {
    if (site.status === 'deleted') continue;
    const server = placed.get(site.name);
    if (!server) throw new Error(`writeAppliedState: the plan against an empty state has no operation for site ${site.name}, so its server is unknown`);
    entries.push([siteStatePath(site.name), json({ formatVersion: 1, name: site.name, ...siteSpec(site, server), generation: 1 })]);
    sites++;
  }
  const built = performance.now();

  await commitFiles(dir, `refs/heads/${branch}`, entries, `state: ${sites} sites applied\n`);
  const committed = performance.now();
  if (repack) repackLikeGc(dir);
  const repacked = performance.now();

  return {
    branch,
    servers: desired.servers.size,
    platforms: desired.platforms.size,
    sites,
    files: entries.length,
    buildMs: built - started,
    gitMs: committed - built,
    repackMs: repacked - committed,
  };
}
