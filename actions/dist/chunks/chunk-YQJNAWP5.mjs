import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{siteSpec}from"./chunk-7VMXB5JT.mjs";function appliedSite(site,r,{status,packages}={}){return{kind:"site",name:site.name,update:current=>{let spec=siteSpec(site,r.server.name,r.platform.vars,r.isolation),{drift:_repaired,packages:recordedPackages,...kept}=current??{},found=packages?.(),inventory=found===void 0?recordedPackages:found??void 0;return{...kept,formatVersion:1,name:site.name,...spec,status:status??spec.status,db:r.db?{name:r.db.name,user:r.db.user}:void 0,...inventory?{packages:inventory}:{},generation:(current?.generation??0)+1}}}}function deletedSite(name,at){let last;return[{kind:"site",name,update:current=>(last=current,null)},{kind:"deletedSite",name,update:kept=>{if(!last)return kept??null;let backups=[...kept?.backups??[],...last.backups??[]].filter((b,i,all)=>all.findIndex(o=>o.id===b.id)===i);return{formatVersion:1,name,platform:last.platform,server:last.server,deletedAt:at().toISOString(),backups}}}]}export{appliedSite,deletedSite};
