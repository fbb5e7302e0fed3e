import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{StatePushError,catchUpWithRemote,pushState}from"./chunk-IWBDYLHM.mjs";import"./chunk-OABPDU43.mjs";import"./chunk-EL3WEZWM.mjs";import"./chunk-GFC47RHK.mjs";import"./chunk-HI3POCXL.mjs";import"./chunk-VYVCF43U.mjs";import"./chunk-G5BJ6GPD.mjs";export{StatePushError,catchUpWithRemote,pushState};
