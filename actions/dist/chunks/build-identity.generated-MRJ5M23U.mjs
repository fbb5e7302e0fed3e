import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import"./chunk-G5BJ6GPD.mjs";var BUILD_IDENTITY="tide 0.1.0; js-yaml 4.3.2; schemas bd20080e370752b6970e06900806daca00e31574c52d3a18c905a77838ed1dfd";export{BUILD_IDENTITY};
