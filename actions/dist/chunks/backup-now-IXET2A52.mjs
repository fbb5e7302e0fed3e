import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{siteBackupStep}from"./chunk-FHYJ5ED5.mjs";import{recordedSite,siteResources}from"./chunk-DEI4CIN2.mjs";import"./chunk-T2SKPKKU.mjs";import"./chunk-OABPDU43.mjs";import"./chunk-TNPC4BH7.mjs";import"./chunk-IZPHVMAQ.mjs";import"./chunk-MOQB2IRP.mjs";import"./chunk-MPYHFZQU.mjs";import"./chunk-7JWBVVDZ.mjs";import"./chunk-7VMXB5JT.mjs";import"./chunk-XWB6U5QA.mjs";import"./chunk-YWRB5MUR.mjs";import"./chunk-R5RCJLAR.mjs";import"./chunk-RIMKN2BZ.mjs";import"./chunk-G5BJ6GPD.mjs";var backupSite=ctx=>{let site=recordedSite(ctx),r=siteResources(ctx,site.name,site),backup=siteBackupStep(ctx.shell,r,site,ctx.operationId,ctx.now,ctx.peer);return{tasks:backup.tasks,details:()=>({backup:backup.taken()}),updates:backup.recorded,kept:backup.recorded}};export{backupSite};
