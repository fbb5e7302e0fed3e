// Plain files: the vhost serves the platform's docroot; no database, no installer.

import type { Driver } from './types.js';

export const staticDriver: Driver = {
  name: 'static',
  usesDatabase: false,
  usesPhp: false,
  async install() {},
};
