import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{operationFor}from"./chunk-7EHJH7T3.mjs";import"./chunk-RZ5V2MVE.mjs";import"./chunk-SVOQEHBC.mjs";import"./chunk-SCUPTWBC.mjs";import"./chunk-KH4VPWGY.mjs";import"./chunk-R5RCJLAR.mjs";import"./chunk-OABPDU43.mjs";import"./chunk-RIMKN2BZ.mjs";import"./chunk-TNPC4BH7.mjs";import"./chunk-G5BJ6GPD.mjs";export{operationFor};
