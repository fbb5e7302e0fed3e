import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{headCommit,readFilesAt,readFilesIn,resolveCommit,resolveFirstRef}from"./chunk-46JDA735.mjs";import"./chunk-Z5IO2GCB.mjs";import"./chunk-HI3POCXL.mjs";import"./chunk-VYVCF43U.mjs";import"./chunk-G5BJ6GPD.mjs";export{headCommit,readFilesAt,readFilesIn,resolveCommit,resolveFirstRef};
