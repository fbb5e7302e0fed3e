import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{platformCodeDir,removeUnderRoot}from"./chunk-WH55Y2GF.mjs";import"./chunk-OABPDU43.mjs";import"./chunk-53P5CQYE.mjs";import{OperationPreconditionError}from"./chunk-KJO56WXJ.mjs";import"./chunk-R5RCJLAR.mjs";import"./chunk-EL3WEZWM.mjs";import"./chunk-VYVCF43U.mjs";import"./chunk-G5BJ6GPD.mjs";var deletePlatform=ctx=>{let name=ctx.op.target.name,server=ctx.server.name,users=[...ctx.recorded.sites.values()].filter(s=>s.platform===name&&s.server===server).map(s=>s.name);if(users.length>0)throw new OperationPreconditionError(`Platform ${name} still has sites on ${server}: ${users.join(", ")}.`,"Move or delete them first.");let dir=platformCodeDir(ctx.server,name,ctx.recorded.platforms.get(name));return{tasks:[{name:`remove ${dir}`,run:()=>removeUnderRoot(ctx.shell,ctx.server,dir,"removing the platform code")}],updates:()=>[{kind:"platform",name,update:current=>{if(!current)return null;let{[server]:_gone,...rest}=current.deployments;return Object.keys(rest).length===0?null:{...current,deployments:rest}}}]}};export{deletePlatform};
