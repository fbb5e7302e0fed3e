import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import"./chunk-G5BJ6GPD.mjs";var BUILD_IDENTITY="tide 0.1.0; js-yaml 4.3.2; schemas 8ad898e516c89d904ac03da3490adbaf0eaf558c78796f2e5183c8a890677d24";export{BUILD_IDENTITY};
