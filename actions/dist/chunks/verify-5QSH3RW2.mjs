import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{verifySite}from"./chunk-ZWUPDXBW.mjs";import"./chunk-YQJNAWP5.mjs";import"./chunk-EZ75JVKB.mjs";import"./chunk-DEI4CIN2.mjs";import"./chunk-X7VU6O56.mjs";import"./chunk-HZCZR4NR.mjs";import"./chunk-T2SKPKKU.mjs";import"./chunk-OABPDU43.mjs";import"./chunk-TNPC4BH7.mjs";import"./chunk-L33LJDCN.mjs";import"./chunk-IZPHVMAQ.mjs";import"./chunk-R2ZSPBIB.mjs";import"./chunk-MOQB2IRP.mjs";import"./chunk-MPYHFZQU.mjs";import"./chunk-7JWBVVDZ.mjs";import"./chunk-EQJ23DMU.mjs";import"./chunk-7VMXB5JT.mjs";import"./chunk-XWB6U5QA.mjs";import"./chunk-YWRB5MUR.mjs";import"./chunk-R5RCJLAR.mjs";import"./chunk-RIMKN2BZ.mjs";import"./chunk-G5BJ6GPD.mjs";export{verifySite};
