import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{runPlan,statusFor}from"./chunks/chunk-RS6KB2W3.mjs";import"./chunks/chunk-IWBDYLHM.mjs";import{runAction}from"./chunks/chunk-PSYONVAF.mjs";import"./chunks/chunk-2DKRLM6G.mjs";import"./chunks/chunk-WXCRM6CW.mjs";import"./chunks/chunk-EQJ23DMU.mjs";import"./chunks/chunk-7VMXB5JT.mjs";import"./chunks/chunk-WH55Y2GF.mjs";import"./chunks/chunk-OABPDU43.mjs";import"./chunks/chunk-53P5CQYE.mjs";import"./chunks/chunk-KJO56WXJ.mjs";import"./chunks/chunk-R5RCJLAR.mjs";import"./chunks/chunk-EL3WEZWM.mjs";import"./chunks/chunk-GFC47RHK.mjs";import"./chunks/chunk-46JDA735.mjs";import"./chunks/chunk-Z5IO2GCB.mjs";import"./chunks/chunk-HI3POCXL.mjs";import"./chunks/chunk-VYVCF43U.mjs";import"./chunks/chunk-G5BJ6GPD.mjs";await runAction("plan",async(context,io)=>{let result=await runPlan(context,io);return{failed:result.failed,reason:`tide/plan: ${statusFor(result.outcome).description}`}});
