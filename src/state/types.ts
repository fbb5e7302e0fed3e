// What tide recorded on the state branch: the spec it last applied to each
// object plus what it observed there. Layout (DESIGN.md):
//   state/servers/<name>.json  state/platforms/<name>.json  state/sites/<name>.json

import type { PlatformSpec, ServerSpec, SiteSpec } from './spec.js';

export const STATE_FORMAT_VERSION = 1;

/** The last operation tide ran on an object (its record is operations/YYYY-MM/<id>.json). */
export interface LastOperation {
  id: string;
  action: string;
  status: 'ok' | 'failed' | 'rolled-back' | 'interrupted';
  at: string;
}

type Recorded<Spec> = Spec & { formatVersion: number; name: string; lastOperation?: LastOperation };

/** A server as last applied: its spec plus the facts of its last verify. */
export type RecordedServer = Recorded<ServerSpec> & {
  reachable?: boolean;
  versions?: Record<string, string>;
  verifiedAt?: string;
};

export interface Package {
  name: string;
  type: string;
  version: string;
  schema?: number | null;
  enabled?: boolean;
}

/** A platform as last applied, with the servers it is deployed on. */
export type RecordedPlatform = Recorded<PlatformSpec> & {
  deployments: Record<string, { commit?: string; deployedAt?: string; digest?: string; path?: string }>;
  packages?: Package[];
  /** Differences the last `tide verify` found on the server. */
  drift?: string[];
};

export interface SiteBackup {
  id: string;
  path: string;
  /** The server the archive is on: where the site was when it was taken. */
  server?: string;
  at: string;
  size: number;
  sha256?: string;
}

/** A site as last applied, with what tide created for it. */
export type RecordedSite = Recorded<SiteSpec> & {
  db?: { name: string; user: string };
  packages?: Package[];
  backups?: SiteBackup[];
  /** Bumped by every operation that changes the site. */
  generation: number;
  /** Differences the last `tide verify` found on the server; the next plan verifies (repairs) the site. */
  drift?: string[];
};

/** What tide keeps of a deleted site: where it was, and its backups (state/deleted-sites/<name>.json). */
export interface DeletedSite {
  formatVersion: number;
  name: string;
  platform: string;
  server: string;
  deletedAt: string;
  backups: SiteBackup[];
  lastOperation?: LastOperation;
}

export interface RecordedState {
  /** Branch the state was read from (e.g. `tide-state` or `origin/tide-state`). */
  branch: string;
  /** Tip commit of the state branch, or null when it does not exist yet. */
  commit: string | null;
  servers: Map<string, RecordedServer>;
  platforms: Map<string, RecordedPlatform>;
  sites: Map<string, RecordedSite>;
  /** Deleted sites whose backups tide still lists and can restore. */
  deletedSites: Map<string, DeletedSite>;
}

export function emptyRecordedState(branch: string): RecordedState {
  return { branch, commit: null, servers: new Map(), platforms: new Map(), sites: new Map(), deletedSites: new Map() };
}
