import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import{runPlan,statusFor}from"./chunks/chunk-AJTPA63K.mjs";import"./chunks/chunk-RTZJ7AYM.mjs";import{runAction}from"./chunks/chunk-YL3OUSDU.mjs";import"./chunks/chunk-R2KYOM4K.mjs";import"./chunks/chunk-WXCRM6CW.mjs";import"./chunks/chunk-2DKRLM6G.mjs";import"./chunks/chunk-T2SKPKKU.mjs";import"./chunks/chunk-OABPDU43.mjs";import"./chunks/chunk-GFC47RHK.mjs";import"./chunks/chunk-EQJ23DMU.mjs";import"./chunks/chunk-7VMXB5JT.mjs";import"./chunks/chunk-XWB6U5QA.mjs";import"./chunks/chunk-YWRB5MUR.mjs";import"./chunks/chunk-R5RCJLAR.mjs";import"./chunks/chunk-RIMKN2BZ.mjs";import"./chunks/chunk-G5BJ6GPD.mjs";await runAction("plan",async(context,io)=>{let result=await runPlan(context,io);return{failed:result.failed,reason:`tide/plan: ${statusFor(result.outcome).description}`}});
