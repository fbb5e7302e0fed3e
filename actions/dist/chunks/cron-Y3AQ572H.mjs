import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{compact,driverContext,installedSite}from"./chunk-ZAFZ57WY.mjs";import"./chunk-YITJMLJC.mjs";import"./chunk-RVZTIW3P.mjs";import"./chunk-TNPC4BH7.mjs";import"./chunk-L33LJDCN.mjs";import"./chunk-R2ZSPBIB.mjs";import"./chunk-6LIU5IMO.mjs";import"./chunk-UPXEKLK5.mjs";import"./chunk-EXABVVIO.mjs";import"./chunk-KSKUCZPR.mjs";import"./chunk-5MTX56UE.mjs";import"./chunk-7VMXB5JT.mjs";import"./chunk-WH55Y2GF.mjs";import"./chunk-OABPDU43.mjs";import"./chunk-53P5CQYE.mjs";import"./chunk-KJO56WXJ.mjs";import"./chunk-R5RCJLAR.mjs";import"./chunk-EL3WEZWM.mjs";import"./chunk-VYVCF43U.mjs";import"./chunk-G5BJ6GPD.mjs";var cronSite=ctx=>{let{r,password,readPassword}=installedSite(ctx);return{tasks:compact([readPassword,{name:`run the ${r.platform.driver} cron`,run:()=>r.driver.cron(driverContext(ctx.shell,r,password))}]),updates:()=>[]}};export{cronSite};
