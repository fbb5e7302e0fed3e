// Where tide keeps things on a server, all under the Server's root.

import type { Server } from '../model/kinds.js';

export function serverDirs(server: Server) {
  const root = server.root.replace(/\/+$/, '');
  return {
    root,
    platforms: `${root}/platforms`,
    sites: `${root}/sites`,
    backups: `${root}/backups`,
    config: `${root}/config`,
    /** Which fleet owns this root (server verify claims it, and refuses a root another fleet owns). */
    owner: `${root}/tide-fleet.json`,
    /** The "site disabled" page every disabled vhost serves. */
    disabled: `${root}/config/disabled`,
    /** The "down for maintenance" page a site serves while a migrate or restore holds its data still. */
    maintenance: `${root}/config/maintenance`,
  };
}

export const platformDir = (server: Server, platform: string): string => `${serverDirs(server).platforms}/${platform}`;
export const siteDir = (server: Server, site: string): string => `${serverDirs(server).sites}/${site}`;
export const siteBackupsDir = (server: Server, site: string): string => `${serverDirs(server).backups}/${site}`;
/** A backup archive; its id is the record id of the operation that took it. */
export const siteBackupPath = (server: Server, site: string, id: string): string => `${siteBackupsDir(server, site)}/${id}.tar.gz`;
/** Where a backup is put together (the database dump) before its archive is written. */
export const siteBackupStagingDir = (server: Server, site: string, id: string): string => `${siteBackupsDir(server, site)}/.${id}`;
/** A backup brought over from another server by operation `id`, removed once its data is loaded. */
export const fetchedBackupPath = (server: Server, site: string, id: string): string => `${siteBackupsDir(server, site)}/incoming-${id}.tar.gz`;
/** Where a migrate or restore prepares the site's new copy, beside its live directory (drupal's driver relies on that). */
export const siteStagingDir = (server: Server, site: string, action: 'migrate' | 'restore', id: string): string =>
  `${serverDirs(server).sites}/.${site}.${action}-${id}`;
/** Where the live directory waits between the switch to a new copy and its removal. */
export const sitePreviousDir = (server: Server, site: string, id: string): string => `${serverDirs(server).sites}/.${site}.previous-${id}`;
export const SETTINGS_FILE = 'settings.json';
/** Where a platform deploy prepares the new code, and where the old code waits until it is removed. */
export const platformStagingDir = (server: Server, platform: string, id: string): string => `${platformDir(server, platform)}.new-${id}`;
export const platformPreviousDir = (server: Server, platform: string, id: string): string => `${platformDir(server, platform)}.old-${id}`;
