// The part of each desired object that tide records once applied, and compares
// on the next plan. One projection per kind, shared by plan (to diff) and
// apply (to write), so the two can never disagree about what "changed" means.
// Credential references (identity, adminPassword) are not recorded.

import type { PhpIsolation, Platform, Server, Site } from '../model/kinds.js';

export function serverSpec(server: Server) {
  const { adminPassword: _secretRef, ...db } = server.services.db;
  const { http } = server.services;
  const ssh = server.transport === 'ssh';
  return {
    transport: server.transport,
    host: ssh ? server.host : undefined,
    port: ssh ? server.port : undefined,
    user: server.user,
    hostKey: ssh ? server.hostKey : undefined,
    root: server.root,
    webGroup: server.webGroup,
    // A service of type none has no settings worth recording or comparing.
    services: {
      http: http.type === 'none' ? { type: http.type } : { ...http },
      db: db.type === 'none' ? { type: db.type } : db,
    },
  };
}

/** `sourceTree`: the code's git tree id, for platforms kept in the fleet repository. */
export function platformSpec(platform: Platform, sourceTree?: string) {
  return {
    driver: platform.driver,
    source: platform.source,
    build: platform.build,
    docroot: platform.docroot,
    commands: platform.commands,
    // The code's identity (git tree id of source.path): its change alone is a new deploy.
    ...(sourceTree ? { sourceTree } : {}),
  };
}

/** Fields whose change means different code on disk, hence a redeploy. */
export type ServerSpec = ReturnType<typeof serverSpec>;
export type PlatformSpec = ReturnType<typeof platformSpec>;

export const PLATFORM_CODE_FIELDS = ['driver', 'source', 'sourceTree', 'build', 'docroot'] as const;

/** A site's vars over its platform's defaults; undefined when there are none (so older records compare equal). */
export function effectiveVars(platformVars: Record<string, string> | undefined, siteVars: Record<string, string> | undefined) {
  const vars = { ...platformVars, ...siteVars };
  return Object.keys(vars).length > 0 ? vars : undefined;
}

/** How PHP runs a platform's sites on a server: the Platform's php.isolation over the Server's. */
export function phpIsolation(server: Pick<Server, 'php'> | undefined, platform: Pick<Platform, 'php'> | undefined): PhpIsolation {
  return platform?.php?.isolation ?? server?.php.isolation ?? 'shared';
}

/**
 * `platformVars`: the vars of the site's platform, recorded merged so a change of a default rewrites the site's settings.
 * `isolation`: phpIsolation() of its server and platform; recorded only when per-site, so older records compare equal.
 */
export function siteSpec(site: Site, server: string, platformVars?: Record<string, string>, isolation: PhpIsolation = 'shared') {
  return {
    platform: site.platform,
    server,
    url: site.url,
    aliases: site.aliases,
    redirectAliases: site.redirectAliases,
    https: site.https,
    status: site.status === 'disabled' ? ('disabled' as const) : ('enabled' as const),
    client: site.client,
    profile: site.profile,
    cron: site.cron,
    backupPolicy: site.backups,
    vars: effectiveVars(platformVars, site.vars),
    ...(isolation === 'per-site' ? { phpIsolation: 'per-site' as const } : {}),
  };
}

export type SiteSpec = ReturnType<typeof siteSpec>;

/** How a recorded field is named in the fleet files, for plan output. */
export const SITE_FIELD_LABELS: Partial<Record<keyof SiteSpec, string>> = { backupPolicy: 'backups', phpIsolation: 'php.isolation' };
