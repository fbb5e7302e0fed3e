import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import"./chunk-G5BJ6GPD.mjs";var BUILD_IDENTITY="tide 0.1.0; js-yaml 4.3.2; schemas c7a6effade4f57b5aa32a35ec4abfc70e723ff362d720b959555d7756403a611";export{BUILD_IDENTITY};
