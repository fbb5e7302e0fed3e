import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{appliedSite}from"./chunk-YQJNAWP5.mjs";import{compact,fixPermissionsTask,listPackagesTask,readPasswordTask,writeSettingsTask,writeVhostTask}from"./chunk-ZAFZ57WY.mjs";import{recordedIsolation,recordedSite,shouldExist,siteResources,vhostModeFor}from"./chunk-RVZTIW3P.mjs";import{poolSwitchTasks}from"./chunk-6LIU5IMO.mjs";var verifySite=ctx=>{let site=shouldExist(ctx),before=recordedSite(ctx),r=siteResources(ctx,site.name,{...site,db:before.db}),password={value:null},status=before.status,packages,pool=poolSwitchTasks(ctx.shell,r,siteResources(ctx,site.name,before,{isolation:recordedIsolation(before)}));return{tasks:compact([pool.first,fixPermissionsTask(ctx.shell,r),readPasswordTask(ctx.shell,r,password),writeSettingsTask(ctx.shell,r,password),listPackagesTask(ctx.shell,r,password,found=>packages=found),writeVhostTask(ctx.shell,r,vhostModeFor(status)),pool.last]),updates:()=>[appliedSite(site,r,{status,packages:()=>packages})]}};export{verifySite};
