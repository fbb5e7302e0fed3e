// The driver registry: the one place that maps a platform's `driver` to code.

import type { PlatformDriver } from '../model/kinds.js';
import { OperationPreconditionError } from '../shell/errors.js';
import { drupalDriver } from './drupal.js';
import { scriptDriver } from './script.js';
import { staticDriver } from './static.js';
import type { Driver } from './types.js';

const DRIVERS: Partial<Record<PlatformDriver, Driver>> = {
  drupal: drupalDriver,
  static: staticDriver,
  script: scriptDriver,
};

export function driverFor(name: PlatformDriver): Driver {
  const driver = DRIVERS[name];
  if (!driver) {
    throw new OperationPreconditionError(`The ${name} driver cannot run sites yet.`,
      `Use driver: script with the application's own command-line installer (see examples/), or driver: static.`);
  }
  return driver;
}
