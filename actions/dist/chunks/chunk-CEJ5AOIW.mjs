import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{driverContext}from"./chunk-ZAFZ57WY.mjs";import{checkCompatibility}from"./chunk-WXCRM6CW.mjs";import{IncompatiblePlatformError}from"./chunk-53P5CQYE.mjs";function compatibilityTask({ctx,from,fromShell,fromPassword,to}){return{name:`check that platform ${to.platform.name} can take the site's packages`,async run(){let site=await from.driver.sitePackages(driverContext(fromShell,from,fromPassword)),platform=await to.driver.platformPackages({shell:ctx.shell,platform:to.platform,platformDir:to.platformDir});if(!site||!platform){ctx.log.line(`the ${site?to.platform.driver:from.platform.driver} driver lists no packages here: nothing to compare`);return}let{blockers,warnings}=checkCompatibility(site,platform,to.platform.name);for(let warning of warnings)ctx.log.line(`warning: ${warning}`);if(blockers.length>0)throw new IncompatiblePlatformError(from.name,to.platform.name,blockers);ctx.log.line(`compatible: ${site.length} packages checked`)}}}export{compatibilityTask};
