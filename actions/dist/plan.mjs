import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{runPlan,statusFor}from"./chunks/chunk-PDQZOML6.mjs";import"./chunks/chunk-PJNNYPHR.mjs";import{runAction}from"./chunks/chunk-3VGX6WIJ.mjs";import"./chunks/chunk-QCGYEUWD.mjs";import"./chunks/chunk-GFC47RHK.mjs";import"./chunks/chunk-G5BJ6GPD.mjs";await runAction("plan",async(context,io)=>{let result=await runPlan(context,io);return{failed:result.failed,reason:`tide/plan: ${statusFor(result.outcome).description}`}});
