// Preloaded with `node --import <file URL of this file>`: appends the URL of
// every module the process loads through the ES module loader (tide's own
// modules and the ES module packages it imports) to $TIDE_RECORD_MODULES,
// one a line, so a test can check what a command did not need to load.
import { register } from 'node:module';

register('./record-modules-hooks.mjs', import.meta.url);
