import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import {
  __commonJS
} from "./chunk-HYMO7CDY.mjs";

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// dist/model/validators.generated.js
var BUILD_IDENTITY = "tide 0.1.0; js-yaml 4.3.2; schemas c7a6effade4f57b5aa32a35ec4abfc70e723ff362d720b959555d7756403a611";
var client_schema_json = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/client.schema.json", "title": "tide Client", "description": "Who owns sites (Aegir's client), with an optional quota. Sites name their owner in their client field.", "type": "object", "additionalProperties": false, "required": ["kind", "name"], "properties": { "kind": { "type": "string", "const": "Client", "description": "Marks this document as a client." }, "name": { "$ref": "defs.schema.json#/definitions/slug", "description": "The client's name, which sites refer to in their client field." }, "quota": { "type": "object", "additionalProperties": false, "description": "Limits on what the client may own; validate and plan reject a fleet that exceeds them. Default: no limits.", "properties": { "sites": { "type": "integer", "minimum": 0, "description": "Most sites the client may own. Default: no limit." } } } } };
var schema13 = { "type": "string", "pattern": "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", "description": "a lower-case name of up to 64 letters, digits, '.', '_' or '-' that starts and ends with a letter or digit (it becomes a path and a shell argument)" };
var pattern0 = new RegExp("^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "name" || key0 === "quota")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err3 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.kind.type, parentSchema: schema11.properties.kind, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if ("Client" !== data0) {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Client" }, message: "must be equal to constant", schema: "Client", parentSchema: schema11.properties.kind, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err5 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.quota !== void 0) {
      let data2 = data.quota;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        for (const key1 in data2) {
          if (!(key1 === "sites")) {
            const err7 = { instancePath: instancePath + "/quota", schemaPath: "#/properties/quota/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.quota, data: data2 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data2.sites !== void 0) {
          let data3 = data2.sites;
          if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
            const err8 = { instancePath: instancePath + "/quota/sites", schemaPath: "#/properties/quota/properties/sites/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.quota.properties.sites.type, parentSchema: schema11.properties.quota.properties.sites, data: data3 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
          if (typeof data3 == "number" && isFinite(data3)) {
            if (data3 < 0 || isNaN(data3)) {
              const err9 = { instancePath: instancePath + "/quota/sites", schemaPath: "#/properties/quota/properties/sites/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.quota.properties.sites, data: data3 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/quota", schemaPath: "#/properties/quota/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.quota.type, parentSchema: schema11.properties.quota, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
  } else {
    const err11 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var defs_schema_json = validate11;
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  validate11.errors = null;
  return true;
}
var fleet_file_schema_json = validate12;
var schema14 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/fleet-file.schema.json", "title": "tide fleet file", "description": "Any document of a tide fleet repository, checked against the schema of its kind. Point editors at it with a first line of `# yaml-language-server: $schema=https://tide.dev/schemas/v1/fleet-file.schema.json`.", "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string", "enum": ["Fleet", "Server", "Platform", "Site", "Client"], "description": "What the document describes: Fleet (repository-wide settings), Server, Platform, Site or Client." } }, "allOf": [{ "if": { "properties": { "kind": { "const": "Fleet" } }, "required": ["kind"] }, "then": { "$ref": "fleet.schema.json" } }, { "if": { "properties": { "kind": { "const": "Server" } }, "required": ["kind"] }, "then": { "$ref": "server.schema.json" } }, { "if": { "properties": { "kind": { "const": "Platform" } }, "required": ["kind"] }, "then": { "$ref": "platform.schema.json" } }, { "if": { "properties": { "kind": { "const": "Site" } }, "required": ["kind"] }, "then": { "$ref": "site.schema.json" } }, { "if": { "properties": { "kind": { "const": "Client" } }, "required": ["kind"] }, "then": { "$ref": "client.schema.json" } }] };
var schema15 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/fleet.schema.json", "title": "tide Fleet", "description": "Repository-wide settings, kept in tide.yaml at the fleet repository root. The document is optional; every field except kind and name has a default.", "type": "object", "additionalProperties": false, "required": ["kind", "name"], "properties": { "kind": { "type": "string", "const": "Fleet", "description": "Marks this document as the fleet's settings." }, "name": { "$ref": "defs.schema.json#/definitions/slug", "description": "Name of the fleet, shown in plans, commit messages and pull-request comments." }, "id": { "$ref": "defs.schema.json#/definitions/fleetId", "description": "This fleet's identity, made by tide init (a random UUID) and shared by every clone of the repository. Each server root records the fleet that owns it, and server verify refuses a root another fleet owns. A fleet without one cannot claim server roots: add `id: <a new UUID>` (for example from `uuidgen`) and commit it." }, "state": { "type": "object", "additionalProperties": false, "description": "Where tide records what it has done. Default: { branch: tide-state }.", "default": { "branch": "tide-state" }, "properties": { "branch": { "$ref": "defs.schema.json#/definitions/gitBranch", "default": "tide-state", "description": "Branch of this repository that holds recorded state, operation records and logs; tide writes it without a checkout. Default: tide-state." } } }, "prune": { "type": "boolean", "default": false, "description": "true: a site whose file is removed from the repository is deleted (after a backup); false: it is reported as an orphan and left alone. Default: false." }, "autoApply": { "type": "boolean", "default": false, "description": "true: tide daemon applies each new commit of the tracked branch on its own (and pushes the state branch); false: it plans and shows the pending plan, and someone applies it. tide daemon --auto-apply turns it on whatever this says. Default: false." }, "concurrency": { "type": "object", "additionalProperties": false, "description": "How many operations apply runs at once. Default: { total: 8, perServer: 2 }.", "default": { "total": 8, "perServer": 2 }, "properties": { "total": { "type": "integer", "minimum": 1, "default": 8, "description": "Most operations running at once across the whole fleet. Default: 8." }, "perServer": { "type": "integer", "minimum": 1, "default": 2, "description": "Most operations running at once on any one server. Default: 2." } } }, "verify": { "type": "object", "additionalProperties": false, "required": ["every"], "description": "Periodic verification by tide daemon: every server, platform deployment and site is checked against the servers (as tide verify does) and drift is recorded on the state branch. Each server is checked at its own moment within the interval, so a large fleet is not checked all at once. Default: no periodic verify.", "properties": { "every": { "$ref": "defs.schema.json#/definitions/duration", "description": "Interval between verifications of each server and its sites, such as 1h or 1d." } } }, "selfHeal": { "type": "boolean", "default": false, "description": "true: drift found by the daemon's periodic verify is repaired at once through a plan and apply (the same as a push would do); false: it is only recorded and shown (the next apply repairs it). Default: false." }, "ignore": { "type": "array", "default": [], "maxItems": 100, "description": "Glob patterns, relative to the repository root, of paths the loader skips when it reads *.yaml files (for example platforms/** when platform code kept in the repository has YAML files of its own). `*`, `?` and `[abc]` match within a name, `**` any number of directories; a pattern without a slash matches a name at any depth, and a matched directory is skipped with everything in it. At most 100 patterns. Default: [].", "items": { "type": "string", "minLength": 1, "maxLength": 1024, "description": "A glob pattern such as platforms/** or drafts/*.yaml." } }, "maxFileSize": { "type": "integer", "minimum": 1024, "maximum": 16777216, "default": 1048576, "description": "Largest fleet file, in bytes, that tide reads; a larger *.yaml file is refused with its name (split it, or list it in ignore). tide.yaml itself is held to the default. Default: 1048576 (1 MiB); at most 16777216 (16 MiB)." } } };
var schema17 = { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$", "description": "an id of 8 to 64 letters, digits, '.', '_' or '-' that starts with a letter or digit, such as a UUID" };
var schema18 = { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]*$", "description": "a git branch name such as tide-state (letters, digits, '.', '_', '/' or '-', starting with a letter or digit)" };
var schema19 = { "type": "string", "pattern": "^[1-9][0-9]*[mhdw]$", "description": "a duration such as 30m, 1h, 1d or 2w (a whole number followed by m for minutes, h for hours, d for days or w for weeks)" };
var func2 = Object.prototype.hasOwnProperty;
var func3 = require_ucs2length().default;
var pattern2 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$", "u");
var pattern3 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._/-]*$", "u");
var pattern4 = new RegExp("^[1-9][0-9]*[mhdw]$", "u");
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema15.required, parentSchema: schema15, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema15.required, parentSchema: schema15, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema15.properties, key0)) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err3 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.kind.type, parentSchema: schema15.properties.kind, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if ("Fleet" !== data0) {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Fleet" }, message: "must be equal to constant", schema: "Fleet", parentSchema: schema15.properties.kind, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err5 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data2 = data.id;
      if (typeof data2 === "string") {
        if (!pattern2.test(data2)) {
          const err7 = { instancePath: instancePath + "/id", schemaPath: "defs.schema.json#/definitions/fleetId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$", parentSchema: schema17, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/id", schemaPath: "defs.schema.json#/definitions/fleetId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.type, parentSchema: schema17, data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.state !== void 0) {
      let data3 = data.state;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          if (!(key1 === "branch")) {
            const err9 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15.properties.state, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data3.branch !== void 0) {
          let data4 = data3.branch;
          if (typeof data4 === "string") {
            if (!pattern3.test(data4)) {
              const err10 = { instancePath: instancePath + "/state/branch", schemaPath: "defs.schema.json#/definitions/gitBranch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._/-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._/-]*$"', schema: "^[A-Za-z0-9][A-Za-z0-9._/-]*$", parentSchema: schema18, data: data4 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/state/branch", schemaPath: "defs.schema.json#/definitions/gitBranch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.type, parentSchema: schema18, data: data4 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.properties.state.type, parentSchema: schema15.properties.state, data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.prune !== void 0) {
      let data5 = data.prune;
      if (typeof data5 !== "boolean") {
        const err13 = { instancePath: instancePath + "/prune", schemaPath: "#/properties/prune/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema15.properties.prune.type, parentSchema: schema15.properties.prune, data: data5 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.autoApply !== void 0) {
      let data6 = data.autoApply;
      if (typeof data6 !== "boolean") {
        const err14 = { instancePath: instancePath + "/autoApply", schemaPath: "#/properties/autoApply/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema15.properties.autoApply.type, parentSchema: schema15.properties.autoApply, data: data6 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.concurrency !== void 0) {
      let data7 = data.concurrency;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        for (const key2 in data7) {
          if (!(key2 === "total" || key2 === "perServer")) {
            const err15 = { instancePath: instancePath + "/concurrency", schemaPath: "#/properties/concurrency/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15.properties.concurrency, data: data7 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data7.total !== void 0) {
          let data8 = data7.total;
          if (!(typeof data8 == "number" && (!(data8 % 1) && !isNaN(data8)) && isFinite(data8))) {
            const err16 = { instancePath: instancePath + "/concurrency/total", schemaPath: "#/properties/concurrency/properties/total/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.properties.concurrency.properties.total.type, parentSchema: schema15.properties.concurrency.properties.total, data: data8 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
          if (typeof data8 == "number" && isFinite(data8)) {
            if (data8 < 1 || isNaN(data8)) {
              const err17 = { instancePath: instancePath + "/concurrency/total", schemaPath: "#/properties/concurrency/properties/total/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.properties.concurrency.properties.total, data: data8 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          }
        }
        if (data7.perServer !== void 0) {
          let data9 = data7.perServer;
          if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
            const err18 = { instancePath: instancePath + "/concurrency/perServer", schemaPath: "#/properties/concurrency/properties/perServer/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.properties.concurrency.properties.perServer.type, parentSchema: schema15.properties.concurrency.properties.perServer, data: data9 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
          if (typeof data9 == "number" && isFinite(data9)) {
            if (data9 < 1 || isNaN(data9)) {
              const err19 = { instancePath: instancePath + "/concurrency/perServer", schemaPath: "#/properties/concurrency/properties/perServer/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.properties.concurrency.properties.perServer, data: data9 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/concurrency", schemaPath: "#/properties/concurrency/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.properties.concurrency.type, parentSchema: schema15.properties.concurrency, data: data7 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.verify !== void 0) {
      let data10 = data.verify;
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        if (data10.every === void 0) {
          const err21 = { instancePath: instancePath + "/verify", schemaPath: "#/properties/verify/required", keyword: "required", params: { missingProperty: "every" }, message: "must have required property 'every'", schema: schema15.properties.verify.required, parentSchema: schema15.properties.verify, data: data10 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        for (const key3 in data10) {
          if (!(key3 === "every")) {
            const err22 = { instancePath: instancePath + "/verify", schemaPath: "#/properties/verify/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15.properties.verify, data: data10 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data10.every !== void 0) {
          let data11 = data10.every;
          if (typeof data11 === "string") {
            if (!pattern4.test(data11)) {
              const err23 = { instancePath: instancePath + "/verify/every", schemaPath: "defs.schema.json#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]*[mhdw]$" }, message: 'must match pattern "^[1-9][0-9]*[mhdw]$"', schema: "^[1-9][0-9]*[mhdw]$", parentSchema: schema19, data: data11 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/verify/every", schemaPath: "defs.schema.json#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.type, parentSchema: schema19, data: data11 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
      } else {
        const err25 = { instancePath: instancePath + "/verify", schemaPath: "#/properties/verify/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.properties.verify.type, parentSchema: schema15.properties.verify, data: data10 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.selfHeal !== void 0) {
      let data12 = data.selfHeal;
      if (typeof data12 !== "boolean") {
        const err26 = { instancePath: instancePath + "/selfHeal", schemaPath: "#/properties/selfHeal/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema15.properties.selfHeal.type, parentSchema: schema15.properties.selfHeal, data: data12 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.ignore !== void 0) {
      let data13 = data.ignore;
      if (Array.isArray(data13)) {
        if (data13.length > 100) {
          const err27 = { instancePath: instancePath + "/ignore", schemaPath: "#/properties/ignore/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema15.properties.ignore, data: data13 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        const len0 = data13.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data14 = data13[i0];
          if (typeof data14 === "string") {
            if (func3(data14) > 1024) {
              const err28 = { instancePath: instancePath + "/ignore/" + i0, schemaPath: "#/properties/ignore/items/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters", schema: 1024, parentSchema: schema15.properties.ignore.items, data: data14 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
            if (func3(data14) < 1) {
              const err29 = { instancePath: instancePath + "/ignore/" + i0, schemaPath: "#/properties/ignore/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema15.properties.ignore.items, data: data14 };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          } else {
            const err30 = { instancePath: instancePath + "/ignore/" + i0, schemaPath: "#/properties/ignore/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.ignore.items.type, parentSchema: schema15.properties.ignore.items, data: data14 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
      } else {
        const err31 = { instancePath: instancePath + "/ignore", schemaPath: "#/properties/ignore/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema15.properties.ignore.type, parentSchema: schema15.properties.ignore, data: data13 };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
    if (data.maxFileSize !== void 0) {
      let data15 = data.maxFileSize;
      if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
        const err32 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.properties.maxFileSize.type, parentSchema: schema15.properties.maxFileSize, data: data15 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
      if (typeof data15 == "number" && isFinite(data15)) {
        if (data15 > 16777216 || isNaN(data15)) {
          const err33 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/maximum", keyword: "maximum", params: { comparison: "<=", limit: 16777216 }, message: "must be <= 16777216", schema: 16777216, parentSchema: schema15.properties.maxFileSize, data: data15 };
          if (vErrors === null) {
            vErrors = [err33];
          } else {
            vErrors.push(err33);
          }
          errors++;
        }
        if (data15 < 1024 || isNaN(data15)) {
          const err34 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1024 }, message: "must be >= 1024", schema: 1024, parentSchema: schema15.properties.maxFileSize, data: data15 };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
      }
    }
  } else {
    const err35 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
var schema20 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/server.schema.json", "title": "tide Server", "description": "A machine that hosts platforms and sites, reached over SSH with a pinned host key or locally, with the web and database services tide configures on it (Aegir's server and services).", "type": "object", "additionalProperties": false, "required": ["kind", "name"], "properties": { "kind": { "type": "string", "const": "Server", "description": "Marks this document as a server." }, "name": { "$ref": "defs.schema.json#/definitions/slug", "description": "The server's name, which platforms list in servers and sites may pin in server." }, "transport": { "type": "string", "enum": ["ssh", "local"], "default": "ssh", "description": "How tide reaches the server: ssh (connects to host with the pinned hostKey) or local (runs commands on the machine tide runs on; host, port, user, hostKey and identity are ignored). Default: ssh." }, "host": { "$ref": "defs.schema.json#/definitions/host", "description": "Host name or IP address tide connects to over SSH. Required when transport is ssh." }, "port": { "$ref": "defs.schema.json#/definitions/port", "default": 22, "description": "SSH port. Default: 22." }, "user": { "$ref": "defs.schema.json#/definitions/unixUser", "description": "User tide logs in as over SSH, such as aegir; it must own root and be allowed to run the web server's check and reload commands." }, "hostKey": { "$ref": "defs.schema.json#/definitions/hostKey", "description": "The server's SSH host key, pinned: tide refuses to connect when the server presents another, and never trusts a key on first use. Run `tide keyscan HOST` to print the line to paste here. Required when transport is ssh." }, "identity": { "$ref": "defs.schema.json#/definitions/secretRef", "description": "Where tide reads the SSH private key: env:NAME or file:PATH, never the key itself." }, "root": { "$ref": "defs.schema.json#/definitions/absPath", "default": "/var/tide", "description": "Directory on the server under which tide keeps platforms/, sites/, backups/ and config/. Default: /var/tide." }, "webGroup": { "$ref": "defs.schema.json#/definitions/unixGroup", "description": "Group the web server and PHP run as (www-data on Debian and Ubuntu). Site directories belong to the deploy user and this group (setgid): settings.json is readable by the group and no one else, files/ is writable by it, platform code only readable. The deploy user must belong to it. Default: www-data (none when services.http.type is none)." }, "services": { "type": "object", "additionalProperties": false, "description": "The web server and database server tide configures on this machine. Default: nginx and mariadb with the defaults below.", "properties": { "http": { "type": "object", "additionalProperties": false, "description": "The web server that serves the sites. Defaults depend on its type.", "properties": { "type": { "type": "string", "enum": ["nginx", "apache", "none"], "default": "nginx", "description": "Which web server: nginx, apache, or none (tide writes no vhosts; for servers that only hold static files). Default: nginx." }, "port": { "$ref": "defs.schema.json#/definitions/port", "default": 80, "description": "Port of plain-HTTP virtual hosts. Default: 80." }, "httpsPort": { "$ref": "defs.schema.json#/definitions/port", "default": 443, "description": "Port of TLS virtual hosts (sites with https). Default: 443." }, "configDir": { "$ref": "defs.schema.json#/definitions/absPath", "description": "Directory where tide writes one vhost file per site. Default: /etc/nginx/sites-enabled for nginx, /etc/apache2/sites-enabled for apache." }, "check": { "type": "string", "description": `Command that tests the web server's configuration; tide runs it after writing a vhost and before any reload, and a failure stops the operation. Default: "nginx -t" for nginx, "apachectl configtest" for apache.` }, "reload": { "type": "string", "description": 'Command that makes the web server load changed configuration. Default: "nginx -s reload" for nginx, "apachectl graceful" for apache.' }, "sudo": { "type": "boolean", "description": "Run check and reload through `sudo -n` (the deploy user may sudo exactly these two commands; examples/prepare-server.sh writes that sudoers entry). Default: true when tide logs in over ssh as a user other than root, false otherwise." }, "servedWithin": { "type": "integer", "minimum": 1, "maximum": 300, "default": 10, "description": "Seconds tide waits after a reload for the web server to answer a changed site's host with the new vhost (asked from the server itself: curl or wget to 127.0.0.1 with the site's Host header); an operation whose change is not served by then fails. Default: 10." }, "fastcgi": { "$ref": "defs.schema.json#/definitions/fastcgiAddress", "description": "Address of the PHP-FPM pool that vhosts of drupal and script platforms pass PHP requests to, such as unix:/run/php/php8.2-fpm.sock or 127.0.0.1:9000." } } }, "db": { "type": "object", "additionalProperties": false, "description": "The database server that holds site databases.", "properties": { "type": { "type": "string", "enum": ["mariadb", "mysql", "none"], "default": "mariadb", "description": "Which database server: mariadb, mysql, or none (no databases; only static platforms can then run here). Default: mariadb." }, "host": { "$ref": "defs.schema.json#/definitions/host", "default": "127.0.0.1", "description": "Host the database server listens on, as seen from this server; sites get it as TIDE_DB_HOST. Default: 127.0.0.1." }, "port": { "$ref": "defs.schema.json#/definitions/port", "default": 3306, "description": "Port of the database server. Default: 3306." }, "adminUser": { "$ref": "defs.schema.json#/definitions/dbUser", "default": "root", "description": "Database account tide uses to create and drop site databases and users. Default: root." }, "adminPassword": { "$ref": "defs.schema.json#/definitions/secretRef", "description": "Where tide reads adminUser's password: env:NAME or file:PATH, never the password itself. Omit it when the account needs no password (for example socket authentication)." }, "grantHosts": { "type": "array", "items": { "$ref": "defs.schema.json#/definitions/dbGrantHost", "description": "A host site database users may connect from." }, "uniqueItems": true, "description": "Where site database users may connect from (their user@host accounts): the web server's address as the database server sees it. localhost is always added. Default: the database host when it is loopback (127.0.0.1 or ::1), otherwise this server's host." } } } } } }, "if": { "properties": { "transport": { "const": "ssh" } } }, "then": { "type": "object", "description": "A server reached over SSH (transport ssh, the default) needs host and hostKey.", "required": ["host", "hostKey"], "properties": { "host": { "description": "Required when transport is ssh (the default): the host name or IP address to connect to." }, "hostKey": { "description": "Required when transport is ssh (the default): the pinned host key; `tide keyscan HOST` prints it." } } } };
var schema22 = { "type": "string", "maxLength": 253, "pattern": "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$", "description": "a host name or an IP address such as web1.example.net, 192.0.2.10 or 2001:db8::1" };
var schema23 = { "type": "integer", "minimum": 1, "maximum": 65535, "description": "a TCP port number from 1 to 65535" };
var schema24 = { "type": "string", "pattern": "^[a-z_][a-z0-9_-]{0,31}$", "description": "a Unix user name: a lower-case letter or '_' followed by up to 31 lower-case letters, digits, '_' or '-'" };
var schema25 = { "type": "string", "pattern": "^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+={0,3}(?: [^\\n]*)?$", "description": 'an OpenSSH public host key line, TYPE BASE64 [COMMENT], such as "ssh-ed25519 AAAAC3Nza..." (`tide keyscan HOST` prints it)' };
var schema26 = { "type": "string", "pattern": "^(?:env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+)$", "writeOnly": true, "description": "a secret reference, env:NAME (an environment variable) or file:PATH (a file tide reads), because secrets are never written inline in the fleet repository" };
var schema27 = { "type": "string", "pattern": "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", "description": "an absolute path of letters, digits, '.', '_', '/', '@', '+' or '-' with no '..' segment (no spaces or shell characters)" };
var schema28 = { "type": "string", "pattern": "^[a-z_][a-z0-9_-]{0,31}$", "description": "a Unix group name: a lower-case letter or '_' followed by up to 31 lower-case letters, digits, '_' or '-'" };
var schema32 = { "type": "string", "pattern": "^(?:unix:/[A-Za-z0-9._/@+-]+|[A-Za-z0-9.-]+:[0-9]{1,5})$", "description": "a FastCGI address, unix:/PATH or HOST:PORT, such as unix:/run/php/php8.2-fpm.sock or 127.0.0.1:9000" };
var schema35 = { "type": "string", "pattern": "^[A-Za-z0-9_.-]{1,80}$", "description": "a database user name of 1 to 80 letters, digits, '_', '.' or '-'" };
var schema37 = { "type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[A-Za-z0-9.:%_-]+$", "description": "a host name, an IP address or a MariaDB host pattern such as 10.0.0.% (the host part of a database account, user@host)" };
var func0 = require_equal().default;
var pattern6 = new RegExp("^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$", "u");
var pattern7 = new RegExp("^[a-z_][a-z0-9_-]{0,31}$", "u");
var pattern8 = new RegExp("^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+={0,3}(?: [^\\n]*)?$", "u");
var pattern9 = new RegExp("^(?:env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+)$", "u");
var pattern10 = new RegExp("^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", "u");
var pattern13 = new RegExp("^(?:unix:/[A-Za-z0-9._/@+-]+|[A-Za-z0-9.-]+:[0-9]{1,5})$", "u");
var pattern15 = new RegExp("^[A-Za-z0-9_.-]{1,80}$", "u");
var pattern17 = new RegExp("^[A-Za-z0-9.:%_-]+$", "u");
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.transport !== void 0) {
      if ("ssh" !== data.transport) {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs4 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.host === void 0) {
        const err1 = { instancePath, schemaPath: "#/then/required", keyword: "required", params: { missingProperty: "host" }, message: "must have required property 'host'", schema: schema20.then.required, parentSchema: schema20.then, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (data.hostKey === void 0) {
        const err2 = { instancePath, schemaPath: "#/then/required", keyword: "required", params: { missingProperty: "hostKey" }, message: "must have required property 'hostKey'", schema: schema20.then.required, parentSchema: schema20.then, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    } else {
      const err3 = { instancePath, schemaPath: "#/then/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.then.type, parentSchema: schema20.then, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    var _valid0 = _errs4 === errors;
    valid0 = _valid0;
  }
  if (!valid0) {
    const err4 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema20.if, parentSchema: schema20, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema20.required, parentSchema: schema20, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema20.required, parentSchema: schema20, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema20.properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema20, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if (typeof data1 !== "string") {
        const err8 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.kind.type, parentSchema: schema20.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if ("Server" !== data1) {
        const err9 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Server" }, message: "must be equal to constant", schema: "Server", parentSchema: schema20.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data2 = data.name;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err10 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data2 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.transport !== void 0) {
      let data3 = data.transport;
      if (typeof data3 !== "string") {
        const err12 = { instancePath: instancePath + "/transport", schemaPath: "#/properties/transport/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.transport.type, parentSchema: schema20.properties.transport, data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (!(data3 === "ssh" || data3 === "local")) {
        const err13 = { instancePath: instancePath + "/transport", schemaPath: "#/properties/transport/enum", keyword: "enum", params: { allowedValues: schema20.properties.transport.enum }, message: "must be equal to one of the allowed values", schema: schema20.properties.transport.enum, parentSchema: schema20.properties.transport, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.host !== void 0) {
      let data4 = data.host;
      if (typeof data4 === "string") {
        if (func3(data4) > 253) {
          const err14 = { instancePath: instancePath + "/host", schemaPath: "defs.schema.json#/definitions/host/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema22, data: data4 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (!pattern6.test(data4)) {
          const err15 = { instancePath: instancePath + "/host", schemaPath: "defs.schema.json#/definitions/host/pattern", keyword: "pattern", params: { pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$" }, message: 'must match pattern "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$"', schema: "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$", parentSchema: schema22, data: data4 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/host", schemaPath: "defs.schema.json#/definitions/host/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.type, parentSchema: schema22, data: data4 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.port !== void 0) {
      let data5 = data.port;
      if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
        const err17 = { instancePath: instancePath + "/port", schemaPath: "defs.schema.json#/definitions/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.type, parentSchema: schema23, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      if (typeof data5 == "number" && isFinite(data5)) {
        if (data5 > 65535 || isNaN(data5)) {
          const err18 = { instancePath: instancePath + "/port", schemaPath: "defs.schema.json#/definitions/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema23, data: data5 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data5 < 1 || isNaN(data5)) {
          const err19 = { instancePath: instancePath + "/port", schemaPath: "defs.schema.json#/definitions/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema23, data: data5 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      }
    }
    if (data.user !== void 0) {
      let data6 = data.user;
      if (typeof data6 === "string") {
        if (!pattern7.test(data6)) {
          const err20 = { instancePath: instancePath + "/user", schemaPath: "defs.schema.json#/definitions/unixUser/pattern", keyword: "pattern", params: { pattern: "^[a-z_][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z_][a-z0-9_-]{0,31}$"', schema: "^[a-z_][a-z0-9_-]{0,31}$", parentSchema: schema24, data: data6 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/user", schemaPath: "defs.schema.json#/definitions/unixUser/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: data6 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.hostKey !== void 0) {
      let data7 = data.hostKey;
      if (typeof data7 === "string") {
        if (!pattern8.test(data7)) {
          const err22 = { instancePath: instancePath + "/hostKey", schemaPath: "defs.schema.json#/definitions/hostKey/pattern", keyword: "pattern", params: { pattern: "^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+={0,3}(?: [^\\n]*)?$" }, message: 'must match pattern "^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+={0,3}(?: [^\\n]*)?$"', schema: "^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+={0,3}(?: [^\\n]*)?$", parentSchema: schema25, data: data7 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/hostKey", schemaPath: "defs.schema.json#/definitions/hostKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema25.type, parentSchema: schema25, data: data7 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.identity !== void 0) {
      let data8 = data.identity;
      if (typeof data8 === "string") {
        if (!pattern9.test(data8)) {
          const err24 = { instancePath: instancePath + "/identity", schemaPath: "defs.schema.json#/definitions/secretRef/pattern", keyword: "pattern", params: { pattern: "^(?:env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+)$" }, message: 'must match pattern "^(?:env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+)$"', schema: "^(?:env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+)$", parentSchema: schema26, data: data8 };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      } else {
        const err25 = { instancePath: instancePath + "/identity", schemaPath: "defs.schema.json#/definitions/secretRef/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema26.type, parentSchema: schema26, data: data8 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.root !== void 0) {
      let data9 = data.root;
      if (typeof data9 === "string") {
        if (!pattern10.test(data9)) {
          const err26 = { instancePath: instancePath + "/root", schemaPath: "defs.schema.json#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data9 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = { instancePath: instancePath + "/root", schemaPath: "defs.schema.json#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data9 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.webGroup !== void 0) {
      let data10 = data.webGroup;
      if (typeof data10 === "string") {
        if (!pattern7.test(data10)) {
          const err28 = { instancePath: instancePath + "/webGroup", schemaPath: "defs.schema.json#/definitions/unixGroup/pattern", keyword: "pattern", params: { pattern: "^[a-z_][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z_][a-z0-9_-]{0,31}$"', schema: "^[a-z_][a-z0-9_-]{0,31}$", parentSchema: schema28, data: data10 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/webGroup", schemaPath: "defs.schema.json#/definitions/unixGroup/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema28.type, parentSchema: schema28, data: data10 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.services !== void 0) {
      let data11 = data.services;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        for (const key1 in data11) {
          if (!(key1 === "http" || key1 === "db")) {
            const err30 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema20.properties.services, data: data11 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data11.http !== void 0) {
          let data12 = data11.http;
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            for (const key2 in data12) {
              if (!func2.call(schema20.properties.services.properties.http.properties, key2)) {
                const err31 = { instancePath: instancePath + "/services/http", schemaPath: "#/properties/services/properties/http/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema20.properties.services.properties.http, data: data12 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data12.type !== void 0) {
              let data13 = data12.type;
              if (typeof data13 !== "string") {
                const err32 = { instancePath: instancePath + "/services/http/type", schemaPath: "#/properties/services/properties/http/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.services.properties.http.properties.type.type, parentSchema: schema20.properties.services.properties.http.properties.type, data: data13 };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
              if (!(data13 === "nginx" || data13 === "apache" || data13 === "none")) {
                const err33 = { instancePath: instancePath + "/services/http/type", schemaPath: "#/properties/services/properties/http/properties/type/enum", keyword: "enum", params: { allowedValues: schema20.properties.services.properties.http.properties.type.enum }, message: "must be equal to one of the allowed values", schema: schema20.properties.services.properties.http.properties.type.enum, parentSchema: schema20.properties.services.properties.http.properties.type, data: data13 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data12.port !== void 0) {
              let data14 = data12.port;
              if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                const err34 = { instancePath: instancePath + "/services/http/port", schemaPath: "defs.schema.json#/definitions/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.type, parentSchema: schema23, data: data14 };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
              if (typeof data14 == "number" && isFinite(data14)) {
                if (data14 > 65535 || isNaN(data14)) {
                  const err35 = { instancePath: instancePath + "/services/http/port", schemaPath: "defs.schema.json#/definitions/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema23, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err35];
                  } else {
                    vErrors.push(err35);
                  }
                  errors++;
                }
                if (data14 < 1 || isNaN(data14)) {
                  const err36 = { instancePath: instancePath + "/services/http/port", schemaPath: "defs.schema.json#/definitions/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema23, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
              }
            }
            if (data12.httpsPort !== void 0) {
              let data15 = data12.httpsPort;
              if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
                const err37 = { instancePath: instancePath + "/services/http/httpsPort", schemaPath: "defs.schema.json#/definitions/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.type, parentSchema: schema23, data: data15 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
              if (typeof data15 == "number" && isFinite(data15)) {
                if (data15 > 65535 || isNaN(data15)) {
                  const err38 = { instancePath: instancePath + "/services/http/httpsPort", schemaPath: "defs.schema.json#/definitions/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema23, data: data15 };
                  if (vErrors === null) {
                    vErrors = [err38];
                  } else {
                    vErrors.push(err38);
                  }
                  errors++;
                }
                if (data15 < 1 || isNaN(data15)) {
                  const err39 = { instancePath: instancePath + "/services/http/httpsPort", schemaPath: "defs.schema.json#/definitions/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema23, data: data15 };
                  if (vErrors === null) {
                    vErrors = [err39];
                  } else {
                    vErrors.push(err39);
                  }
                  errors++;
                }
              }
            }
            if (data12.configDir !== void 0) {
              let data16 = data12.configDir;
              if (typeof data16 === "string") {
                if (!pattern10.test(data16)) {
                  const err40 = { instancePath: instancePath + "/services/http/configDir", schemaPath: "defs.schema.json#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data16 };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                }
              } else {
                const err41 = { instancePath: instancePath + "/services/http/configDir", schemaPath: "defs.schema.json#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data16 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data12.check !== void 0) {
              let data17 = data12.check;
              if (typeof data17 !== "string") {
                const err42 = { instancePath: instancePath + "/services/http/check", schemaPath: "#/properties/services/properties/http/properties/check/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.services.properties.http.properties.check.type, parentSchema: schema20.properties.services.properties.http.properties.check, data: data17 };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            }
            if (data12.reload !== void 0) {
              let data18 = data12.reload;
              if (typeof data18 !== "string") {
                const err43 = { instancePath: instancePath + "/services/http/reload", schemaPath: "#/properties/services/properties/http/properties/reload/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.services.properties.http.properties.reload.type, parentSchema: schema20.properties.services.properties.http.properties.reload, data: data18 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            if (data12.sudo !== void 0) {
              let data19 = data12.sudo;
              if (typeof data19 !== "boolean") {
                const err44 = { instancePath: instancePath + "/services/http/sudo", schemaPath: "#/properties/services/properties/http/properties/sudo/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema20.properties.services.properties.http.properties.sudo.type, parentSchema: schema20.properties.services.properties.http.properties.sudo, data: data19 };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
            }
            if (data12.servedWithin !== void 0) {
              let data20 = data12.servedWithin;
              if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
                const err45 = { instancePath: instancePath + "/services/http/servedWithin", schemaPath: "#/properties/services/properties/http/properties/servedWithin/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema20.properties.services.properties.http.properties.servedWithin.type, parentSchema: schema20.properties.services.properties.http.properties.servedWithin, data: data20 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
              if (typeof data20 == "number" && isFinite(data20)) {
                if (data20 > 300 || isNaN(data20)) {
                  const err46 = { instancePath: instancePath + "/services/http/servedWithin", schemaPath: "#/properties/services/properties/http/properties/servedWithin/maximum", keyword: "maximum", params: { comparison: "<=", limit: 300 }, message: "must be <= 300", schema: 300, parentSchema: schema20.properties.services.properties.http.properties.servedWithin, data: data20 };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
                if (data20 < 1 || isNaN(data20)) {
                  const err47 = { instancePath: instancePath + "/services/http/servedWithin", schemaPath: "#/properties/services/properties/http/properties/servedWithin/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema20.properties.services.properties.http.properties.servedWithin, data: data20 };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
              }
            }
            if (data12.fastcgi !== void 0) {
              let data21 = data12.fastcgi;
              if (typeof data21 === "string") {
                if (!pattern13.test(data21)) {
                  const err48 = { instancePath: instancePath + "/services/http/fastcgi", schemaPath: "defs.schema.json#/definitions/fastcgiAddress/pattern", keyword: "pattern", params: { pattern: "^(?:unix:/[A-Za-z0-9._/@+-]+|[A-Za-z0-9.-]+:[0-9]{1,5})$" }, message: 'must match pattern "^(?:unix:/[A-Za-z0-9._/@+-]+|[A-Za-z0-9.-]+:[0-9]{1,5})$"', schema: "^(?:unix:/[A-Za-z0-9._/@+-]+|[A-Za-z0-9.-]+:[0-9]{1,5})$", parentSchema: schema32, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
              } else {
                const err49 = { instancePath: instancePath + "/services/http/fastcgi", schemaPath: "defs.schema.json#/definitions/fastcgiAddress/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data21 };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
          } else {
            const err50 = { instancePath: instancePath + "/services/http", schemaPath: "#/properties/services/properties/http/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.properties.services.properties.http.type, parentSchema: schema20.properties.services.properties.http, data: data12 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data11.db !== void 0) {
          let data22 = data11.db;
          if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
            for (const key3 in data22) {
              if (!(key3 === "type" || key3 === "host" || key3 === "port" || key3 === "adminUser" || key3 === "adminPassword" || key3 === "grantHosts")) {
                const err51 = { instancePath: instancePath + "/services/db", schemaPath: "#/properties/services/properties/db/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema20.properties.services.properties.db, data: data22 };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
            }
            if (data22.type !== void 0) {
              let data23 = data22.type;
              if (typeof data23 !== "string") {
                const err52 = { instancePath: instancePath + "/services/db/type", schemaPath: "#/properties/services/properties/db/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.services.properties.db.properties.type.type, parentSchema: schema20.properties.services.properties.db.properties.type, data: data23 };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
              if (!(data23 === "mariadb" || data23 === "mysql" || data23 === "none")) {
                const err53 = { instancePath: instancePath + "/services/db/type", schemaPath: "#/properties/services/properties/db/properties/type/enum", keyword: "enum", params: { allowedValues: schema20.properties.services.properties.db.properties.type.enum }, message: "must be equal to one of the allowed values", schema: schema20.properties.services.properties.db.properties.type.enum, parentSchema: schema20.properties.services.properties.db.properties.type, data: data23 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
            if (data22.host !== void 0) {
              let data24 = data22.host;
              if (typeof data24 === "string") {
                if (func3(data24) > 253) {
                  const err54 = { instancePath: instancePath + "/services/db/host", schemaPath: "defs.schema.json#/definitions/host/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema22, data: data24 };
                  if (vErrors === null) {
                    vErrors = [err54];
                  } else {
                    vErrors.push(err54);
                  }
                  errors++;
                }
                if (!pattern6.test(data24)) {
                  const err55 = { instancePath: instancePath + "/services/db/host", schemaPath: "defs.schema.json#/definitions/host/pattern", keyword: "pattern", params: { pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$" }, message: 'must match pattern "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$"', schema: "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$", parentSchema: schema22, data: data24 };
                  if (vErrors === null) {
                    vErrors = [err55];
                  } else {
                    vErrors.push(err55);
                  }
                  errors++;
                }
              } else {
                const err56 = { instancePath: instancePath + "/services/db/host", schemaPath: "defs.schema.json#/definitions/host/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.type, parentSchema: schema22, data: data24 };
                if (vErrors === null) {
                  vErrors = [err56];
                } else {
                  vErrors.push(err56);
                }
                errors++;
              }
            }
            if (data22.port !== void 0) {
              let data25 = data22.port;
              if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
                const err57 = { instancePath: instancePath + "/services/db/port", schemaPath: "defs.schema.json#/definitions/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.type, parentSchema: schema23, data: data25 };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
              if (typeof data25 == "number" && isFinite(data25)) {
                if (data25 > 65535 || isNaN(data25)) {
                  const err58 = { instancePath: instancePath + "/services/db/port", schemaPath: "defs.schema.json#/definitions/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema23, data: data25 };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
                if (data25 < 1 || isNaN(data25)) {
                  const err59 = { instancePath: instancePath + "/services/db/port", schemaPath: "defs.schema.json#/definitions/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema23, data: data25 };
                  if (vErrors === null) {
                    vErrors = [err59];
                  } else {
                    vErrors.push(err59);
                  }
                  errors++;
                }
              }
            }
            if (data22.adminUser !== void 0) {
              let data26 = data22.adminUser;
              if (typeof data26 === "string") {
                if (!pattern15.test(data26)) {
                  const err60 = { instancePath: instancePath + "/services/db/adminUser", schemaPath: "defs.schema.json#/definitions/dbUser/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]{1,80}$" }, message: 'must match pattern "^[A-Za-z0-9_.-]{1,80}$"', schema: "^[A-Za-z0-9_.-]{1,80}$", parentSchema: schema35, data: data26 };
                  if (vErrors === null) {
                    vErrors = [err60];
                  } else {
                    vErrors.push(err60);
                  }
                  errors++;
                }
              } else {
                const err61 = { instancePath: instancePath + "/services/db/adminUser", schemaPath: "defs.schema.json#/definitions/dbUser/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.type, parentSchema: schema35, data: data26 };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
            }
            if (data22.adminPassword !== void 0) {
              let data27 = data22.adminPassword;
              if (typeof data27 === "string") {
                if (!pattern9.test(data27)) {
                  const err62 = { instancePath: instancePath + "/services/db/adminPassword", schemaPath: "defs.schema.json#/definitions/secretRef/pattern", keyword: "pattern", params: { pattern: "^(?:env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+)$" }, message: 'must match pattern "^(?:env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+)$"', schema: "^(?:env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+)$", parentSchema: schema26, data: data27 };
                  if (vErrors === null) {
                    vErrors = [err62];
                  } else {
                    vErrors.push(err62);
                  }
                  errors++;
                }
              } else {
                const err63 = { instancePath: instancePath + "/services/db/adminPassword", schemaPath: "defs.schema.json#/definitions/secretRef/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema26.type, parentSchema: schema26, data: data27 };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
            }
            if (data22.grantHosts !== void 0) {
              let data28 = data22.grantHosts;
              if (Array.isArray(data28)) {
                const len0 = data28.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data29 = data28[i0];
                  if (typeof data29 === "string") {
                    if (func3(data29) > 255) {
                      const err64 = { instancePath: instancePath + "/services/db/grantHosts/" + i0, schemaPath: "defs.schema.json#/definitions/dbGrantHost/maxLength", keyword: "maxLength", params: { limit: 255 }, message: "must NOT have more than 255 characters", schema: 255, parentSchema: schema37, data: data29 };
                      if (vErrors === null) {
                        vErrors = [err64];
                      } else {
                        vErrors.push(err64);
                      }
                      errors++;
                    }
                    if (func3(data29) < 1) {
                      const err65 = { instancePath: instancePath + "/services/db/grantHosts/" + i0, schemaPath: "defs.schema.json#/definitions/dbGrantHost/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37, data: data29 };
                      if (vErrors === null) {
                        vErrors = [err65];
                      } else {
                        vErrors.push(err65);
                      }
                      errors++;
                    }
                    if (!pattern17.test(data29)) {
                      const err66 = { instancePath: instancePath + "/services/db/grantHosts/" + i0, schemaPath: "defs.schema.json#/definitions/dbGrantHost/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.:%_-]+$" }, message: 'must match pattern "^[A-Za-z0-9.:%_-]+$"', schema: "^[A-Za-z0-9.:%_-]+$", parentSchema: schema37, data: data29 };
                      if (vErrors === null) {
                        vErrors = [err66];
                      } else {
                        vErrors.push(err66);
                      }
                      errors++;
                    }
                  } else {
                    const err67 = { instancePath: instancePath + "/services/db/grantHosts/" + i0, schemaPath: "defs.schema.json#/definitions/dbGrantHost/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.type, parentSchema: schema37, data: data29 };
                    if (vErrors === null) {
                      vErrors = [err67];
                    } else {
                      vErrors.push(err67);
                    }
                    errors++;
                  }
                }
                let i1 = data28.length;
                let j0;
                if (i1 > 1) {
                  outer0: for (; i1--; ) {
                    for (j0 = i1; j0--; ) {
                      if (func0(data28[i1], data28[j0])) {
                        const err68 = { instancePath: instancePath + "/services/db/grantHosts", schemaPath: "#/properties/services/properties/db/properties/grantHosts/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema20.properties.services.properties.db.properties.grantHosts, data: data28 };
                        if (vErrors === null) {
                          vErrors = [err68];
                        } else {
                          vErrors.push(err68);
                        }
                        errors++;
                        break outer0;
                      }
                    }
                  }
                }
              } else {
                const err69 = { instancePath: instancePath + "/services/db/grantHosts", schemaPath: "#/properties/services/properties/db/properties/grantHosts/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema20.properties.services.properties.db.properties.grantHosts.type, parentSchema: schema20.properties.services.properties.db.properties.grantHosts, data: data28 };
                if (vErrors === null) {
                  vErrors = [err69];
                } else {
                  vErrors.push(err69);
                }
                errors++;
              }
            }
          } else {
            const err70 = { instancePath: instancePath + "/services/db", schemaPath: "#/properties/services/properties/db/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.properties.services.properties.db.type, parentSchema: schema20.properties.services.properties.db, data: data22 };
            if (vErrors === null) {
              vErrors = [err70];
            } else {
              vErrors.push(err70);
            }
            errors++;
          }
        }
      } else {
        const err71 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.properties.services.type, parentSchema: schema20.properties.services, data: data11 };
        if (vErrors === null) {
          vErrors = [err71];
        } else {
          vErrors.push(err71);
        }
        errors++;
      }
    }
  } else {
    const err72 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.type, parentSchema: schema20, data };
    if (vErrors === null) {
      vErrors = [err72];
    } else {
      vErrors.push(err72);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}
var schema38 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/platform.schema.json", "title": "tide Platform", "description": "A codebase deployed to one or more servers, on which sites run (Aegir's platform; Aegir 5's project release).", "type": "object", "additionalProperties": false, "required": ["kind", "name", "servers", "driver", "source"], "properties": { "kind": { "type": "string", "const": "Platform", "description": "Marks this document as a platform." }, "name": { "$ref": "defs.schema.json#/definitions/slug", "description": "The platform's name, such as notes-2.0; sites refer to it in platform, and it names the platform's directory on each server." }, "servers": { "type": "array", "minItems": 1, "uniqueItems": true, "description": "Servers the platform is deployed to, each the name of a Server in the fleet; its sites are placed on one of them.", "items": { "$ref": "defs.schema.json#/definitions/slug", "description": "Name of a Server in the fleet." } }, "driver": { "type": "string", "enum": ["drupal", "script", "static"], "description": "What kind of application the codebase is: drupal (managed with drush), script (tide runs the commands declared below) or static (files only, no database)." }, "source": { "$ref": "defs.schema.json#/definitions/platformSource", "description": "Where the code comes from: { path: DIR } for a directory in this repository, or { git: URL, ref: TAG-OR-SHA } for a git repository." }, "build": { "type": "string", "minLength": 1, "description": `Command run on each server in the platform's directory after the code arrives, such as "composer install --no-dev". Default: none.` }, "docroot": { "$ref": "defs.schema.json#/definitions/relPath", "default": ".", "description": `Directory, relative to the platform's code, that the web server serves, such as public. Default: ".".` }, "vars": { "$ref": "defs.schema.json#/definitions/vars", "description": "Defaults for its sites' vars, such as { currency: EUR }; a site's own vars win. Default: none." }, "commands": { "type": "object", "additionalProperties": false, "default": {}, "description": "The script driver's commands. Each is a handlebars template run on the server in the platform's directory, with the site's facts in its environment (TIDE_SITE_NAME, TIDE_SITE_URL, TIDE_SITE_DIR, TIDE_SITE_PROFILE, TIDE_SITE_SCHEME, TIDE_SITE_PORT, TIDE_SITE_BASE_URL, TIDE_VAR_<NAME>, TIDE_DB_HOST, TIDE_DB_PORT, TIDE_DB_NAME, TIDE_DB_USER, TIDE_DB_PASSWORD) and as template variables (the password only in the environment: a command may not name it). install is required when driver is script.", "properties": { "install": { "type": "string", "minLength": 1, "description": 'Installs a new site, such as "php bin/install.php". Required when driver is script.' }, "update": { "type": "string", "minLength": 1, "description": "Brings a site's database up to date with this codebase; run after a migrate onto this platform." }, "packages": { "type": "string", "minLength": 1, "description": "Prints the site's packages as JSON, [{name, type, version, schema}]; migrate's compatibility check compares them." }, "cron": { "type": "string", "minLength": 1, "description": "Runs the site's scheduled jobs, at the interval set by the site's cron." }, "login": { "type": "string", "minLength": 1, "description": "Prints a one-time login link for `tide login`." } } } }, "if": { "properties": { "driver": { "const": "script" } }, "required": ["driver"] }, "then": { "type": "object", "description": "A platform with driver script must declare commands.install.", "required": ["commands"], "properties": { "commands": { "type": "object", "description": "Required when driver is script, with at least install.", "required": ["install"], "properties": { "install": { "description": "Required when driver is script: the command that installs a new site." } } } } } };
var schema42 = { "type": "string", "pattern": "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$", "description": "a relative path of letters, digits, '.', '_', '/', '@', '+' or '-' that starts with neither '/' nor '-' and has no '..' segment" };
var pattern20 = new RegExp("^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$", "u");
var schema41 = { "type": "object", "description": "Where a platform's code comes from: {path} for a directory in the fleet repository, or {git, ref} for a git repository at a tag, branch or commit.", "oneOf": [{ "type": "object", "title": "path", "description": "Code kept in the fleet repository.", "additionalProperties": false, "required": ["path"], "properties": { "path": { "$ref": "#/definitions/relPath", "description": "Directory, relative to the fleet repository root, that holds the platform's files (for example platforms/notes-2.0)." } } }, { "type": "object", "title": "git", "description": "Code fetched from a git repository.", "additionalProperties": false, "required": ["git", "ref"], "properties": { "git": { "$ref": "#/definitions/gitUrl", "description": "URL of the git repository tide fetches, such as https://git.example.net/acme/notes.git." }, "ref": { "$ref": "#/definitions/gitRef", "description": "Tag, branch or commit id to deploy; a tag or a commit id keeps deploys repeatable." } } }] };
var schema43 = { "type": "string", "pattern": "^(?!-)\\S+$", "description": "a git repository URL or path without spaces that does not start with '-'" };
var schema44 = { "type": "string", "pattern": "^(?!-)[A-Za-z0-9._/-]+$", "description": "a git tag, branch or commit id of letters, digits, '.', '_', '/' or '-' that does not start with '-'" };
var pattern21 = new RegExp("^(?!-)\\S+$", "u");
var pattern22 = new RegExp("^(?!-)[A-Za-z0-9._/-]+$", "u");
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(data && typeof data == "object" && !Array.isArray(data))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.type, parentSchema: schema41, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs1 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.path === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema41.oneOf[0].required, parentSchema: schema41.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "path")) {
        const err2 = { instancePath, schemaPath: "#/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema41.oneOf[0], data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data0 = data.path;
      if (typeof data0 === "string") {
        if (!pattern20.test(data0)) {
          const err3 = { instancePath: instancePath + "/path", schemaPath: "#/definitions/relPath/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$" }, message: 'must match pattern "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$"', schema: "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$", parentSchema: schema42, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/path", schemaPath: "#/definitions/relPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema42.type, parentSchema: schema42, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.oneOf[0].type, parentSchema: schema41.oneOf[0], data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  var _valid0 = _errs2 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs8 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.git === void 0) {
      const err6 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "git" }, message: "must have required property 'git'", schema: schema41.oneOf[1].required, parentSchema: schema41.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.ref === void 0) {
      const err7 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "ref" }, message: "must have required property 'ref'", schema: schema41.oneOf[1].required, parentSchema: schema41.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    for (const key1 in data) {
      if (!(key1 === "git" || key1 === "ref")) {
        const err8 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema41.oneOf[1], data };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.git !== void 0) {
      let data1 = data.git;
      if (typeof data1 === "string") {
        if (!pattern21.test(data1)) {
          const err9 = { instancePath: instancePath + "/git", schemaPath: "#/definitions/gitUrl/pattern", keyword: "pattern", params: { pattern: "^(?!-)\\S+$" }, message: 'must match pattern "^(?!-)\\S+$"', schema: "^(?!-)\\S+$", parentSchema: schema43, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/git", schemaPath: "#/definitions/gitUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.ref !== void 0) {
      let data2 = data.ref;
      if (typeof data2 === "string") {
        if (!pattern22.test(data2)) {
          const err11 = { instancePath: instancePath + "/ref", schemaPath: "#/definitions/gitRef/pattern", keyword: "pattern", params: { pattern: "^(?!-)[A-Za-z0-9._/-]+$" }, message: 'must match pattern "^(?!-)[A-Za-z0-9._/-]+$"', schema: "^(?!-)[A-Za-z0-9._/-]+$", parentSchema: schema44, data: data2 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/ref", schemaPath: "#/definitions/gitRef/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema44.type, parentSchema: schema44, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.oneOf[1].type, parentSchema: schema41.oneOf[1], data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  var _valid0 = _errs8 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err14 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema41.oneOf, parentSchema: schema41, data };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  } else {
    errors = _errs1;
    if (vErrors !== null) {
      if (_errs1) {
        vErrors.length = _errs1;
      } else {
        vErrors = null;
      }
    }
  }
  validate18.errors = vErrors;
  return errors === 0;
}
var schema46 = { "type": "object", "description": "Free-form settings for the application, such as { title: My wiki, adminEmail: ops@example.com }: each reaches commands as TIDE_VAR_<NAME> (upper-cased) and appears in settings.json under vars.", "maxProperties": 100, "propertyNames": { "$ref": "#/definitions/varName", "description": "The name of a var." }, "additionalProperties": { "type": "string", "maxLength": 4096, "description": "The value, a string (quote numbers and booleans in YAML)." } };
var schema47 = { "type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]{0,63}$", "description": "a letter, then up to 63 letters, digits or '_' (it becomes part of an environment variable's name)" };
var pattern24 = new RegExp("^[A-Za-z][A-Za-z0-9_]{0,63}$", "u");
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length > 100) {
      const err0 = { instancePath, schemaPath: "#/maxProperties", keyword: "maxProperties", params: { limit: 100 }, message: "must NOT have more than 100 properties", schema: 100, parentSchema: schema46, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern24.test(key0)) {
          const err1 = { instancePath, schemaPath: "#/definitions/varName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$" }, message: 'must match pattern "^[A-Za-z][A-Za-z0-9_]{0,63}$"', schema: "^[A-Za-z][A-Za-z0-9_]{0,63}$", parentSchema: schema47, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath, schemaPath: "#/definitions/varName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema47.type, parentSchema: schema47, data: key0, propertyName: key0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err3 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema46.propertyNames, parentSchema: schema46, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (typeof data0 === "string") {
        if (func3(data0) > 4096) {
          const err4 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema46.additionalProperties, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema46.additionalProperties.type, parentSchema: schema46.additionalProperties, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema46.type, parentSchema: schema46, data };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.driver === void 0 && (missing0 = "driver")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    } else {
      if (data.driver !== void 0) {
        if ("script" !== data.driver) {
          const err1 = {};
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      }
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs4 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.commands === void 0) {
        const err2 = { instancePath, schemaPath: "#/then/required", keyword: "required", params: { missingProperty: "commands" }, message: "must have required property 'commands'", schema: schema38.then.required, parentSchema: schema38.then, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (data.commands !== void 0) {
        let data1 = data.commands;
        if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
          if (data1.install === void 0) {
            const err3 = { instancePath: instancePath + "/commands", schemaPath: "#/then/properties/commands/required", keyword: "required", params: { missingProperty: "install" }, message: "must have required property 'install'", schema: schema38.then.properties.commands.required, parentSchema: schema38.then.properties.commands, data: data1 };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        } else {
          const err4 = { instancePath: instancePath + "/commands", schemaPath: "#/then/properties/commands/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.then.properties.commands.type, parentSchema: schema38.then.properties.commands, data: data1 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    } else {
      const err5 = { instancePath, schemaPath: "#/then/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.then.type, parentSchema: schema38.then, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    var _valid0 = _errs4 === errors;
    valid0 = _valid0;
  }
  if (!valid0) {
    const err6 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema38.if, parentSchema: schema38, data };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema38.required, parentSchema: schema38, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema38.required, parentSchema: schema38, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.servers === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "servers" }, message: "must have required property 'servers'", schema: schema38.required, parentSchema: schema38, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.driver === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "driver" }, message: "must have required property 'driver'", schema: schema38.required, parentSchema: schema38, data };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.source === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property 'source'", schema: schema38.required, parentSchema: schema38, data };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema38.properties, key0)) {
        const err12 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema38, data };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data2 = data.kind;
      if (typeof data2 !== "string") {
        const err13 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.kind.type, parentSchema: schema38.properties.kind, data: data2 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      if ("Platform" !== data2) {
        const err14 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Platform" }, message: "must be equal to constant", schema: "Platform", parentSchema: schema38.properties.kind, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data3 = data.name;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err15 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data3 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data3 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.servers !== void 0) {
      let data4 = data.servers;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err17 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema38.properties.servers, data: data4 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          if (typeof data5 === "string") {
            if (!pattern0.test(data5)) {
              const err18 = { instancePath: instancePath + "/servers/" + i0, schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data5 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/servers/" + i0, schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data5 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        let i1 = data4.length;
        let j0;
        if (i1 > 1) {
          outer0: for (; i1--; ) {
            for (j0 = i1; j0--; ) {
              if (func0(data4[i1], data4[j0])) {
                const err20 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema38.properties.servers, data: data4 };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema38.properties.servers.type, parentSchema: schema38.properties.servers, data: data4 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.driver !== void 0) {
      let data6 = data.driver;
      if (typeof data6 !== "string") {
        const err22 = { instancePath: instancePath + "/driver", schemaPath: "#/properties/driver/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.driver.type, parentSchema: schema38.properties.driver, data: data6 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
      if (!(data6 === "drupal" || data6 === "script" || data6 === "static")) {
        const err23 = { instancePath: instancePath + "/driver", schemaPath: "#/properties/driver/enum", keyword: "enum", params: { allowedValues: schema38.properties.driver.enum }, message: "must be equal to one of the allowed values", schema: schema38.properties.driver.enum, parentSchema: schema38.properties.driver, data: data6 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.source !== void 0) {
      if (!validate18(data.source, { instancePath: instancePath + "/source", parentData: data, parentDataProperty: "source", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
    if (data.build !== void 0) {
      let data8 = data.build;
      if (typeof data8 === "string") {
        if (func3(data8) < 1) {
          const err24 = { instancePath: instancePath + "/build", schemaPath: "#/properties/build/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema38.properties.build, data: data8 };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      } else {
        const err25 = { instancePath: instancePath + "/build", schemaPath: "#/properties/build/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.build.type, parentSchema: schema38.properties.build, data: data8 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.docroot !== void 0) {
      let data9 = data.docroot;
      if (typeof data9 === "string") {
        if (!pattern20.test(data9)) {
          const err26 = { instancePath: instancePath + "/docroot", schemaPath: "defs.schema.json#/definitions/relPath/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$" }, message: 'must match pattern "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$"', schema: "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$", parentSchema: schema42, data: data9 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = { instancePath: instancePath + "/docroot", schemaPath: "defs.schema.json#/definitions/relPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema42.type, parentSchema: schema42, data: data9 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.vars !== void 0) {
      if (!validate20(data.vars, { instancePath: instancePath + "/vars", parentData: data, parentDataProperty: "vars", rootData })) {
        vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
        errors = vErrors.length;
      }
    }
    if (data.commands !== void 0) {
      let data11 = data.commands;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        for (const key1 in data11) {
          if (!(key1 === "install" || key1 === "update" || key1 === "packages" || key1 === "cron" || key1 === "login")) {
            const err28 = { instancePath: instancePath + "/commands", schemaPath: "#/properties/commands/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema38.properties.commands, data: data11 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data11.install !== void 0) {
          let data12 = data11.install;
          if (typeof data12 === "string") {
            if (func3(data12) < 1) {
              const err29 = { instancePath: instancePath + "/commands/install", schemaPath: "#/properties/commands/properties/install/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema38.properties.commands.properties.install, data: data12 };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          } else {
            const err30 = { instancePath: instancePath + "/commands/install", schemaPath: "#/properties/commands/properties/install/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.commands.properties.install.type, parentSchema: schema38.properties.commands.properties.install, data: data12 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data11.update !== void 0) {
          let data13 = data11.update;
          if (typeof data13 === "string") {
            if (func3(data13) < 1) {
              const err31 = { instancePath: instancePath + "/commands/update", schemaPath: "#/properties/commands/properties/update/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema38.properties.commands.properties.update, data: data13 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/commands/update", schemaPath: "#/properties/commands/properties/update/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.commands.properties.update.type, parentSchema: schema38.properties.commands.properties.update, data: data13 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data11.packages !== void 0) {
          let data14 = data11.packages;
          if (typeof data14 === "string") {
            if (func3(data14) < 1) {
              const err33 = { instancePath: instancePath + "/commands/packages", schemaPath: "#/properties/commands/properties/packages/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema38.properties.commands.properties.packages, data: data14 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          } else {
            const err34 = { instancePath: instancePath + "/commands/packages", schemaPath: "#/properties/commands/properties/packages/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.commands.properties.packages.type, parentSchema: schema38.properties.commands.properties.packages, data: data14 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data11.cron !== void 0) {
          let data15 = data11.cron;
          if (typeof data15 === "string") {
            if (func3(data15) < 1) {
              const err35 = { instancePath: instancePath + "/commands/cron", schemaPath: "#/properties/commands/properties/cron/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema38.properties.commands.properties.cron, data: data15 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          } else {
            const err36 = { instancePath: instancePath + "/commands/cron", schemaPath: "#/properties/commands/properties/cron/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.commands.properties.cron.type, parentSchema: schema38.properties.commands.properties.cron, data: data15 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data11.login !== void 0) {
          let data16 = data11.login;
          if (typeof data16 === "string") {
            if (func3(data16) < 1) {
              const err37 = { instancePath: instancePath + "/commands/login", schemaPath: "#/properties/commands/properties/login/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema38.properties.commands.properties.login, data: data16 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          } else {
            const err38 = { instancePath: instancePath + "/commands/login", schemaPath: "#/properties/commands/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.commands.properties.login.type, parentSchema: schema38.properties.commands.properties.login, data: data16 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      } else {
        const err39 = { instancePath: instancePath + "/commands", schemaPath: "#/properties/commands/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.properties.commands.type, parentSchema: schema38.properties.commands, data: data11 };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
  } else {
    const err40 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.type, parentSchema: schema38, data };
    if (vErrors === null) {
      vErrors = [err40];
    } else {
      vErrors.push(err40);
    }
    errors++;
  }
  validate17.errors = vErrors;
  return errors === 0;
}
var schema48 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/site.schema.json", "title": "tide Site", "description": "An instance of a platform at a URL (Aegir's site; Aegir 5's environment). One file per site keeps pull requests small.", "type": "object", "additionalProperties": false, "required": ["kind", "name", "platform"], "properties": { "kind": { "type": "string", "const": "Site", "description": "Marks this document as a site." }, "name": { "$ref": "defs.schema.json#/definitions/hostname", "description": "The site's identity, a lower-case host name such as blog.example.com; it names the site's directory, database and state file, and is its URL unless url is set. Changing it makes a new site." }, "platform": { "$ref": "defs.schema.json#/definitions/slug", "description": "The Platform the site runs on. Changing it migrates the site: backup, update on the new platform, switch, with a rollback if anything fails." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "Pins the site to one of its platform's servers; when omitted tide chooses one. Changing it migrates the site." }, "url": { "$ref": "defs.schema.json#/definitions/hostname", "description": "The host name the site is served at. Changing it renames the site. Default: the site's name." }, "aliases": { "type": "array", "uniqueItems": true, "default": [], "description": "Other host names the site answers on, such as www.blog.example.com. Default: [].", "items": { "$ref": "defs.schema.json#/definitions/hostname", "description": "A host name the site also answers on." } }, "redirectAliases": { "type": "boolean", "default": false, "description": "true: requests for an alias are redirected to url; false: aliases serve the site directly. Default: false." }, "https": { "$ref": "defs.schema.json#/definitions/siteHttps", "description": "Serve the site over TLS with a certificate and key already on the server, such as { certificate: /etc/ssl/blog.pem, key: /etc/ssl/blog.key, required: true }. Default: none (HTTP only)." }, "status": { "type": "string", "enum": ["enabled", "disabled", "deleted"], "default": "enabled", "description": "enabled: the site is served; disabled: it stays installed, but visitors get a disabled page and cron does not run; deleted: tide deletes it, always taking a backup first. Default: enabled." }, "client": { "$ref": "defs.schema.json#/definitions/slug", "description": "The Client that owns the site and whose quota it counts against." }, "profile": { "$ref": "defs.schema.json#/definitions/slug", "default": "standard", "description": "Install profile handed to the driver when the site is installed (TIDE_SITE_PROFILE for script platforms). Default: standard." }, "cron": { "$ref": "defs.schema.json#/definitions/duration", "description": "How often the site's cron runs, such as 30m or 1h. Default: never." }, "backups": { "$ref": "defs.schema.json#/definitions/backupPolicy", "description": "Scheduled backups, such as { every: 1d, keep: 7 }. Default: none scheduled (tide still backs a site up before a migrate or delete)." }, "vars": { "$ref": "defs.schema.json#/definitions/vars", "description": "Settings for the application, such as { title: My wiki }: TIDE_VAR_TITLE for commands, vars.title in settings.json. Default: the platform's vars; a site's value wins over the platform's." }, "cloneFrom": { "$ref": "defs.schema.json#/definitions/hostname", "description": "Name of an existing site whose files and database are copied into this one when it is created; ignored once the site exists." } } };
var schema49 = { "type": "string", "pattern": "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", "description": "a lower-case host name such as www.example.com (dot-separated labels of letters, digits and '-', each starting and ending with a letter or digit)" };
var pattern25 = new RegExp("^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", "u");
var schema54 = { "type": "object", "description": "TLS for a site, served with a certificate and key that are already on the server.", "additionalProperties": false, "required": ["certificate", "key"], "properties": { "certificate": { "$ref": "#/definitions/absPath", "description": "Absolute path on the server of the certificate (full chain, PEM)." }, "key": { "$ref": "#/definitions/absPath", "description": "Absolute path on the server of the certificate's private key (PEM)." }, "required": { "type": "boolean", "default": false, "description": "true: plain HTTP requests are redirected to HTTPS; false: the site answers on both. Default: false." } } };
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.certificate === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "certificate" }, message: "must have required property 'certificate'", schema: schema54.required, parentSchema: schema54, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.key === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema54.required, parentSchema: schema54, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "certificate" || key0 === "key" || key0 === "required")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema54, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.certificate !== void 0) {
      let data0 = data.certificate;
      if (typeof data0 === "string") {
        if (!pattern10.test(data0)) {
          const err3 = { instancePath: instancePath + "/certificate", schemaPath: "#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/certificate", schemaPath: "#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.key !== void 0) {
      let data1 = data.key;
      if (typeof data1 === "string") {
        if (!pattern10.test(data1)) {
          const err5 = { instancePath: instancePath + "/key", schemaPath: "#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/key", schemaPath: "#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.required !== void 0) {
      let data2 = data.required;
      if (typeof data2 !== "boolean") {
        const err7 = { instancePath: instancePath + "/required", schemaPath: "#/properties/required/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema54.properties.required.type, parentSchema: schema54.properties.required, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema54.type, parentSchema: schema54, data };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
var schema60 = { "type": "object", "description": "Scheduled backups of a site: how often, and how many to keep.", "additionalProperties": false, "required": ["every", "keep"], "properties": { "every": { "$ref": "#/definitions/duration", "description": "Interval between scheduled backups, such as 1d or 1w." }, "keep": { "type": "integer", "minimum": 1, "description": "How many scheduled backups to keep; older ones are removed." } } };
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.every === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "every" }, message: "must have required property 'every'", schema: schema60.required, parentSchema: schema60, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.keep === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "keep" }, message: "must have required property 'keep'", schema: schema60.required, parentSchema: schema60, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "every" || key0 === "keep")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema60, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.every !== void 0) {
      let data0 = data.every;
      if (typeof data0 === "string") {
        if (!pattern4.test(data0)) {
          const err3 = { instancePath: instancePath + "/every", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]*[mhdw]$" }, message: 'must match pattern "^[1-9][0-9]*[mhdw]$"', schema: "^[1-9][0-9]*[mhdw]$", parentSchema: schema19, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/every", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.type, parentSchema: schema19, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.keep !== void 0) {
      let data1 = data.keep;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err5 = { instancePath: instancePath + "/keep", schemaPath: "#/properties/keep/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema60.properties.keep.type, parentSchema: schema60.properties.keep, data: data1 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 < 1 || isNaN(data1)) {
          const err6 = { instancePath: instancePath + "/keep", schemaPath: "#/properties/keep/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema60.properties.keep, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      }
    }
  } else {
    const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema60.type, parentSchema: schema60, data };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length > 100) {
      const err0 = { instancePath, schemaPath: "#/maxProperties", keyword: "maxProperties", params: { limit: 100 }, message: "must NOT have more than 100 properties", schema: 100, parentSchema: schema46, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern24.test(key0)) {
          const err1 = { instancePath, schemaPath: "#/definitions/varName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$" }, message: 'must match pattern "^[A-Za-z][A-Za-z0-9_]{0,63}$"', schema: "^[A-Za-z][A-Za-z0-9_]{0,63}$", parentSchema: schema47, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath, schemaPath: "#/definitions/varName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema47.type, parentSchema: schema47, data: key0, propertyName: key0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err3 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema46.propertyNames, parentSchema: schema46, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (typeof data0 === "string") {
        if (func3(data0) > 4096) {
          const err4 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema46.additionalProperties, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema46.additionalProperties.type, parentSchema: schema46.additionalProperties, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema46.type, parentSchema: schema46, data };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema48.required, parentSchema: schema48, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema48.required, parentSchema: schema48, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.platform === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "platform" }, message: "must have required property 'platform'", schema: schema48.required, parentSchema: schema48, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema48.properties, key0)) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema48, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema48.properties.kind.type, parentSchema: schema48.properties.kind, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if ("Site" !== data0) {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Site" }, message: "must be equal to constant", schema: "Site", parentSchema: schema48.properties.kind, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern25.test(data1)) {
          const err6 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/hostname/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"', schema: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", parentSchema: schema49, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.platform !== void 0) {
      let data2 = data.platform;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err8 = { instancePath: instancePath + "/platform", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/platform", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.server !== void 0) {
      let data3 = data.server;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err10 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data3 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.url !== void 0) {
      let data4 = data.url;
      if (typeof data4 === "string") {
        if (!pattern25.test(data4)) {
          const err12 = { instancePath: instancePath + "/url", schemaPath: "defs.schema.json#/definitions/hostname/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"', schema: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", parentSchema: schema49, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/url", schemaPath: "defs.schema.json#/definitions/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data4 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.aliases !== void 0) {
      let data5 = data.aliases;
      if (Array.isArray(data5)) {
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data6 = data5[i0];
          if (typeof data6 === "string") {
            if (!pattern25.test(data6)) {
              const err14 = { instancePath: instancePath + "/aliases/" + i0, schemaPath: "defs.schema.json#/definitions/hostname/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"', schema: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", parentSchema: schema49, data: data6 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/aliases/" + i0, schemaPath: "defs.schema.json#/definitions/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data6 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        let i1 = data5.length;
        let j0;
        if (i1 > 1) {
          outer0: for (; i1--; ) {
            for (j0 = i1; j0--; ) {
              if (func0(data5[i1], data5[j0])) {
                const err16 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema48.properties.aliases, data: data5 };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema48.properties.aliases.type, parentSchema: schema48.properties.aliases, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.redirectAliases !== void 0) {
      let data7 = data.redirectAliases;
      if (typeof data7 !== "boolean") {
        const err18 = { instancePath: instancePath + "/redirectAliases", schemaPath: "#/properties/redirectAliases/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema48.properties.redirectAliases.type, parentSchema: schema48.properties.redirectAliases, data: data7 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.https !== void 0) {
      if (!validate24(data.https, { instancePath: instancePath + "/https", parentData: data, parentDataProperty: "https", rootData })) {
        vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== void 0) {
      let data9 = data.status;
      if (typeof data9 !== "string") {
        const err19 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema48.properties.status.type, parentSchema: schema48.properties.status, data: data9 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
      if (!(data9 === "enabled" || data9 === "disabled" || data9 === "deleted")) {
        const err20 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema48.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema48.properties.status.enum, parentSchema: schema48.properties.status, data: data9 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.client !== void 0) {
      let data10 = data.client;
      if (typeof data10 === "string") {
        if (!pattern0.test(data10)) {
          const err21 = { instancePath: instancePath + "/client", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data10 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/client", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data10 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.profile !== void 0) {
      let data11 = data.profile;
      if (typeof data11 === "string") {
        if (!pattern0.test(data11)) {
          const err23 = { instancePath: instancePath + "/profile", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data11 };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      } else {
        const err24 = { instancePath: instancePath + "/profile", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data11 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.cron !== void 0) {
      let data12 = data.cron;
      if (typeof data12 === "string") {
        if (!pattern4.test(data12)) {
          const err25 = { instancePath: instancePath + "/cron", schemaPath: "defs.schema.json#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]*[mhdw]$" }, message: 'must match pattern "^[1-9][0-9]*[mhdw]$"', schema: "^[1-9][0-9]*[mhdw]$", parentSchema: schema19, data: data12 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/cron", schemaPath: "defs.schema.json#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.type, parentSchema: schema19, data: data12 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.backups !== void 0) {
      if (!validate26(data.backups, { instancePath: instancePath + "/backups", parentData: data, parentDataProperty: "backups", rootData })) {
        vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
        errors = vErrors.length;
      }
    }
    if (data.vars !== void 0) {
      if (!validate28(data.vars, { instancePath: instancePath + "/vars", parentData: data, parentDataProperty: "vars", rootData })) {
        vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
        errors = vErrors.length;
      }
    }
    if (data.cloneFrom !== void 0) {
      let data15 = data.cloneFrom;
      if (typeof data15 === "string") {
        if (!pattern25.test(data15)) {
          const err27 = { instancePath: instancePath + "/cloneFrom", schemaPath: "defs.schema.json#/definitions/hostname/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"', schema: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", parentSchema: schema49, data: data15 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
      } else {
        const err28 = { instancePath: instancePath + "/cloneFrom", schemaPath: "defs.schema.json#/definitions/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data15 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
  } else {
    const err29 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema48.type, parentSchema: schema48, data };
    if (vErrors === null) {
      vErrors = [err29];
    } else {
      vErrors.push(err29);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs2 = errors;
  let valid1 = true;
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.kind === void 0 && (missing0 = "kind")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    } else {
      if (data.kind !== void 0) {
        if ("Fleet" !== data.kind) {
          const err1 = {};
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      }
    }
  }
  var _valid0 = _errs3 === errors;
  errors = _errs2;
  if (vErrors !== null) {
    if (_errs2) {
      vErrors.length = _errs2;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs5 = errors;
    if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs5 === errors;
    valid1 = _valid0;
  }
  if (!valid1) {
    const err2 = { instancePath, schemaPath: "#/allOf/0/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema14.allOf[0].if, parentSchema: schema14.allOf[0], data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  const _errs7 = errors;
  let valid3 = true;
  const _errs8 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing1;
    if (data.kind === void 0 && (missing1 = "kind")) {
      const err3 = {};
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    } else {
      if (data.kind !== void 0) {
        if ("Server" !== data.kind) {
          const err4 = {};
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
  }
  var _valid1 = _errs8 === errors;
  errors = _errs7;
  if (vErrors !== null) {
    if (_errs7) {
      vErrors.length = _errs7;
    } else {
      vErrors = null;
    }
  }
  if (_valid1) {
    const _errs10 = errors;
    if (!validate15(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
      errors = vErrors.length;
    }
    var _valid1 = _errs10 === errors;
    valid3 = _valid1;
  }
  if (!valid3) {
    const err5 = { instancePath, schemaPath: "#/allOf/1/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema14.allOf[1].if, parentSchema: schema14.allOf[1], data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  const _errs12 = errors;
  let valid5 = true;
  const _errs13 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing2;
    if (data.kind === void 0 && (missing2 = "kind")) {
      const err6 = {};
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    } else {
      if (data.kind !== void 0) {
        if ("Platform" !== data.kind) {
          const err7 = {};
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
  }
  var _valid2 = _errs13 === errors;
  errors = _errs12;
  if (vErrors !== null) {
    if (_errs12) {
      vErrors.length = _errs12;
    } else {
      vErrors = null;
    }
  }
  if (_valid2) {
    const _errs15 = errors;
    if (!validate17(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
      errors = vErrors.length;
    }
    var _valid2 = _errs15 === errors;
    valid5 = _valid2;
  }
  if (!valid5) {
    const err8 = { instancePath, schemaPath: "#/allOf/2/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema14.allOf[2].if, parentSchema: schema14.allOf[2], data };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  const _errs17 = errors;
  let valid7 = true;
  const _errs18 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing3;
    if (data.kind === void 0 && (missing3 = "kind")) {
      const err9 = {};
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    } else {
      if (data.kind !== void 0) {
        if ("Site" !== data.kind) {
          const err10 = {};
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
    }
  }
  var _valid3 = _errs18 === errors;
  errors = _errs17;
  if (vErrors !== null) {
    if (_errs17) {
      vErrors.length = _errs17;
    } else {
      vErrors = null;
    }
  }
  if (_valid3) {
    const _errs20 = errors;
    if (!validate23(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
      errors = vErrors.length;
    }
    var _valid3 = _errs20 === errors;
    valid7 = _valid3;
  }
  if (!valid7) {
    const err11 = { instancePath, schemaPath: "#/allOf/3/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema14.allOf[3].if, parentSchema: schema14.allOf[3], data };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  const _errs22 = errors;
  let valid9 = true;
  const _errs23 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing4;
    if (data.kind === void 0 && (missing4 = "kind")) {
      const err12 = {};
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    } else {
      if (data.kind !== void 0) {
        if ("Client" !== data.kind) {
          const err13 = {};
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      }
    }
  }
  var _valid4 = _errs23 === errors;
  errors = _errs22;
  if (vErrors !== null) {
    if (_errs22) {
      vErrors.length = _errs22;
    } else {
      vErrors = null;
    }
  }
  if (_valid4) {
    const _errs25 = errors;
    if (!validate10(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate10.errors : vErrors.concat(validate10.errors);
      errors = vErrors.length;
    }
    var _valid4 = _errs25 === errors;
    valid9 = _valid4;
  }
  if (!valid9) {
    const err14 = { instancePath, schemaPath: "#/allOf/4/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema14.allOf[4].if, parentSchema: schema14.allOf[4], data };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err15 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema14.required, parentSchema: schema14, data };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    if (data.kind !== void 0) {
      let data5 = data.kind;
      if (typeof data5 !== "string") {
        const err16 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.kind.type, parentSchema: schema14.properties.kind, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (!(data5 === "Fleet" || data5 === "Server" || data5 === "Platform" || data5 === "Site" || data5 === "Client")) {
        const err17 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema14.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.kind.enum, parentSchema: schema14.properties.kind, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.type, parentSchema: schema14, data };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
var fleet_schema_json = validate13;
var plan_schema_json = validate32;
var schema65 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/plan.schema.json", "title": "tide plan", "description": "The JSON form of a plan (`tide plan --json` or `--out plan.json`): the operations apply will run, in order, each with its reason, target server, dependencies and blockers, plus the orphans tide leaves alone. `tide apply --plan` refuses a plan whose desired digest or state commit is stale.", "type": "object", "additionalProperties": false, "required": ["formatVersion", "fleet", "desired", "state", "operations", "orphans", "summary", "hash"], "definitions": { "action": { "type": "string", "enum": ["verify", "deploy", "install", "clone", "migrate", "rename", "disable", "enable", "delete"], "description": "What an operation does to its target." }, "target": { "type": "object", "additionalProperties": false, "required": ["kind", "name"], "description": "The object an operation or orphan concerns.", "properties": { "kind": { "type": "string", "enum": ["server", "platform", "site"], "description": "Kind of the target: server, platform or site." }, "name": { "$ref": "defs.schema.json#/definitions/targetName", "description": "Name of the target server, platform or site." } } }, "fieldChange": { "type": "object", "additionalProperties": false, "required": ["field", "from", "to"], "description": "One field that differs between what was recorded and what is desired.", "properties": { "field": { "type": "string", "minLength": 1, "description": "Dotted path of the field as named in the fleet files, such as platform, backups.keep or services.http.port." }, "from": { "description": "The recorded value, any JSON value; null when there was none." }, "to": { "description": "The desired value, any JSON value; null when the field goes away." } } }, "blocker": { "type": "object", "additionalProperties": false, "required": ["code", "message"], "description": "Why an operation cannot run; apply skips a blocked operation and every operation that depends on it.", "properties": { "code": { "type": "string", "minLength": 1, "description": "Stable machine-readable reason, for scripts and tests." }, "message": { "type": "string", "minLength": 1, "description": "One sentence for humans, naming the package, server or site at fault." } } }, "operation": { "type": "object", "additionalProperties": false, "required": ["id", "action", "target", "server", "reason", "changes", "dependsOn", "blockers", "warnings", "destructive"], "description": "One operation of the plan.", "properties": { "id": { "$ref": "defs.schema.json#/definitions/operationId", "description": "Stable id, unique within the plan: KIND/NAME/ACTION, with @SERVER for platform operations (one per server)." }, "action": { "$ref": "#/definitions/action", "description": "What the operation does: verify, deploy, install, clone, migrate, rename, disable, enable or delete." }, "target": { "$ref": "#/definitions/target", "description": "The server, platform or site the operation acts on." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "Name of the server the operation runs on; it counts against that server's concurrency limit." }, "reason": { "type": "string", "minLength": 1, "description": "One sentence for humans saying why the operation is needed." }, "changes": { "type": "array", "description": "The fields that differ between recorded and desired state; empty for a new object or a plain verify.", "items": { "$ref": "#/definitions/fieldChange", "description": "One changed field." } }, "dependsOn": { "type": "array", "uniqueItems": true, "description": "Ids of the operations that must finish first.", "items": { "$ref": "defs.schema.json#/definitions/operationId", "description": "Id of an earlier operation of this plan." } }, "blockers": { "type": "array", "description": "Why the operation cannot run; empty when it can. A blocked operation and its dependants are skipped.", "items": { "$ref": "#/definitions/blocker", "description": "One reason the operation cannot run." } }, "warnings": { "type": "array", "description": "Things worth reading before apply that do not stop the operation, such as a package version downgrade without a schema change.", "items": { "type": "string", "description": "One warning, a sentence for humans." } }, "destructive": { "type": "boolean", "description": "true when the operation removes or overwrites data (tide always takes a backup first)." }, "removes": { "type": "array", "description": "For a destructive operation, what it removes for good once its backup is taken: directories, databases and database users, named as tide derives them (never as a state record gives them).", "items": { "$ref": "#/definitions/removal", "description": "One thing removed." } } } }, "removal": { "type": "object", "additionalProperties": false, "required": ["what", "server", "name"], "description": "Something a destructive operation removes for good.", "properties": { "what": { "type": "string", "enum": ["directory", "database", "database user"], "description": "What kind of thing it is." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "The server it is on." }, "name": { "type": "string", "minLength": 1, "description": "Its path (directory) or name (database, database user)." } } }, "orphan": { "type": "object", "additionalProperties": false, "required": ["target", "server", "reason"], "description": "Something recorded that the fleet no longer describes, which tide leaves alone.", "properties": { "target": { "$ref": "#/definitions/target", "description": "The recorded server, platform or site." }, "server": { "$ref": "defs.schema.json#/definitions/nullableSlug", "description": "The server the orphan lives on, or null when that does not apply (an orphaned server, or a platform on several servers)." }, "reason": { "type": "string", "minLength": 1, "description": "One sentence for humans, such as how to delete it (status: deleted, or prune: true)." } } } }, "properties": { "formatVersion": { "type": "integer", "const": 1, "description": "Version of this JSON format; tide refuses a plan of another version." }, "fleet": { "$ref": "defs.schema.json#/definitions/slug", "description": "Name of the fleet the plan was made for." }, "desired": { "type": "object", "additionalProperties": false, "required": ["commit", "digest"], "description": "The fleet repository contents the plan was made from.", "properties": { "commit": { "$ref": "defs.schema.json#/definitions/nullableGitCommit", "description": "Commit the fleet files were read from, or null for a work tree outside git." }, "digest": { "$ref": "defs.schema.json#/definitions/sha256", "description": "SHA-256 over every loaded file's path and content; `tide apply --plan` refuses the plan when the files now differ." } } }, "state": { "type": "object", "additionalProperties": false, "required": ["branch", "commit"], "description": "The recorded state the plan was made against.", "properties": { "branch": { "$ref": "defs.schema.json#/definitions/gitBranch", "description": "Branch the state was read from, such as tide-state or origin/tide-state." }, "commit": { "$ref": "defs.schema.json#/definitions/nullableGitCommit", "description": "Tip commit of the state branch, or null when the branch does not exist yet." } } }, "operations": { "type": "array", "description": "The operations, in a deterministic order in which every operation comes after those it depends on.", "items": { "$ref": "#/definitions/operation", "description": "One operation." } }, "orphans": { "type": "array", "description": "Recorded objects the fleet no longer describes; tide reports them and leaves them alone.", "items": { "$ref": "#/definitions/orphan", "description": "One orphan." } }, "summary": { "type": "object", "additionalProperties": false, "required": ["operations", "byAction", "blocked", "orphans"], "description": "Counts for a one-line summary.", "properties": { "operations": { "type": "integer", "minimum": 0, "description": "Number of operations." }, "byAction": { "type": "object", "additionalProperties": false, "description": "Number of operations per action; actions with none may be absent.", "properties": { "verify": { "type": "integer", "minimum": 0, "description": "Number of verify operations." }, "deploy": { "type": "integer", "minimum": 0, "description": "Number of deploy operations." }, "install": { "type": "integer", "minimum": 0, "description": "Number of install operations." }, "clone": { "type": "integer", "minimum": 0, "description": "Number of clone operations." }, "migrate": { "type": "integer", "minimum": 0, "description": "Number of migrate operations." }, "rename": { "type": "integer", "minimum": 0, "description": "Number of rename operations." }, "disable": { "type": "integer", "minimum": 0, "description": "Number of disable operations." }, "enable": { "type": "integer", "minimum": 0, "description": "Number of enable operations." }, "delete": { "type": "integer", "minimum": 0, "description": "Number of delete operations." } } }, "blocked": { "type": "integer", "minimum": 0, "description": "Number of blocked operations (see each operation's blockers)." }, "orphans": { "type": "integer", "minimum": 0, "description": "Number of orphans." } } }, "hash": { "$ref": "defs.schema.json#/definitions/sha256", "description": "SHA-256 over operations and orphans: two plans with the same hash do the same work." } } };
var schema67 = { "type": ["string", "null"], "pattern": "^(?:[0-9a-f]{40}|[0-9a-f]{64})$", "description": "null or a full git commit id (40 lower-case hex digits, or 64 in a SHA-256 repository)" };
var schema68 = { "type": "string", "pattern": "^[0-9a-f]{64}$", "description": "a SHA-256 digest written as 64 lower-case hex digits" };
var pattern39 = new RegExp("^(?:[0-9a-f]{40}|[0-9a-f]{64})$", "u");
var pattern40 = new RegExp("^[0-9a-f]{64}$", "u");
var schema71 = { "type": "object", "additionalProperties": false, "required": ["id", "action", "target", "server", "reason", "changes", "dependsOn", "blockers", "warnings", "destructive"], "description": "One operation of the plan.", "properties": { "id": { "$ref": "defs.schema.json#/definitions/operationId", "description": "Stable id, unique within the plan: KIND/NAME/ACTION, with @SERVER for platform operations (one per server)." }, "action": { "$ref": "#/definitions/action", "description": "What the operation does: verify, deploy, install, clone, migrate, rename, disable, enable or delete." }, "target": { "$ref": "#/definitions/target", "description": "The server, platform or site the operation acts on." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "Name of the server the operation runs on; it counts against that server's concurrency limit." }, "reason": { "type": "string", "minLength": 1, "description": "One sentence for humans saying why the operation is needed." }, "changes": { "type": "array", "description": "The fields that differ between recorded and desired state; empty for a new object or a plain verify.", "items": { "$ref": "#/definitions/fieldChange", "description": "One changed field." } }, "dependsOn": { "type": "array", "uniqueItems": true, "description": "Ids of the operations that must finish first.", "items": { "$ref": "defs.schema.json#/definitions/operationId", "description": "Id of an earlier operation of this plan." } }, "blockers": { "type": "array", "description": "Why the operation cannot run; empty when it can. A blocked operation and its dependants are skipped.", "items": { "$ref": "#/definitions/blocker", "description": "One reason the operation cannot run." } }, "warnings": { "type": "array", "description": "Things worth reading before apply that do not stop the operation, such as a package version downgrade without a schema change.", "items": { "type": "string", "description": "One warning, a sentence for humans." } }, "destructive": { "type": "boolean", "description": "true when the operation removes or overwrites data (tide always takes a backup first)." }, "removes": { "type": "array", "description": "For a destructive operation, what it removes for good once its backup is taken: directories, databases and database users, named as tide derives them (never as a state record gives them).", "items": { "$ref": "#/definitions/removal", "description": "One thing removed." } } } };
var schema72 = { "type": "string", "pattern": "^(?:server|platform|site)/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/[a-z]+(?:@[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)?$", "description": "an operation id of the form KIND/NAME/ACTION or KIND/NAME/ACTION@SERVER, such as site/blog.example.com/install or platform/notes-2.0/deploy@web1" };
var schema73 = { "type": "string", "enum": ["verify", "deploy", "install", "clone", "migrate", "rename", "disable", "enable", "delete"], "description": "What an operation does to its target." };
var schema77 = { "type": "object", "additionalProperties": false, "required": ["field", "from", "to"], "description": "One field that differs between what was recorded and what is desired.", "properties": { "field": { "type": "string", "minLength": 1, "description": "Dotted path of the field as named in the fleet files, such as platform, backups.keep or services.http.port." }, "from": { "description": "The recorded value, any JSON value; null when there was none." }, "to": { "description": "The desired value, any JSON value; null when the field goes away." } } };
var schema79 = { "type": "object", "additionalProperties": false, "required": ["code", "message"], "description": "Why an operation cannot run; apply skips a blocked operation and every operation that depends on it.", "properties": { "code": { "type": "string", "minLength": 1, "description": "Stable machine-readable reason, for scripts and tests." }, "message": { "type": "string", "minLength": 1, "description": "One sentence for humans, naming the package, server or site at fault." } } };
var pattern43 = new RegExp("^(?:server|platform|site)/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/[a-z]+(?:@[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)?$", "u");
var schema74 = { "type": "object", "additionalProperties": false, "required": ["kind", "name"], "description": "The object an operation or orphan concerns.", "properties": { "kind": { "type": "string", "enum": ["server", "platform", "site"], "description": "Kind of the target: server, platform or site." }, "name": { "$ref": "defs.schema.json#/definitions/targetName", "description": "Name of the target server, platform or site." } } };
var schema75 = { "type": "string", "pattern": "^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$", "description": "a server, platform or site name (lower-case letters, digits, '.', '_' or '-', starting and ending with a letter or digit)" };
var pattern44 = new RegExp("^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$", "u");
function validate34(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema74.required, parentSchema: schema74, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema74.required, parentSchema: schema74, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "name")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema74, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err3 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema74.properties.kind.type, parentSchema: schema74.properties.kind, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (!(data0 === "server" || data0 === "platform" || data0 === "site")) {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema74.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema74.properties.kind.enum, parentSchema: schema74.properties.kind, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern44.test(data1)) {
          const err5 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/targetName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$", parentSchema: schema75, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/targetName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema75.type, parentSchema: schema75, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema74.type, parentSchema: schema74, data };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate34.errors = vErrors;
  return errors === 0;
}
var schema80 = { "type": "object", "additionalProperties": false, "required": ["what", "server", "name"], "description": "Something a destructive operation removes for good.", "properties": { "what": { "type": "string", "enum": ["directory", "database", "database user"], "description": "What kind of thing it is." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "The server it is on." }, "name": { "type": "string", "minLength": 1, "description": "Its path (directory) or name (database, database user)." } } };
function validate36(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.what === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "what" }, message: "must have required property 'what'", schema: schema80.required, parentSchema: schema80, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.server === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "server" }, message: "must have required property 'server'", schema: schema80.required, parentSchema: schema80, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema80.required, parentSchema: schema80, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "what" || key0 === "server" || key0 === "name")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema80, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.what !== void 0) {
      let data0 = data.what;
      if (typeof data0 !== "string") {
        const err4 = { instancePath: instancePath + "/what", schemaPath: "#/properties/what/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema80.properties.what.type, parentSchema: schema80.properties.what, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (!(data0 === "directory" || data0 === "database" || data0 === "database user")) {
        const err5 = { instancePath: instancePath + "/what", schemaPath: "#/properties/what/enum", keyword: "enum", params: { allowedValues: schema80.properties.what.enum }, message: "must be equal to one of the allowed values", schema: schema80.properties.what.enum, parentSchema: schema80.properties.what, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.server !== void 0) {
      let data1 = data.server;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err6 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data2 = data.name;
      if (typeof data2 === "string") {
        if (func3(data2) < 1) {
          const err8 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema80.properties.name, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema80.properties.name.type, parentSchema: schema80.properties.name, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema80.type, parentSchema: schema80, data };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate36.errors = vErrors;
  return errors === 0;
}
function validate33(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.target === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.server === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "server" }, message: "must have required property 'server'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.reason === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.changes === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "changes" }, message: "must have required property 'changes'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.dependsOn === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "dependsOn" }, message: "must have required property 'dependsOn'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.blockers === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "blockers" }, message: "must have required property 'blockers'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.warnings === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "warnings" }, message: "must have required property 'warnings'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.destructive === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "destructive" }, message: "must have required property 'destructive'", schema: schema71.required, parentSchema: schema71, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema71.properties, key0)) {
        const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema71, data };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern43.test(data0)) {
          const err11 = { instancePath: instancePath + "/id", schemaPath: "defs.schema.json#/definitions/operationId/pattern", keyword: "pattern", params: { pattern: "^(?:server|platform|site)/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/[a-z]+(?:@[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)?$" }, message: 'must match pattern "^(?:server|platform|site)/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/[a-z]+(?:@[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)?$"', schema: "^(?:server|platform|site)/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/[a-z]+(?:@[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)?$", parentSchema: schema72, data: data0 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/id", schemaPath: "defs.schema.json#/definitions/operationId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema72.type, parentSchema: schema72, data: data0 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data1 = data.action;
      if (typeof data1 !== "string") {
        const err13 = { instancePath: instancePath + "/action", schemaPath: "#/definitions/action/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema73.type, parentSchema: schema73, data: data1 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      if (!(data1 === "verify" || data1 === "deploy" || data1 === "install" || data1 === "clone" || data1 === "migrate" || data1 === "rename" || data1 === "disable" || data1 === "enable" || data1 === "delete")) {
        const err14 = { instancePath: instancePath + "/action", schemaPath: "#/definitions/action/enum", keyword: "enum", params: { allowedValues: schema73.enum }, message: "must be equal to one of the allowed values", schema: schema73.enum, parentSchema: schema73, data: data1 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      if (!validate34(data.target, { instancePath: instancePath + "/target", parentData: data, parentDataProperty: "target", rootData })) {
        vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
        errors = vErrors.length;
      }
    }
    if (data.server !== void 0) {
      let data3 = data.server;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err15 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data3 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data3 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data4 = data.reason;
      if (typeof data4 === "string") {
        if (func3(data4) < 1) {
          const err17 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema71.properties.reason, data: data4 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema71.properties.reason.type, parentSchema: schema71.properties.reason, data: data4 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.changes !== void 0) {
      let data5 = data.changes;
      if (Array.isArray(data5)) {
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data6 = data5[i0];
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            if (data6.field === void 0) {
              const err19 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/definitions/fieldChange/required", keyword: "required", params: { missingProperty: "field" }, message: "must have required property 'field'", schema: schema77.required, parentSchema: schema77, data: data6 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
            if (data6.from === void 0) {
              const err20 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/definitions/fieldChange/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property 'from'", schema: schema77.required, parentSchema: schema77, data: data6 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
            if (data6.to === void 0) {
              const err21 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/definitions/fieldChange/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property 'to'", schema: schema77.required, parentSchema: schema77, data: data6 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
            for (const key1 in data6) {
              if (!(key1 === "field" || key1 === "from" || key1 === "to")) {
                const err22 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/definitions/fieldChange/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema77, data: data6 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data6.field !== void 0) {
              let data7 = data6.field;
              if (typeof data7 === "string") {
                if (func3(data7) < 1) {
                  const err23 = { instancePath: instancePath + "/changes/" + i0 + "/field", schemaPath: "#/definitions/fieldChange/properties/field/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema77.properties.field, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/changes/" + i0 + "/field", schemaPath: "#/definitions/fieldChange/properties/field/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema77.properties.field.type, parentSchema: schema77.properties.field, data: data7 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
          } else {
            const err25 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/definitions/fieldChange/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema77.type, parentSchema: schema77, data: data6 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
      } else {
        const err26 = { instancePath: instancePath + "/changes", schemaPath: "#/properties/changes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema71.properties.changes.type, parentSchema: schema71.properties.changes, data: data5 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.dependsOn !== void 0) {
      let data8 = data.dependsOn;
      if (Array.isArray(data8)) {
        const len1 = data8.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data9 = data8[i1];
          if (typeof data9 === "string") {
            if (!pattern43.test(data9)) {
              const err27 = { instancePath: instancePath + "/dependsOn/" + i1, schemaPath: "defs.schema.json#/definitions/operationId/pattern", keyword: "pattern", params: { pattern: "^(?:server|platform|site)/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/[a-z]+(?:@[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)?$" }, message: 'must match pattern "^(?:server|platform|site)/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/[a-z]+(?:@[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)?$"', schema: "^(?:server|platform|site)/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/[a-z]+(?:@[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)?$", parentSchema: schema72, data: data9 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/dependsOn/" + i1, schemaPath: "defs.schema.json#/definitions/operationId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema72.type, parentSchema: schema72, data: data9 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        let i2 = data8.length;
        let j0;
        if (i2 > 1) {
          outer0: for (; i2--; ) {
            for (j0 = i2; j0--; ) {
              if (func0(data8[i2], data8[j0])) {
                const err29 = { instancePath: instancePath + "/dependsOn", schemaPath: "#/properties/dependsOn/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)", schema: true, parentSchema: schema71.properties.dependsOn, data: data8 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/dependsOn", schemaPath: "#/properties/dependsOn/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema71.properties.dependsOn.type, parentSchema: schema71.properties.dependsOn, data: data8 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.blockers !== void 0) {
      let data10 = data.blockers;
      if (Array.isArray(data10)) {
        const len2 = data10.length;
        for (let i3 = 0; i3 < len2; i3++) {
          let data11 = data10[i3];
          if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
            if (data11.code === void 0) {
              const err31 = { instancePath: instancePath + "/blockers/" + i3, schemaPath: "#/definitions/blocker/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'", schema: schema79.required, parentSchema: schema79, data: data11 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
            if (data11.message === void 0) {
              const err32 = { instancePath: instancePath + "/blockers/" + i3, schemaPath: "#/definitions/blocker/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema79.required, parentSchema: schema79, data: data11 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
            for (const key2 in data11) {
              if (!(key2 === "code" || key2 === "message")) {
                const err33 = { instancePath: instancePath + "/blockers/" + i3, schemaPath: "#/definitions/blocker/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema79, data: data11 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data11.code !== void 0) {
              let data12 = data11.code;
              if (typeof data12 === "string") {
                if (func3(data12) < 1) {
                  const err34 = { instancePath: instancePath + "/blockers/" + i3 + "/code", schemaPath: "#/definitions/blocker/properties/code/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema79.properties.code, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              } else {
                const err35 = { instancePath: instancePath + "/blockers/" + i3 + "/code", schemaPath: "#/definitions/blocker/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema79.properties.code.type, parentSchema: schema79.properties.code, data: data12 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
            if (data11.message !== void 0) {
              let data13 = data11.message;
              if (typeof data13 === "string") {
                if (func3(data13) < 1) {
                  const err36 = { instancePath: instancePath + "/blockers/" + i3 + "/message", schemaPath: "#/definitions/blocker/properties/message/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema79.properties.message, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
              } else {
                const err37 = { instancePath: instancePath + "/blockers/" + i3 + "/message", schemaPath: "#/definitions/blocker/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema79.properties.message.type, parentSchema: schema79.properties.message, data: data13 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
            }
          } else {
            const err38 = { instancePath: instancePath + "/blockers/" + i3, schemaPath: "#/definitions/blocker/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema79.type, parentSchema: schema79, data: data11 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      } else {
        const err39 = { instancePath: instancePath + "/blockers", schemaPath: "#/properties/blockers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema71.properties.blockers.type, parentSchema: schema71.properties.blockers, data: data10 };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.warnings !== void 0) {
      let data14 = data.warnings;
      if (Array.isArray(data14)) {
        const len3 = data14.length;
        for (let i4 = 0; i4 < len3; i4++) {
          let data15 = data14[i4];
          if (typeof data15 !== "string") {
            const err40 = { instancePath: instancePath + "/warnings/" + i4, schemaPath: "#/properties/warnings/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema71.properties.warnings.items.type, parentSchema: schema71.properties.warnings.items, data: data15 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
      } else {
        const err41 = { instancePath: instancePath + "/warnings", schemaPath: "#/properties/warnings/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema71.properties.warnings.type, parentSchema: schema71.properties.warnings, data: data14 };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.destructive !== void 0) {
      let data16 = data.destructive;
      if (typeof data16 !== "boolean") {
        const err42 = { instancePath: instancePath + "/destructive", schemaPath: "#/properties/destructive/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema71.properties.destructive.type, parentSchema: schema71.properties.destructive, data: data16 };
        if (vErrors === null) {
          vErrors = [err42];
        } else {
          vErrors.push(err42);
        }
        errors++;
      }
    }
    if (data.removes !== void 0) {
      let data17 = data.removes;
      if (Array.isArray(data17)) {
        const len4 = data17.length;
        for (let i5 = 0; i5 < len4; i5++) {
          if (!validate36(data17[i5], { instancePath: instancePath + "/removes/" + i5, parentData: data17, parentDataProperty: i5, rootData })) {
            vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err43 = { instancePath: instancePath + "/removes", schemaPath: "#/properties/removes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema71.properties.removes.type, parentSchema: schema71.properties.removes, data: data17 };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
    }
  } else {
    const err44 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema71.type, parentSchema: schema71, data };
    if (vErrors === null) {
      vErrors = [err44];
    } else {
      vErrors.push(err44);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
var schema82 = { "type": "object", "additionalProperties": false, "required": ["target", "server", "reason"], "description": "Something recorded that the fleet no longer describes, which tide leaves alone.", "properties": { "target": { "$ref": "#/definitions/target", "description": "The recorded server, platform or site." }, "server": { "$ref": "defs.schema.json#/definitions/nullableSlug", "description": "The server the orphan lives on, or null when that does not apply (an orphaned server, or a platform on several servers)." }, "reason": { "type": "string", "minLength": 1, "description": "One sentence for humans, such as how to delete it (status: deleted, or prune: true)." } } };
var schema83 = { "type": ["string", "null"], "pattern": "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", "description": "null or a lower-case name of up to 64 letters, digits, '.', '_' or '-' that starts and ends with a letter or digit" };
function validate39(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.target === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'", schema: schema82.required, parentSchema: schema82, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.server === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "server" }, message: "must have required property 'server'", schema: schema82.required, parentSchema: schema82, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.reason === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema82.required, parentSchema: schema82, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "target" || key0 === "server" || key0 === "reason")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema82, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      if (!validate34(data.target, { instancePath: instancePath + "/target", parentData: data, parentDataProperty: "target", rootData })) {
        vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
        errors = vErrors.length;
      }
    }
    if (data.server !== void 0) {
      let data1 = data.server;
      if (typeof data1 !== "string" && data1 !== null) {
        const err4 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/nullableSlug/type", keyword: "type", params: { type: schema83.type }, message: "must be string,null", schema: schema83.type, parentSchema: schema83, data: data1 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err5 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/nullableSlug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema83, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data.reason !== void 0) {
      let data2 = data.reason;
      if (typeof data2 === "string") {
        if (func3(data2) < 1) {
          const err6 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema82.properties.reason, data: data2 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema82.properties.reason.type, parentSchema: schema82.properties.reason, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema82.type, parentSchema: schema82, data };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate39.errors = vErrors;
  return errors === 0;
}
function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.formatVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "formatVersion" }, message: "must have required property 'formatVersion'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.fleet === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "fleet" }, message: "must have required property 'fleet'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.desired === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "desired" }, message: "must have required property 'desired'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.state === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "state" }, message: "must have required property 'state'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.operations === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "operations" }, message: "must have required property 'operations'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.orphans === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "orphans" }, message: "must have required property 'orphans'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.summary === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "summary" }, message: "must have required property 'summary'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.hash === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "hash" }, message: "must have required property 'hash'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "formatVersion" || key0 === "fleet" || key0 === "desired" || key0 === "state" || key0 === "operations" || key0 === "orphans" || key0 === "summary" || key0 === "hash")) {
        const err8 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema65, data };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.formatVersion !== void 0) {
      let data0 = data.formatVersion;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err9 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.formatVersion.type, parentSchema: schema65.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (1 !== data0) {
        const err10 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema65.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.fleet !== void 0) {
      let data1 = data.fleet;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err11 = { instancePath: instancePath + "/fleet", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data1 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/fleet", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data1 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.desired !== void 0) {
      let data2 = data.desired;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.commit === void 0) {
          const err13 = { instancePath: instancePath + "/desired", schemaPath: "#/properties/desired/required", keyword: "required", params: { missingProperty: "commit" }, message: "must have required property 'commit'", schema: schema65.properties.desired.required, parentSchema: schema65.properties.desired, data: data2 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (data2.digest === void 0) {
          const err14 = { instancePath: instancePath + "/desired", schemaPath: "#/properties/desired/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema65.properties.desired.required, parentSchema: schema65.properties.desired, data: data2 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        for (const key1 in data2) {
          if (!(key1 === "commit" || key1 === "digest")) {
            const err15 = { instancePath: instancePath + "/desired", schemaPath: "#/properties/desired/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema65.properties.desired, data: data2 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data2.commit !== void 0) {
          let data3 = data2.commit;
          if (typeof data3 !== "string" && data3 !== null) {
            const err16 = { instancePath: instancePath + "/desired/commit", schemaPath: "defs.schema.json#/definitions/nullableGitCommit/type", keyword: "type", params: { type: schema67.type }, message: "must be string,null", schema: schema67.type, parentSchema: schema67, data: data3 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
          if (typeof data3 === "string") {
            if (!pattern39.test(data3)) {
              const err17 = { instancePath: instancePath + "/desired/commit", schemaPath: "defs.schema.json#/definitions/nullableGitCommit/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9a-f]{40}|[0-9a-f]{64})$" }, message: 'must match pattern "^(?:[0-9a-f]{40}|[0-9a-f]{64})$"', schema: "^(?:[0-9a-f]{40}|[0-9a-f]{64})$", parentSchema: schema67, data: data3 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          }
        }
        if (data2.digest !== void 0) {
          let data4 = data2.digest;
          if (typeof data4 === "string") {
            if (!pattern40.test(data4)) {
              const err18 = { instancePath: instancePath + "/desired/digest", schemaPath: "defs.schema.json#/definitions/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema68, data: data4 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/desired/digest", schemaPath: "defs.schema.json#/definitions/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema68.type, parentSchema: schema68, data: data4 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/desired", schemaPath: "#/properties/desired/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.properties.desired.type, parentSchema: schema65.properties.desired, data: data2 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.state !== void 0) {
      let data5 = data.state;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.branch === void 0) {
          const err21 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/required", keyword: "required", params: { missingProperty: "branch" }, message: "must have required property 'branch'", schema: schema65.properties.state.required, parentSchema: schema65.properties.state, data: data5 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (data5.commit === void 0) {
          const err22 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/required", keyword: "required", params: { missingProperty: "commit" }, message: "must have required property 'commit'", schema: schema65.properties.state.required, parentSchema: schema65.properties.state, data: data5 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        for (const key2 in data5) {
          if (!(key2 === "branch" || key2 === "commit")) {
            const err23 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema65.properties.state, data: data5 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data5.branch !== void 0) {
          let data6 = data5.branch;
          if (typeof data6 === "string") {
            if (!pattern3.test(data6)) {
              const err24 = { instancePath: instancePath + "/state/branch", schemaPath: "defs.schema.json#/definitions/gitBranch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._/-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._/-]*$"', schema: "^[A-Za-z0-9][A-Za-z0-9._/-]*$", parentSchema: schema18, data: data6 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          } else {
            const err25 = { instancePath: instancePath + "/state/branch", schemaPath: "defs.schema.json#/definitions/gitBranch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.type, parentSchema: schema18, data: data6 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data5.commit !== void 0) {
          let data7 = data5.commit;
          if (typeof data7 !== "string" && data7 !== null) {
            const err26 = { instancePath: instancePath + "/state/commit", schemaPath: "defs.schema.json#/definitions/nullableGitCommit/type", keyword: "type", params: { type: schema67.type }, message: "must be string,null", schema: schema67.type, parentSchema: schema67, data: data7 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
          if (typeof data7 === "string") {
            if (!pattern39.test(data7)) {
              const err27 = { instancePath: instancePath + "/state/commit", schemaPath: "defs.schema.json#/definitions/nullableGitCommit/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9a-f]{40}|[0-9a-f]{64})$" }, message: 'must match pattern "^(?:[0-9a-f]{40}|[0-9a-f]{64})$"', schema: "^(?:[0-9a-f]{40}|[0-9a-f]{64})$", parentSchema: schema67, data: data7 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.properties.state.type, parentSchema: schema65.properties.state, data: data5 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.operations !== void 0) {
      let data8 = data.operations;
      if (Array.isArray(data8)) {
        const len0 = data8.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate33(data8[i0], { instancePath: instancePath + "/operations/" + i0, parentData: data8, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err29 = { instancePath: instancePath + "/operations", schemaPath: "#/properties/operations/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema65.properties.operations.type, parentSchema: schema65.properties.operations, data: data8 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.orphans !== void 0) {
      let data10 = data.orphans;
      if (Array.isArray(data10)) {
        const len1 = data10.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate39(data10[i1], { instancePath: instancePath + "/orphans/" + i1, parentData: data10, parentDataProperty: i1, rootData })) {
            vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/orphans", schemaPath: "#/properties/orphans/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema65.properties.orphans.type, parentSchema: schema65.properties.orphans, data: data10 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.summary !== void 0) {
      let data12 = data.summary;
      if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
        if (data12.operations === void 0) {
          const err31 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "operations" }, message: "must have required property 'operations'", schema: schema65.properties.summary.required, parentSchema: schema65.properties.summary, data: data12 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
        if (data12.byAction === void 0) {
          const err32 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "byAction" }, message: "must have required property 'byAction'", schema: schema65.properties.summary.required, parentSchema: schema65.properties.summary, data: data12 };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
        if (data12.blocked === void 0) {
          const err33 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "blocked" }, message: "must have required property 'blocked'", schema: schema65.properties.summary.required, parentSchema: schema65.properties.summary, data: data12 };
          if (vErrors === null) {
            vErrors = [err33];
          } else {
            vErrors.push(err33);
          }
          errors++;
        }
        if (data12.orphans === void 0) {
          const err34 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "orphans" }, message: "must have required property 'orphans'", schema: schema65.properties.summary.required, parentSchema: schema65.properties.summary, data: data12 };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
        for (const key3 in data12) {
          if (!(key3 === "operations" || key3 === "byAction" || key3 === "blocked" || key3 === "orphans")) {
            const err35 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema65.properties.summary, data: data12 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
        if (data12.operations !== void 0) {
          let data13 = data12.operations;
          if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
            const err36 = { instancePath: instancePath + "/summary/operations", schemaPath: "#/properties/summary/properties/operations/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.operations.type, parentSchema: schema65.properties.summary.properties.operations, data: data13 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
          if (typeof data13 == "number" && isFinite(data13)) {
            if (data13 < 0 || isNaN(data13)) {
              const err37 = { instancePath: instancePath + "/summary/operations", schemaPath: "#/properties/summary/properties/operations/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.operations, data: data13 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          }
        }
        if (data12.byAction !== void 0) {
          let data14 = data12.byAction;
          if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
            for (const key4 in data14) {
              if (!func2.call(schema65.properties.summary.properties.byAction.properties, key4)) {
                const err38 = { instancePath: instancePath + "/summary/byAction", schemaPath: "#/properties/summary/properties/byAction/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema65.properties.summary.properties.byAction, data: data14 };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              }
            }
            if (data14.verify !== void 0) {
              let data15 = data14.verify;
              if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
                const err39 = { instancePath: instancePath + "/summary/byAction/verify", schemaPath: "#/properties/summary/properties/byAction/properties/verify/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.verify.type, parentSchema: schema65.properties.summary.properties.byAction.properties.verify, data: data15 };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
              if (typeof data15 == "number" && isFinite(data15)) {
                if (data15 < 0 || isNaN(data15)) {
                  const err40 = { instancePath: instancePath + "/summary/byAction/verify", schemaPath: "#/properties/summary/properties/byAction/properties/verify/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.verify, data: data15 };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                }
              }
            }
            if (data14.deploy !== void 0) {
              let data16 = data14.deploy;
              if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
                const err41 = { instancePath: instancePath + "/summary/byAction/deploy", schemaPath: "#/properties/summary/properties/byAction/properties/deploy/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.deploy.type, parentSchema: schema65.properties.summary.properties.byAction.properties.deploy, data: data16 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
              if (typeof data16 == "number" && isFinite(data16)) {
                if (data16 < 0 || isNaN(data16)) {
                  const err42 = { instancePath: instancePath + "/summary/byAction/deploy", schemaPath: "#/properties/summary/properties/byAction/properties/deploy/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.deploy, data: data16 };
                  if (vErrors === null) {
                    vErrors = [err42];
                  } else {
                    vErrors.push(err42);
                  }
                  errors++;
                }
              }
            }
            if (data14.install !== void 0) {
              let data17 = data14.install;
              if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
                const err43 = { instancePath: instancePath + "/summary/byAction/install", schemaPath: "#/properties/summary/properties/byAction/properties/install/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.install.type, parentSchema: schema65.properties.summary.properties.byAction.properties.install, data: data17 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
              if (typeof data17 == "number" && isFinite(data17)) {
                if (data17 < 0 || isNaN(data17)) {
                  const err44 = { instancePath: instancePath + "/summary/byAction/install", schemaPath: "#/properties/summary/properties/byAction/properties/install/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.install, data: data17 };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
              }
            }
            if (data14.clone !== void 0) {
              let data18 = data14.clone;
              if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
                const err45 = { instancePath: instancePath + "/summary/byAction/clone", schemaPath: "#/properties/summary/properties/byAction/properties/clone/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.clone.type, parentSchema: schema65.properties.summary.properties.byAction.properties.clone, data: data18 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
              if (typeof data18 == "number" && isFinite(data18)) {
                if (data18 < 0 || isNaN(data18)) {
                  const err46 = { instancePath: instancePath + "/summary/byAction/clone", schemaPath: "#/properties/summary/properties/byAction/properties/clone/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.clone, data: data18 };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              }
            }
            if (data14.migrate !== void 0) {
              let data19 = data14.migrate;
              if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
                const err47 = { instancePath: instancePath + "/summary/byAction/migrate", schemaPath: "#/properties/summary/properties/byAction/properties/migrate/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.migrate.type, parentSchema: schema65.properties.summary.properties.byAction.properties.migrate, data: data19 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
              if (typeof data19 == "number" && isFinite(data19)) {
                if (data19 < 0 || isNaN(data19)) {
                  const err48 = { instancePath: instancePath + "/summary/byAction/migrate", schemaPath: "#/properties/summary/properties/byAction/properties/migrate/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.migrate, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
              }
            }
            if (data14.rename !== void 0) {
              let data20 = data14.rename;
              if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
                const err49 = { instancePath: instancePath + "/summary/byAction/rename", schemaPath: "#/properties/summary/properties/byAction/properties/rename/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.rename.type, parentSchema: schema65.properties.summary.properties.byAction.properties.rename, data: data20 };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
              if (typeof data20 == "number" && isFinite(data20)) {
                if (data20 < 0 || isNaN(data20)) {
                  const err50 = { instancePath: instancePath + "/summary/byAction/rename", schemaPath: "#/properties/summary/properties/byAction/properties/rename/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.rename, data: data20 };
                  if (vErrors === null) {
                    vErrors = [err50];
                  } else {
                    vErrors.push(err50);
                  }
                  errors++;
                }
              }
            }
            if (data14.disable !== void 0) {
              let data21 = data14.disable;
              if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
                const err51 = { instancePath: instancePath + "/summary/byAction/disable", schemaPath: "#/properties/summary/properties/byAction/properties/disable/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.disable.type, parentSchema: schema65.properties.summary.properties.byAction.properties.disable, data: data21 };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
              if (typeof data21 == "number" && isFinite(data21)) {
                if (data21 < 0 || isNaN(data21)) {
                  const err52 = { instancePath: instancePath + "/summary/byAction/disable", schemaPath: "#/properties/summary/properties/byAction/properties/disable/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.disable, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err52];
                  } else {
                    vErrors.push(err52);
                  }
                  errors++;
                }
              }
            }
            if (data14.enable !== void 0) {
              let data22 = data14.enable;
              if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
                const err53 = { instancePath: instancePath + "/summary/byAction/enable", schemaPath: "#/properties/summary/properties/byAction/properties/enable/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.enable.type, parentSchema: schema65.properties.summary.properties.byAction.properties.enable, data: data22 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
              if (typeof data22 == "number" && isFinite(data22)) {
                if (data22 < 0 || isNaN(data22)) {
                  const err54 = { instancePath: instancePath + "/summary/byAction/enable", schemaPath: "#/properties/summary/properties/byAction/properties/enable/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.enable, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err54];
                  } else {
                    vErrors.push(err54);
                  }
                  errors++;
                }
              }
            }
            if (data14.delete !== void 0) {
              let data23 = data14.delete;
              if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
                const err55 = { instancePath: instancePath + "/summary/byAction/delete", schemaPath: "#/properties/summary/properties/byAction/properties/delete/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.byAction.properties.delete.type, parentSchema: schema65.properties.summary.properties.byAction.properties.delete, data: data23 };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
              if (typeof data23 == "number" && isFinite(data23)) {
                if (data23 < 0 || isNaN(data23)) {
                  const err56 = { instancePath: instancePath + "/summary/byAction/delete", schemaPath: "#/properties/summary/properties/byAction/properties/delete/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.byAction.properties.delete, data: data23 };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err57 = { instancePath: instancePath + "/summary/byAction", schemaPath: "#/properties/summary/properties/byAction/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.properties.summary.properties.byAction.type, parentSchema: schema65.properties.summary.properties.byAction, data: data14 };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors++;
          }
        }
        if (data12.blocked !== void 0) {
          let data24 = data12.blocked;
          if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)) && isFinite(data24))) {
            const err58 = { instancePath: instancePath + "/summary/blocked", schemaPath: "#/properties/summary/properties/blocked/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.blocked.type, parentSchema: schema65.properties.summary.properties.blocked, data: data24 };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
          if (typeof data24 == "number" && isFinite(data24)) {
            if (data24 < 0 || isNaN(data24)) {
              const err59 = { instancePath: instancePath + "/summary/blocked", schemaPath: "#/properties/summary/properties/blocked/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.blocked, data: data24 };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors++;
            }
          }
        }
        if (data12.orphans !== void 0) {
          let data25 = data12.orphans;
          if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
            const err60 = { instancePath: instancePath + "/summary/orphans", schemaPath: "#/properties/summary/properties/orphans/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema65.properties.summary.properties.orphans.type, parentSchema: schema65.properties.summary.properties.orphans, data: data25 };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
          if (typeof data25 == "number" && isFinite(data25)) {
            if (data25 < 0 || isNaN(data25)) {
              const err61 = { instancePath: instancePath + "/summary/orphans", schemaPath: "#/properties/summary/properties/orphans/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema65.properties.summary.properties.orphans, data: data25 };
              if (vErrors === null) {
                vErrors = [err61];
              } else {
                vErrors.push(err61);
              }
              errors++;
            }
          }
        }
      } else {
        const err62 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.properties.summary.type, parentSchema: schema65.properties.summary, data: data12 };
        if (vErrors === null) {
          vErrors = [err62];
        } else {
          vErrors.push(err62);
        }
        errors++;
      }
    }
    if (data.hash !== void 0) {
      let data26 = data.hash;
      if (typeof data26 === "string") {
        if (!pattern40.test(data26)) {
          const err63 = { instancePath: instancePath + "/hash", schemaPath: "defs.schema.json#/definitions/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema68, data: data26 };
          if (vErrors === null) {
            vErrors = [err63];
          } else {
            vErrors.push(err63);
          }
          errors++;
        }
      } else {
        const err64 = { instancePath: instancePath + "/hash", schemaPath: "defs.schema.json#/definitions/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema68.type, parentSchema: schema68, data: data26 };
        if (vErrors === null) {
          vErrors = [err64];
        } else {
          vErrors.push(err64);
        }
        errors++;
      }
    }
  } else {
    const err65 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.type, parentSchema: schema65, data };
    if (vErrors === null) {
      vErrors = [err65];
    } else {
      vErrors.push(err65);
    }
    errors++;
  }
  validate32.errors = vErrors;
  return errors === 0;
}
var platform_schema_json = validate17;
var server_schema_json = validate15;
var site_schema_json = validate23;
var state_deleted_site_schema_json = validate42;
var schema85 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/state-deleted-site.schema.json", "title": "tide deleted site", "description": "state/deleted-sites/NAME.json on the state branch: what tide keeps of a deleted site, so its backups stay listed (tide backups) and it can be brought back (tide restore). Removed when the site is restored. Written by tide; not edited by hand.", "type": "object", "additionalProperties": false, "required": ["formatVersion", "name", "platform", "server", "deletedAt", "backups"], "properties": { "formatVersion": { "type": "integer", "const": 1, "description": "Version of the state file format." }, "name": { "$ref": "defs.schema.json#/definitions/hostname", "description": "The site's name (also the file's name)." }, "platform": { "$ref": "defs.schema.json#/definitions/slug", "description": "Platform the site ran on when it was deleted." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "Server the site lived on when it was deleted." }, "deletedAt": { "$ref": "defs.schema.json#/definitions/timestamp", "description": "When the delete finished." }, "backups": { "$ref": "state-site.schema.json#/properties/backups", "description": "Its backups, the one the delete took last." }, "lastOperation": { "$ref": "defs.schema.json#/definitions/lastOperation", "description": "The delete (or the last operation) that left this record." } } };
var schema89 = { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", "description": "an ISO 8601 date and time such as 2025-01-31T12:00:00.000Z" };
var pattern53 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", "u");
var schema117 = { "type": "array", "description": "Backups tide took of the site and still keeps.", "items": { "type": "object", "additionalProperties": false, "required": ["id", "path", "at", "size"], "description": "One backup.", "properties": { "id": { "$ref": "defs.schema.json#/definitions/recordId", "description": "The backup's id, unique among the site's backups: the id of the operation that took it, which names its archive (backups/SITE/ID.tar.gz)." }, "path": { "$ref": "defs.schema.json#/definitions/absPath", "description": "Path of the backup archive on its server." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "Server the archive is on (where the site was when it was taken)." }, "at": { "$ref": "defs.schema.json#/definitions/timestamp", "description": "When the backup was taken." }, "size": { "type": "integer", "minimum": 0, "description": "Size of the archive in bytes." }, "sha256": { "$ref": "defs.schema.json#/definitions/sha256", "description": "SHA-256 of the archive." } } } };
var schema109 = { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", "description": "an operation record id such as 20261123T101502Z-3f2a-install-site-blog.example.com (letters, digits, '.', '_' or '-': one path segment, it names the record's file, backup archives and working directories)" };
var pattern68 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", "u");
function validate52(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      let data0 = data[i0];
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.id === void 0) {
          const err0 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema117.items.required, parentSchema: schema117.items, data: data0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        if (data0.path === void 0) {
          const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema117.items.required, parentSchema: schema117.items, data: data0 };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data0.at === void 0) {
          const err2 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema117.items.required, parentSchema: schema117.items, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.size === void 0) {
          const err3 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'", schema: schema117.items.required, parentSchema: schema117.items, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === "id" || key0 === "path" || key0 === "server" || key0 === "at" || key0 === "size" || key0 === "sha256")) {
            const err4 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema117.items, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data0.id !== void 0) {
          let data1 = data0.id;
          if (typeof data1 === "string") {
            if (!pattern68.test(data1)) {
              const err5 = { instancePath: instancePath + "/" + i0 + "/id", schemaPath: "defs.schema.json#/definitions/recordId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", parentSchema: schema109, data: data1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/" + i0 + "/id", schemaPath: "defs.schema.json#/definitions/recordId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema109.type, parentSchema: schema109, data: data1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data0.path !== void 0) {
          let data2 = data0.path;
          if (typeof data2 === "string") {
            if (!pattern10.test(data2)) {
              const err7 = { instancePath: instancePath + "/" + i0 + "/path", schemaPath: "defs.schema.json#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data2 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/" + i0 + "/path", schemaPath: "defs.schema.json#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.server !== void 0) {
          let data3 = data0.server;
          if (typeof data3 === "string") {
            if (!pattern0.test(data3)) {
              const err9 = { instancePath: instancePath + "/" + i0 + "/server", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data3 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/" + i0 + "/server", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data3 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.at !== void 0) {
          let data4 = data0.at;
          if (typeof data4 === "string") {
            if (!pattern53.test(data4)) {
              const err11 = { instancePath: instancePath + "/" + i0 + "/at", schemaPath: "defs.schema.json#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data4 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/" + i0 + "/at", schemaPath: "defs.schema.json#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data4 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data0.size !== void 0) {
          let data5 = data0.size;
          if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
            const err13 = { instancePath: instancePath + "/" + i0 + "/size", schemaPath: "#/items/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema117.items.properties.size.type, parentSchema: schema117.items.properties.size, data: data5 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
          if (typeof data5 == "number" && isFinite(data5)) {
            if (data5 < 0 || isNaN(data5)) {
              const err14 = { instancePath: instancePath + "/" + i0 + "/size", schemaPath: "#/items/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema117.items.properties.size, data: data5 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          }
        }
        if (data0.sha256 !== void 0) {
          let data6 = data0.sha256;
          if (typeof data6 === "string") {
            if (!pattern40.test(data6)) {
              const err15 = { instancePath: instancePath + "/" + i0 + "/sha256", schemaPath: "defs.schema.json#/definitions/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema68, data: data6 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/" + i0 + "/sha256", schemaPath: "defs.schema.json#/definitions/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema68.type, parentSchema: schema68, data: data6 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema117.items.type, parentSchema: schema117.items, data: data0 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema117.type, parentSchema: schema117, data };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate52.errors = vErrors;
  return errors === 0;
}
var schema114 = { "type": "object", "additionalProperties": false, "required": ["id", "action", "status", "at"], "description": "The last operation tide ran on this object, for tide status; its record is operations/YYYY-MM/ID.json.", "properties": { "id": { "$ref": "#/definitions/recordId", "description": "Operation record id." }, "action": { "type": "string", "minLength": 1, "description": "What it did (install, verify, deploy, ...)." }, "status": { "type": "string", "enum": ["ok", "failed", "rolled-back", "interrupted"], "description": "How it ended." }, "at": { "$ref": "#/definitions/timestamp", "description": "When it ended." } } };
function validate54(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.status === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.at === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "id" || key0 === "action" || key0 === "status" || key0 === "at")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema114, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern68.test(data0)) {
          const err5 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/recordId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", parentSchema: schema109, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/recordId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema109.type, parentSchema: schema109, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data1 = data.action;
      if (typeof data1 === "string") {
        if (func3(data1) < 1) {
          const err7 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema114.properties.action, data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema114.properties.action.type, parentSchema: schema114.properties.action, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.status !== void 0) {
      let data2 = data.status;
      if (typeof data2 !== "string") {
        const err9 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema114.properties.status.type, parentSchema: schema114.properties.status, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (!(data2 === "ok" || data2 === "failed" || data2 === "rolled-back" || data2 === "interrupted")) {
        const err10 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema114.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema114.properties.status.enum, parentSchema: schema114.properties.status, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.at !== void 0) {
      let data3 = data.at;
      if (typeof data3 === "string") {
        if (!pattern53.test(data3)) {
          const err11 = { instancePath: instancePath + "/at", schemaPath: "#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data3 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/at", schemaPath: "#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema114.type, parentSchema: schema114, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate54.errors = vErrors;
  return errors === 0;
}
function validate42(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.formatVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "formatVersion" }, message: "must have required property 'formatVersion'", schema: schema85.required, parentSchema: schema85, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema85.required, parentSchema: schema85, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.platform === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "platform" }, message: "must have required property 'platform'", schema: schema85.required, parentSchema: schema85, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.server === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "server" }, message: "must have required property 'server'", schema: schema85.required, parentSchema: schema85, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.deletedAt === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "deletedAt" }, message: "must have required property 'deletedAt'", schema: schema85.required, parentSchema: schema85, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.backups === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "backups" }, message: "must have required property 'backups'", schema: schema85.required, parentSchema: schema85, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "formatVersion" || key0 === "name" || key0 === "platform" || key0 === "server" || key0 === "deletedAt" || key0 === "backups" || key0 === "lastOperation")) {
        const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema85, data };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.formatVersion !== void 0) {
      let data0 = data.formatVersion;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err7 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema85.properties.formatVersion.type, parentSchema: schema85.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (1 !== data0) {
        const err8 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema85.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern25.test(data1)) {
          const err9 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/hostname/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"', schema: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", parentSchema: schema49, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.platform !== void 0) {
      let data2 = data.platform;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err11 = { instancePath: instancePath + "/platform", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data2 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/platform", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.server !== void 0) {
      let data3 = data.server;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err13 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data3 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data3 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.deletedAt !== void 0) {
      let data4 = data.deletedAt;
      if (typeof data4 === "string") {
        if (!pattern53.test(data4)) {
          const err15 = { instancePath: instancePath + "/deletedAt", schemaPath: "defs.schema.json#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data4 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/deletedAt", schemaPath: "defs.schema.json#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data4 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.backups !== void 0) {
      if (!validate52(data.backups, { instancePath: instancePath + "/backups", parentData: data, parentDataProperty: "backups", rootData })) {
        vErrors = vErrors === null ? validate52.errors : vErrors.concat(validate52.errors);
        errors = vErrors.length;
      }
    }
    if (data.lastOperation !== void 0) {
      if (!validate54(data.lastOperation, { instancePath: instancePath + "/lastOperation", parentData: data, parentDataProperty: "lastOperation", rootData })) {
        vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema85.type, parentSchema: schema85, data };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate42.errors = vErrors;
  return errors === 0;
}
var state_operation_schema_json = validate56;
var schema126 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/state-operation.schema.json", "title": "tide operation record", "description": "operations/YYYY-MM/ID.json on the state branch: one operation tide ran (or is running), with its tasks and how it ended; its redacted log is ID.log beside it. Written by tide; not edited by hand.", "type": "object", "additionalProperties": false, "required": ["formatVersion", "id", "operation", "action", "target", "server", "reason", "desiredCommit", "planHash", "status", "startedAt", "tasks"], "properties": { "formatVersion": { "type": "integer", "const": 1, "description": "Version of the record format." }, "id": { "$ref": "defs.schema.json#/definitions/recordId", "description": "The record's id, also its file name." }, "operation": { "type": "string", "minLength": 1, "maxLength": 600, "description": "The plan's id of the operation, such as site/blog.example.com/install." }, "action": { "$ref": "defs.schema.json#/definitions/actionName", "description": "What the operation does (install, migrate, backup, ...)." }, "target": { "type": "object", "additionalProperties": false, "required": ["kind", "name"], "description": "The server, platform or site the operation works on.", "properties": { "kind": { "type": "string", "enum": ["server", "platform", "site"], "description": "Kind of the target." }, "name": { "$ref": "defs.schema.json#/definitions/targetName", "description": "Name of the target." } } }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "The server the operation runs on." }, "reason": { "type": "string", "description": "Why it runs, as the plan said." }, "desiredCommit": { "type": ["string", "null"], "description": "The fleet commit it applied; null for a work tree that was not committed." }, "planHash": { "type": ["string", "null"], "description": "Hash of the plan it was part of; null for an operation run at once (tide backup, restore, login)." }, "changes": { "type": "array", "description": "What the operation set out to change (a migrate's platform and server), as the plan gave it: recovery rolls forward to it.", "items": { "type": "object", "additionalProperties": false, "required": ["field", "from", "to"], "description": "One changed field.", "properties": { "field": { "type": "string", "minLength": 1, "description": "The field, as named in the fleet files." }, "from": { "description": "The recorded value, any JSON value." }, "to": { "description": "The desired value, any JSON value." } } } }, "recovers": { "$ref": "defs.schema.json#/definitions/recordId", "description": "For a recovery: the id of the interrupted record it repairs." }, "status": { "type": "string", "enum": ["running", "ok", "failed", "rolled-back", "interrupted"], "description": "How it ended, or running." }, "startedAt": { "$ref": "defs.schema.json#/definitions/timestamp", "description": "When it started." }, "finishedAt": { "$ref": "defs.schema.json#/definitions/timestamp", "description": "When it ended." }, "tasks": { "type": "array", "description": "Its tasks in the order they ran.", "items": { "type": "object", "additionalProperties": false, "required": ["name", "status"], "description": "One task.", "properties": { "name": { "type": "string", "description": "What the task does." }, "status": { "type": "string", "enum": ["ok", "failed", "undone", "undo-failed", "not-run"], "description": "How the task ended." }, "durationMs": { "type": "number", "minimum": 0, "description": "How long it took, in milliseconds." }, "error": { "type": "string", "description": "Why it failed (redacted)." } } } }, "error": { "type": "string", "description": "Why the operation failed (redacted)." }, "uncommitted": { "type": "array", "description": "Applied with --allow-dirty: the work tree's changes the desired commit does not hold, as git status names them.", "items": { "type": "string", "maxLength": 4096, "description": "One change, such as M sites/x.yaml." } }, "details": { "type": "object", "description": "Facts beyond the tasks, such as the backup a delete took.", "additionalProperties": { "description": "One fact, any JSON value." } } } };
var schema128 = { "type": "string", "pattern": "^[a-z]{1,32}$", "description": "a lower-case action name such as install, migrate or backup" };
var pattern83 = new RegExp("^[a-z]{1,32}$", "u");
function validate56(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.formatVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "formatVersion" }, message: "must have required property 'formatVersion'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.id === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.operation === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "operation" }, message: "must have required property 'operation'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.target === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.server === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "server" }, message: "must have required property 'server'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.reason === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.desiredCommit === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "desiredCommit" }, message: "must have required property 'desiredCommit'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.planHash === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "planHash" }, message: "must have required property 'planHash'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.status === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.startedAt === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "startedAt" }, message: "must have required property 'startedAt'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.tasks === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tasks" }, message: "must have required property 'tasks'", schema: schema126.required, parentSchema: schema126, data };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema126.properties, key0)) {
        const err12 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema126, data };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.formatVersion !== void 0) {
      let data0 = data.formatVersion;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err13 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema126.properties.formatVersion.type, parentSchema: schema126.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      if (1 !== data0) {
        const err14 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema126.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data1 = data.id;
      if (typeof data1 === "string") {
        if (!pattern68.test(data1)) {
          const err15 = { instancePath: instancePath + "/id", schemaPath: "defs.schema.json#/definitions/recordId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", parentSchema: schema109, data: data1 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/id", schemaPath: "defs.schema.json#/definitions/recordId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema109.type, parentSchema: schema109, data: data1 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.operation !== void 0) {
      let data2 = data.operation;
      if (typeof data2 === "string") {
        if (func3(data2) > 600) {
          const err17 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/maxLength", keyword: "maxLength", params: { limit: 600 }, message: "must NOT have more than 600 characters", schema: 600, parentSchema: schema126.properties.operation, data: data2 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (func3(data2) < 1) {
          const err18 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema126.properties.operation, data: data2 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/operation", schemaPath: "#/properties/operation/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.operation.type, parentSchema: schema126.properties.operation, data: data2 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data3 = data.action;
      if (typeof data3 === "string") {
        if (!pattern83.test(data3)) {
          const err20 = { instancePath: instancePath + "/action", schemaPath: "defs.schema.json#/definitions/actionName/pattern", keyword: "pattern", params: { pattern: "^[a-z]{1,32}$" }, message: 'must match pattern "^[a-z]{1,32}$"', schema: "^[a-z]{1,32}$", parentSchema: schema128, data: data3 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/action", schemaPath: "defs.schema.json#/definitions/actionName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema128.type, parentSchema: schema128, data: data3 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      let data4 = data.target;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        if (data4.kind === void 0) {
          const err22 = { instancePath: instancePath + "/target", schemaPath: "#/properties/target/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema126.properties.target.required, parentSchema: schema126.properties.target, data: data4 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        if (data4.name === void 0) {
          const err23 = { instancePath: instancePath + "/target", schemaPath: "#/properties/target/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema126.properties.target.required, parentSchema: schema126.properties.target, data: data4 };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
        for (const key1 in data4) {
          if (!(key1 === "kind" || key1 === "name")) {
            const err24 = { instancePath: instancePath + "/target", schemaPath: "#/properties/target/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema126.properties.target, data: data4 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data4.kind !== void 0) {
          let data5 = data4.kind;
          if (typeof data5 !== "string") {
            const err25 = { instancePath: instancePath + "/target/kind", schemaPath: "#/properties/target/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.target.properties.kind.type, parentSchema: schema126.properties.target.properties.kind, data: data5 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
          if (!(data5 === "server" || data5 === "platform" || data5 === "site")) {
            const err26 = { instancePath: instancePath + "/target/kind", schemaPath: "#/properties/target/properties/kind/enum", keyword: "enum", params: { allowedValues: schema126.properties.target.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema126.properties.target.properties.kind.enum, parentSchema: schema126.properties.target.properties.kind, data: data5 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data4.name !== void 0) {
          let data6 = data4.name;
          if (typeof data6 === "string") {
            if (!pattern44.test(data6)) {
              const err27 = { instancePath: instancePath + "/target/name", schemaPath: "defs.schema.json#/definitions/targetName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$", parentSchema: schema75, data: data6 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/target/name", schemaPath: "defs.schema.json#/definitions/targetName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema75.type, parentSchema: schema75, data: data6 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
      } else {
        const err29 = { instancePath: instancePath + "/target", schemaPath: "#/properties/target/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema126.properties.target.type, parentSchema: schema126.properties.target, data: data4 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.server !== void 0) {
      let data7 = data.server;
      if (typeof data7 === "string") {
        if (!pattern0.test(data7)) {
          const err30 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data7 };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
      } else {
        const err31 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data7 };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data8 = data.reason;
      if (typeof data8 !== "string") {
        const err32 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.reason.type, parentSchema: schema126.properties.reason, data: data8 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
    if (data.desiredCommit !== void 0) {
      let data9 = data.desiredCommit;
      if (typeof data9 !== "string" && data9 !== null) {
        const err33 = { instancePath: instancePath + "/desiredCommit", schemaPath: "#/properties/desiredCommit/type", keyword: "type", params: { type: schema126.properties.desiredCommit.type }, message: "must be string,null", schema: schema126.properties.desiredCommit.type, parentSchema: schema126.properties.desiredCommit, data: data9 };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
    if (data.planHash !== void 0) {
      let data10 = data.planHash;
      if (typeof data10 !== "string" && data10 !== null) {
        const err34 = { instancePath: instancePath + "/planHash", schemaPath: "#/properties/planHash/type", keyword: "type", params: { type: schema126.properties.planHash.type }, message: "must be string,null", schema: schema126.properties.planHash.type, parentSchema: schema126.properties.planHash, data: data10 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.changes !== void 0) {
      let data11 = data.changes;
      if (Array.isArray(data11)) {
        const len0 = data11.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data12 = data11[i0];
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.field === void 0) {
              const err35 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/properties/changes/items/required", keyword: "required", params: { missingProperty: "field" }, message: "must have required property 'field'", schema: schema126.properties.changes.items.required, parentSchema: schema126.properties.changes.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
            if (data12.from === void 0) {
              const err36 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/properties/changes/items/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property 'from'", schema: schema126.properties.changes.items.required, parentSchema: schema126.properties.changes.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
            if (data12.to === void 0) {
              const err37 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/properties/changes/items/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property 'to'", schema: schema126.properties.changes.items.required, parentSchema: schema126.properties.changes.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
            for (const key2 in data12) {
              if (!(key2 === "field" || key2 === "from" || key2 === "to")) {
                const err38 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/properties/changes/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema126.properties.changes.items, data: data12 };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              }
            }
            if (data12.field !== void 0) {
              let data13 = data12.field;
              if (typeof data13 === "string") {
                if (func3(data13) < 1) {
                  const err39 = { instancePath: instancePath + "/changes/" + i0 + "/field", schemaPath: "#/properties/changes/items/properties/field/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema126.properties.changes.items.properties.field, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err39];
                  } else {
                    vErrors.push(err39);
                  }
                  errors++;
                }
              } else {
                const err40 = { instancePath: instancePath + "/changes/" + i0 + "/field", schemaPath: "#/properties/changes/items/properties/field/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.changes.items.properties.field.type, parentSchema: schema126.properties.changes.items.properties.field, data: data13 };
                if (vErrors === null) {
                  vErrors = [err40];
                } else {
                  vErrors.push(err40);
                }
                errors++;
              }
            }
          } else {
            const err41 = { instancePath: instancePath + "/changes/" + i0, schemaPath: "#/properties/changes/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema126.properties.changes.items.type, parentSchema: schema126.properties.changes.items, data: data12 };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
        }
      } else {
        const err42 = { instancePath: instancePath + "/changes", schemaPath: "#/properties/changes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema126.properties.changes.type, parentSchema: schema126.properties.changes, data: data11 };
        if (vErrors === null) {
          vErrors = [err42];
        } else {
          vErrors.push(err42);
        }
        errors++;
      }
    }
    if (data.recovers !== void 0) {
      let data14 = data.recovers;
      if (typeof data14 === "string") {
        if (!pattern68.test(data14)) {
          const err43 = { instancePath: instancePath + "/recovers", schemaPath: "defs.schema.json#/definitions/recordId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", parentSchema: schema109, data: data14 };
          if (vErrors === null) {
            vErrors = [err43];
          } else {
            vErrors.push(err43);
          }
          errors++;
        }
      } else {
        const err44 = { instancePath: instancePath + "/recovers", schemaPath: "defs.schema.json#/definitions/recordId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema109.type, parentSchema: schema109, data: data14 };
        if (vErrors === null) {
          vErrors = [err44];
        } else {
          vErrors.push(err44);
        }
        errors++;
      }
    }
    if (data.status !== void 0) {
      let data15 = data.status;
      if (typeof data15 !== "string") {
        const err45 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.status.type, parentSchema: schema126.properties.status, data: data15 };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
      if (!(data15 === "running" || data15 === "ok" || data15 === "failed" || data15 === "rolled-back" || data15 === "interrupted")) {
        const err46 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema126.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema126.properties.status.enum, parentSchema: schema126.properties.status, data: data15 };
        if (vErrors === null) {
          vErrors = [err46];
        } else {
          vErrors.push(err46);
        }
        errors++;
      }
    }
    if (data.startedAt !== void 0) {
      let data16 = data.startedAt;
      if (typeof data16 === "string") {
        if (!pattern53.test(data16)) {
          const err47 = { instancePath: instancePath + "/startedAt", schemaPath: "defs.schema.json#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data16 };
          if (vErrors === null) {
            vErrors = [err47];
          } else {
            vErrors.push(err47);
          }
          errors++;
        }
      } else {
        const err48 = { instancePath: instancePath + "/startedAt", schemaPath: "defs.schema.json#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data16 };
        if (vErrors === null) {
          vErrors = [err48];
        } else {
          vErrors.push(err48);
        }
        errors++;
      }
    }
    if (data.finishedAt !== void 0) {
      let data17 = data.finishedAt;
      if (typeof data17 === "string") {
        if (!pattern53.test(data17)) {
          const err49 = { instancePath: instancePath + "/finishedAt", schemaPath: "defs.schema.json#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data17 };
          if (vErrors === null) {
            vErrors = [err49];
          } else {
            vErrors.push(err49);
          }
          errors++;
        }
      } else {
        const err50 = { instancePath: instancePath + "/finishedAt", schemaPath: "defs.schema.json#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data17 };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
    if (data.tasks !== void 0) {
      let data18 = data.tasks;
      if (Array.isArray(data18)) {
        const len1 = data18.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data19 = data18[i1];
          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
            if (data19.name === void 0) {
              const err51 = { instancePath: instancePath + "/tasks/" + i1, schemaPath: "#/properties/tasks/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema126.properties.tasks.items.required, parentSchema: schema126.properties.tasks.items, data: data19 };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
            if (data19.status === void 0) {
              const err52 = { instancePath: instancePath + "/tasks/" + i1, schemaPath: "#/properties/tasks/items/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema126.properties.tasks.items.required, parentSchema: schema126.properties.tasks.items, data: data19 };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
            for (const key3 in data19) {
              if (!(key3 === "name" || key3 === "status" || key3 === "durationMs" || key3 === "error")) {
                const err53 = { instancePath: instancePath + "/tasks/" + i1, schemaPath: "#/properties/tasks/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema126.properties.tasks.items, data: data19 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
            if (data19.name !== void 0) {
              let data20 = data19.name;
              if (typeof data20 !== "string") {
                const err54 = { instancePath: instancePath + "/tasks/" + i1 + "/name", schemaPath: "#/properties/tasks/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.tasks.items.properties.name.type, parentSchema: schema126.properties.tasks.items.properties.name, data: data20 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
            if (data19.status !== void 0) {
              let data21 = data19.status;
              if (typeof data21 !== "string") {
                const err55 = { instancePath: instancePath + "/tasks/" + i1 + "/status", schemaPath: "#/properties/tasks/items/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.tasks.items.properties.status.type, parentSchema: schema126.properties.tasks.items.properties.status, data: data21 };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
              if (!(data21 === "ok" || data21 === "failed" || data21 === "undone" || data21 === "undo-failed" || data21 === "not-run")) {
                const err56 = { instancePath: instancePath + "/tasks/" + i1 + "/status", schemaPath: "#/properties/tasks/items/properties/status/enum", keyword: "enum", params: { allowedValues: schema126.properties.tasks.items.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema126.properties.tasks.items.properties.status.enum, parentSchema: schema126.properties.tasks.items.properties.status, data: data21 };
                if (vErrors === null) {
                  vErrors = [err56];
                } else {
                  vErrors.push(err56);
                }
                errors++;
              }
            }
            if (data19.durationMs !== void 0) {
              let data22 = data19.durationMs;
              if (typeof data22 == "number" && isFinite(data22)) {
                if (data22 < 0 || isNaN(data22)) {
                  const err57 = { instancePath: instancePath + "/tasks/" + i1 + "/durationMs", schemaPath: "#/properties/tasks/items/properties/durationMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema126.properties.tasks.items.properties.durationMs, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err57];
                  } else {
                    vErrors.push(err57);
                  }
                  errors++;
                }
              } else {
                const err58 = { instancePath: instancePath + "/tasks/" + i1 + "/durationMs", schemaPath: "#/properties/tasks/items/properties/durationMs/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema126.properties.tasks.items.properties.durationMs.type, parentSchema: schema126.properties.tasks.items.properties.durationMs, data: data22 };
                if (vErrors === null) {
                  vErrors = [err58];
                } else {
                  vErrors.push(err58);
                }
                errors++;
              }
            }
            if (data19.error !== void 0) {
              let data23 = data19.error;
              if (typeof data23 !== "string") {
                const err59 = { instancePath: instancePath + "/tasks/" + i1 + "/error", schemaPath: "#/properties/tasks/items/properties/error/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.tasks.items.properties.error.type, parentSchema: schema126.properties.tasks.items.properties.error, data: data23 };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
          } else {
            const err60 = { instancePath: instancePath + "/tasks/" + i1, schemaPath: "#/properties/tasks/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema126.properties.tasks.items.type, parentSchema: schema126.properties.tasks.items, data: data19 };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
      } else {
        const err61 = { instancePath: instancePath + "/tasks", schemaPath: "#/properties/tasks/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema126.properties.tasks.type, parentSchema: schema126.properties.tasks, data: data18 };
        if (vErrors === null) {
          vErrors = [err61];
        } else {
          vErrors.push(err61);
        }
        errors++;
      }
    }
    if (data.error !== void 0) {
      let data24 = data.error;
      if (typeof data24 !== "string") {
        const err62 = { instancePath: instancePath + "/error", schemaPath: "#/properties/error/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.error.type, parentSchema: schema126.properties.error, data: data24 };
        if (vErrors === null) {
          vErrors = [err62];
        } else {
          vErrors.push(err62);
        }
        errors++;
      }
    }
    if (data.uncommitted !== void 0) {
      let data25 = data.uncommitted;
      if (Array.isArray(data25)) {
        const len2 = data25.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data26 = data25[i2];
          if (typeof data26 === "string") {
            if (func3(data26) > 4096) {
              const err63 = { instancePath: instancePath + "/uncommitted/" + i2, schemaPath: "#/properties/uncommitted/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema126.properties.uncommitted.items, data: data26 };
              if (vErrors === null) {
                vErrors = [err63];
              } else {
                vErrors.push(err63);
              }
              errors++;
            }
          } else {
            const err64 = { instancePath: instancePath + "/uncommitted/" + i2, schemaPath: "#/properties/uncommitted/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema126.properties.uncommitted.items.type, parentSchema: schema126.properties.uncommitted.items, data: data26 };
            if (vErrors === null) {
              vErrors = [err64];
            } else {
              vErrors.push(err64);
            }
            errors++;
          }
        }
      } else {
        const err65 = { instancePath: instancePath + "/uncommitted", schemaPath: "#/properties/uncommitted/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema126.properties.uncommitted.type, parentSchema: schema126.properties.uncommitted, data: data25 };
        if (vErrors === null) {
          vErrors = [err65];
        } else {
          vErrors.push(err65);
        }
        errors++;
      }
    }
    if (data.details !== void 0) {
      let data27 = data.details;
      if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
      } else {
        const err66 = { instancePath: instancePath + "/details", schemaPath: "#/properties/details/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema126.properties.details.type, parentSchema: schema126.properties.details, data: data27 };
        if (vErrors === null) {
          vErrors = [err66];
        } else {
          vErrors.push(err66);
        }
        errors++;
      }
    }
  } else {
    const err67 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema126.type, parentSchema: schema126, data };
    if (vErrors === null) {
      vErrors = [err67];
    } else {
      vErrors.push(err67);
    }
    errors++;
  }
  validate56.errors = vErrors;
  return errors === 0;
}
var state_platform_schema_json = validate57;
var schema134 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/state-platform.schema.json", "title": "tide recorded platform", "description": "state/platforms/NAME.json on the state branch: the platform spec tide last deployed, where it is deployed, and its package inventory. Written by tide; not edited by hand.", "type": "object", "additionalProperties": false, "required": ["formatVersion", "name", "driver", "source", "docroot", "commands", "deployments"], "properties": { "formatVersion": { "type": "integer", "const": 1, "description": "Version of the state file format." }, "name": { "$ref": "defs.schema.json#/definitions/slug", "description": "The platform's name (also the file's name)." }, "driver": { "type": "string", "minLength": 1, "description": "The platform's driver, such as drupal, script or static." }, "source": { "$ref": "defs.schema.json#/definitions/platformSource", "description": "Where the deployed code came from: { path } or { git, ref }." }, "sourceTree": { "$ref": "defs.schema.json#/definitions/gitTree", "description": "Git tree id of source.path when the code was deployed (path sources only): the code's identity." }, "build": { "type": "string", "description": "Build command that ran after the code arrived, if any." }, "docroot": { "$ref": "defs.schema.json#/definitions/relPath", "description": "Directory, relative to the platform's code, that the web server serves." }, "commands": { "type": "object", "additionalProperties": false, "description": "The script driver's commands as last applied; empty for other drivers.", "properties": { "install": { "type": "string", "description": "Command that installs a new site." }, "update": { "type": "string", "description": "Command that brings a site's database up to date." }, "packages": { "type": "string", "description": "Command that prints a site's packages as JSON." }, "cron": { "type": "string", "description": "Command that runs a site's scheduled jobs." }, "login": { "type": "string", "description": "Command that prints a one-time login link." } } }, "deployments": { "type": "object", "description": "Servers the platform is deployed on, by server name, with what was deployed there.", "propertyNames": { "$ref": "defs.schema.json#/definitions/slug", "description": "A server name." }, "additionalProperties": { "type": "object", "additionalProperties": false, "description": "What was deployed on one server.", "properties": { "commit": { "type": "string", "minLength": 1, "description": "Commit of the deployed code, when known." }, "deployedAt": { "$ref": "defs.schema.json#/definitions/timestamp", "description": "When the deploy finished." }, "digest": { "$ref": "defs.schema.json#/definitions/sha256", "description": "SHA-256 over the deployed source files (paths and contents), so a verify can tell whether the code on the server is what was deployed." }, "path": { "$ref": "defs.schema.json#/definitions/absPath", "description": "Directory the code lives in on the server." } } } }, "packages": { "type": "array", "description": "Package inventory from the last verify.", "items": { "$ref": "defs.schema.json#/definitions/package", "description": "One package found in the platform's code." } }, "lastOperation": { "$ref": "defs.schema.json#/definitions/lastOperation", "description": "The last operation tide ran on it." }, "drift": { "type": "array", "description": "What the last tide verify found different on the server from what was recorded; a site with drift gets a verify operation in the next plan, which puts it right.", "items": { "type": "string", "minLength": 1, "description": "One difference, in words." } } } };
var schema140 = { "type": "string", "pattern": "^(?:[0-9a-f]{40}|[0-9a-f]{64})$", "description": "a full git tree id (40 lower-case hex digits, or 64 in a SHA-256 repository)" };
var schema108 = { "type": "object", "description": "One package (module, theme, profile, library, ...) found on a platform or enabled on a site.", "additionalProperties": false, "required": ["name", "type", "version"], "properties": { "name": { "type": "string", "minLength": 1, "description": "Machine name of the package." }, "type": { "type": "string", "minLength": 1, "description": "Kind of package as the driver reports it, such as module, theme or profile." }, "version": { "type": "string", "description": "Version of the package's code." }, "schema": { "type": ["number", "null"], "description": "Database schema version of the package, or null when it has none; migrate refuses to lower it." }, "enabled": { "type": "boolean", "description": "Whether the package is enabled (site inventories); absent on platform inventories." } } };
function validate58(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(data && typeof data == "object" && !Array.isArray(data))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.type, parentSchema: schema41, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs1 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.path === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema41.oneOf[0].required, parentSchema: schema41.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "path")) {
        const err2 = { instancePath, schemaPath: "#/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema41.oneOf[0], data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data0 = data.path;
      if (typeof data0 === "string") {
        if (!pattern20.test(data0)) {
          const err3 = { instancePath: instancePath + "/path", schemaPath: "#/definitions/relPath/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$" }, message: 'must match pattern "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$"', schema: "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$", parentSchema: schema42, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/path", schemaPath: "#/definitions/relPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema42.type, parentSchema: schema42, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.oneOf[0].type, parentSchema: schema41.oneOf[0], data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  var _valid0 = _errs2 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs8 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.git === void 0) {
      const err6 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "git" }, message: "must have required property 'git'", schema: schema41.oneOf[1].required, parentSchema: schema41.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.ref === void 0) {
      const err7 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "ref" }, message: "must have required property 'ref'", schema: schema41.oneOf[1].required, parentSchema: schema41.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    for (const key1 in data) {
      if (!(key1 === "git" || key1 === "ref")) {
        const err8 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema41.oneOf[1], data };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.git !== void 0) {
      let data1 = data.git;
      if (typeof data1 === "string") {
        if (!pattern21.test(data1)) {
          const err9 = { instancePath: instancePath + "/git", schemaPath: "#/definitions/gitUrl/pattern", keyword: "pattern", params: { pattern: "^(?!-)\\S+$" }, message: 'must match pattern "^(?!-)\\S+$"', schema: "^(?!-)\\S+$", parentSchema: schema43, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/git", schemaPath: "#/definitions/gitUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.ref !== void 0) {
      let data2 = data.ref;
      if (typeof data2 === "string") {
        if (!pattern22.test(data2)) {
          const err11 = { instancePath: instancePath + "/ref", schemaPath: "#/definitions/gitRef/pattern", keyword: "pattern", params: { pattern: "^(?!-)[A-Za-z0-9._/-]+$" }, message: 'must match pattern "^(?!-)[A-Za-z0-9._/-]+$"', schema: "^(?!-)[A-Za-z0-9._/-]+$", parentSchema: schema44, data: data2 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/ref", schemaPath: "#/definitions/gitRef/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema44.type, parentSchema: schema44, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.oneOf[1].type, parentSchema: schema41.oneOf[1], data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  var _valid0 = _errs8 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err14 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema41.oneOf, parentSchema: schema41, data };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  } else {
    errors = _errs1;
    if (vErrors !== null) {
      if (_errs1) {
        vErrors.length = _errs1;
      } else {
        vErrors = null;
      }
    }
  }
  validate58.errors = vErrors;
  return errors === 0;
}
function validate60(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.status === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.at === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "id" || key0 === "action" || key0 === "status" || key0 === "at")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema114, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern68.test(data0)) {
          const err5 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/recordId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", parentSchema: schema109, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/recordId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema109.type, parentSchema: schema109, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data1 = data.action;
      if (typeof data1 === "string") {
        if (func3(data1) < 1) {
          const err7 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema114.properties.action, data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema114.properties.action.type, parentSchema: schema114.properties.action, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.status !== void 0) {
      let data2 = data.status;
      if (typeof data2 !== "string") {
        const err9 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema114.properties.status.type, parentSchema: schema114.properties.status, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (!(data2 === "ok" || data2 === "failed" || data2 === "rolled-back" || data2 === "interrupted")) {
        const err10 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema114.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema114.properties.status.enum, parentSchema: schema114.properties.status, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.at !== void 0) {
      let data3 = data.at;
      if (typeof data3 === "string") {
        if (!pattern53.test(data3)) {
          const err11 = { instancePath: instancePath + "/at", schemaPath: "#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data3 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/at", schemaPath: "#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema114.type, parentSchema: schema114, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate60.errors = vErrors;
  return errors === 0;
}
function validate57(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.formatVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "formatVersion" }, message: "must have required property 'formatVersion'", schema: schema134.required, parentSchema: schema134, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema134.required, parentSchema: schema134, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.driver === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "driver" }, message: "must have required property 'driver'", schema: schema134.required, parentSchema: schema134, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.source === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property 'source'", schema: schema134.required, parentSchema: schema134, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.docroot === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "docroot" }, message: "must have required property 'docroot'", schema: schema134.required, parentSchema: schema134, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.commands === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "commands" }, message: "must have required property 'commands'", schema: schema134.required, parentSchema: schema134, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.deployments === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "deployments" }, message: "must have required property 'deployments'", schema: schema134.required, parentSchema: schema134, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema134.properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema134, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.formatVersion !== void 0) {
      let data0 = data.formatVersion;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err8 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema134.properties.formatVersion.type, parentSchema: schema134.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (1 !== data0) {
        const err9 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema134.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err10 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data1 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data1 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.driver !== void 0) {
      let data2 = data.driver;
      if (typeof data2 === "string") {
        if (func3(data2) < 1) {
          const err12 = { instancePath: instancePath + "/driver", schemaPath: "#/properties/driver/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema134.properties.driver, data: data2 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/driver", schemaPath: "#/properties/driver/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.driver.type, parentSchema: schema134.properties.driver, data: data2 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.source !== void 0) {
      if (!validate58(data.source, { instancePath: instancePath + "/source", parentData: data, parentDataProperty: "source", rootData })) {
        vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
        errors = vErrors.length;
      }
    }
    if (data.sourceTree !== void 0) {
      let data4 = data.sourceTree;
      if (typeof data4 === "string") {
        if (!pattern39.test(data4)) {
          const err14 = { instancePath: instancePath + "/sourceTree", schemaPath: "defs.schema.json#/definitions/gitTree/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9a-f]{40}|[0-9a-f]{64})$" }, message: 'must match pattern "^(?:[0-9a-f]{40}|[0-9a-f]{64})$"', schema: "^(?:[0-9a-f]{40}|[0-9a-f]{64})$", parentSchema: schema140, data: data4 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/sourceTree", schemaPath: "defs.schema.json#/definitions/gitTree/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema140.type, parentSchema: schema140, data: data4 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.build !== void 0) {
      let data5 = data.build;
      if (typeof data5 !== "string") {
        const err16 = { instancePath: instancePath + "/build", schemaPath: "#/properties/build/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.build.type, parentSchema: schema134.properties.build, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.docroot !== void 0) {
      let data6 = data.docroot;
      if (typeof data6 === "string") {
        if (!pattern20.test(data6)) {
          const err17 = { instancePath: instancePath + "/docroot", schemaPath: "defs.schema.json#/definitions/relPath/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$" }, message: 'must match pattern "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$"', schema: "^(?!/)(?!-)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/@+-]+$", parentSchema: schema42, data: data6 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/docroot", schemaPath: "defs.schema.json#/definitions/relPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema42.type, parentSchema: schema42, data: data6 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.commands !== void 0) {
      let data7 = data.commands;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        for (const key1 in data7) {
          if (!(key1 === "install" || key1 === "update" || key1 === "packages" || key1 === "cron" || key1 === "login")) {
            const err19 = { instancePath: instancePath + "/commands", schemaPath: "#/properties/commands/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema134.properties.commands, data: data7 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data7.install !== void 0) {
          let data8 = data7.install;
          if (typeof data8 !== "string") {
            const err20 = { instancePath: instancePath + "/commands/install", schemaPath: "#/properties/commands/properties/install/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.commands.properties.install.type, parentSchema: schema134.properties.commands.properties.install, data: data8 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data7.update !== void 0) {
          let data9 = data7.update;
          if (typeof data9 !== "string") {
            const err21 = { instancePath: instancePath + "/commands/update", schemaPath: "#/properties/commands/properties/update/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.commands.properties.update.type, parentSchema: schema134.properties.commands.properties.update, data: data9 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data7.packages !== void 0) {
          let data10 = data7.packages;
          if (typeof data10 !== "string") {
            const err22 = { instancePath: instancePath + "/commands/packages", schemaPath: "#/properties/commands/properties/packages/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.commands.properties.packages.type, parentSchema: schema134.properties.commands.properties.packages, data: data10 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data7.cron !== void 0) {
          let data11 = data7.cron;
          if (typeof data11 !== "string") {
            const err23 = { instancePath: instancePath + "/commands/cron", schemaPath: "#/properties/commands/properties/cron/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.commands.properties.cron.type, parentSchema: schema134.properties.commands.properties.cron, data: data11 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data7.login !== void 0) {
          let data12 = data7.login;
          if (typeof data12 !== "string") {
            const err24 = { instancePath: instancePath + "/commands/login", schemaPath: "#/properties/commands/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.commands.properties.login.type, parentSchema: schema134.properties.commands.properties.login, data: data12 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
      } else {
        const err25 = { instancePath: instancePath + "/commands", schemaPath: "#/properties/commands/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema134.properties.commands.type, parentSchema: schema134.properties.commands, data: data7 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.deployments !== void 0) {
      let data13 = data.deployments;
      if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
        for (const key2 in data13) {
          const _errs33 = errors;
          if (typeof key2 === "string") {
            if (!pattern0.test(key2)) {
              const err26 = { instancePath: instancePath + "/deployments", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: key2, propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          } else {
            const err27 = { instancePath: instancePath + "/deployments", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: key2, propertyName: key2 };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
          var valid5 = _errs33 === errors;
          if (!valid5) {
            const err28 = { instancePath: instancePath + "/deployments", schemaPath: "#/properties/deployments/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, message: "property name must be valid", schema: schema134.properties.deployments.propertyNames, parentSchema: schema134.properties.deployments, data: data13 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        for (const key3 in data13) {
          let data14 = data13[key3];
          if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
            for (const key4 in data14) {
              if (!(key4 === "commit" || key4 === "deployedAt" || key4 === "digest" || key4 === "path")) {
                const err29 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/deployments/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema134.properties.deployments.additionalProperties, data: data14 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data14.commit !== void 0) {
              let data15 = data14.commit;
              if (typeof data15 === "string") {
                if (func3(data15) < 1) {
                  const err30 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/commit", schemaPath: "#/properties/deployments/additionalProperties/properties/commit/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema134.properties.deployments.additionalProperties.properties.commit, data: data15 };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/commit", schemaPath: "#/properties/deployments/additionalProperties/properties/commit/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.deployments.additionalProperties.properties.commit.type, parentSchema: schema134.properties.deployments.additionalProperties.properties.commit, data: data15 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data14.deployedAt !== void 0) {
              let data16 = data14.deployedAt;
              if (typeof data16 === "string") {
                if (!pattern53.test(data16)) {
                  const err32 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/deployedAt", schemaPath: "defs.schema.json#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data16 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/deployedAt", schemaPath: "defs.schema.json#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data16 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data14.digest !== void 0) {
              let data17 = data14.digest;
              if (typeof data17 === "string") {
                if (!pattern40.test(data17)) {
                  const err34 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/digest", schemaPath: "defs.schema.json#/definitions/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema68, data: data17 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              } else {
                const err35 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/digest", schemaPath: "defs.schema.json#/definitions/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema68.type, parentSchema: schema68, data: data17 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
            if (data14.path !== void 0) {
              let data18 = data14.path;
              if (typeof data18 === "string") {
                if (!pattern10.test(data18)) {
                  const err36 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/path", schemaPath: "defs.schema.json#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data18 };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
              } else {
                const err37 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/path", schemaPath: "defs.schema.json#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data18 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
            }
          } else {
            const err38 = { instancePath: instancePath + "/deployments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/deployments/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema134.properties.deployments.additionalProperties.type, parentSchema: schema134.properties.deployments.additionalProperties, data: data14 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      } else {
        const err39 = { instancePath: instancePath + "/deployments", schemaPath: "#/properties/deployments/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema134.properties.deployments.type, parentSchema: schema134.properties.deployments, data: data13 };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.packages !== void 0) {
      let data19 = data.packages;
      if (Array.isArray(data19)) {
        const len0 = data19.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data20 = data19[i0];
          if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
            if (data20.name === void 0) {
              const err40 = { instancePath: instancePath + "/packages/" + i0, schemaPath: "defs.schema.json#/definitions/package/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema108.required, parentSchema: schema108, data: data20 };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
            }
            if (data20.type === void 0) {
              const err41 = { instancePath: instancePath + "/packages/" + i0, schemaPath: "defs.schema.json#/definitions/package/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema108.required, parentSchema: schema108, data: data20 };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors++;
            }
            if (data20.version === void 0) {
              const err42 = { instancePath: instancePath + "/packages/" + i0, schemaPath: "defs.schema.json#/definitions/package/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema108.required, parentSchema: schema108, data: data20 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
            for (const key5 in data20) {
              if (!(key5 === "name" || key5 === "type" || key5 === "version" || key5 === "schema" || key5 === "enabled")) {
                const err43 = { instancePath: instancePath + "/packages/" + i0, schemaPath: "defs.schema.json#/definitions/package/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema108, data: data20 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            if (data20.name !== void 0) {
              let data21 = data20.name;
              if (typeof data21 === "string") {
                if (func3(data21) < 1) {
                  const err44 = { instancePath: instancePath + "/packages/" + i0 + "/name", schemaPath: "defs.schema.json#/definitions/package/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema108.properties.name, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
              } else {
                const err45 = { instancePath: instancePath + "/packages/" + i0 + "/name", schemaPath: "defs.schema.json#/definitions/package/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema108.properties.name.type, parentSchema: schema108.properties.name, data: data21 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
            if (data20.type !== void 0) {
              let data22 = data20.type;
              if (typeof data22 === "string") {
                if (func3(data22) < 1) {
                  const err46 = { instancePath: instancePath + "/packages/" + i0 + "/type", schemaPath: "defs.schema.json#/definitions/package/properties/type/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema108.properties.type, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              } else {
                const err47 = { instancePath: instancePath + "/packages/" + i0 + "/type", schemaPath: "defs.schema.json#/definitions/package/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema108.properties.type.type, parentSchema: schema108.properties.type, data: data22 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
            if (data20.version !== void 0) {
              let data23 = data20.version;
              if (typeof data23 !== "string") {
                const err48 = { instancePath: instancePath + "/packages/" + i0 + "/version", schemaPath: "defs.schema.json#/definitions/package/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema108.properties.version.type, parentSchema: schema108.properties.version, data: data23 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
            if (data20.schema !== void 0) {
              let data24 = data20.schema;
              if (!(typeof data24 == "number" && isFinite(data24)) && data24 !== null) {
                const err49 = { instancePath: instancePath + "/packages/" + i0 + "/schema", schemaPath: "defs.schema.json#/definitions/package/properties/schema/type", keyword: "type", params: { type: schema108.properties.schema.type }, message: "must be number,null", schema: schema108.properties.schema.type, parentSchema: schema108.properties.schema, data: data24 };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
            if (data20.enabled !== void 0) {
              let data25 = data20.enabled;
              if (typeof data25 !== "boolean") {
                const err50 = { instancePath: instancePath + "/packages/" + i0 + "/enabled", schemaPath: "defs.schema.json#/definitions/package/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema108.properties.enabled.type, parentSchema: schema108.properties.enabled, data: data25 };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
          } else {
            const err51 = { instancePath: instancePath + "/packages/" + i0, schemaPath: "defs.schema.json#/definitions/package/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema108.type, parentSchema: schema108, data: data20 };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
      } else {
        const err52 = { instancePath: instancePath + "/packages", schemaPath: "#/properties/packages/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema134.properties.packages.type, parentSchema: schema134.properties.packages, data: data19 };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors++;
      }
    }
    if (data.lastOperation !== void 0) {
      if (!validate60(data.lastOperation, { instancePath: instancePath + "/lastOperation", parentData: data, parentDataProperty: "lastOperation", rootData })) {
        vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
        errors = vErrors.length;
      }
    }
    if (data.drift !== void 0) {
      let data27 = data.drift;
      if (Array.isArray(data27)) {
        const len1 = data27.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data28 = data27[i1];
          if (typeof data28 === "string") {
            if (func3(data28) < 1) {
              const err53 = { instancePath: instancePath + "/drift/" + i1, schemaPath: "#/properties/drift/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema134.properties.drift.items, data: data28 };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          } else {
            const err54 = { instancePath: instancePath + "/drift/" + i1, schemaPath: "#/properties/drift/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema134.properties.drift.items.type, parentSchema: schema134.properties.drift.items, data: data28 };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
      } else {
        const err55 = { instancePath: instancePath + "/drift", schemaPath: "#/properties/drift/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema134.properties.drift.type, parentSchema: schema134.properties.drift, data: data27 };
        if (vErrors === null) {
          vErrors = [err55];
        } else {
          vErrors.push(err55);
        }
        errors++;
      }
    }
  } else {
    const err56 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema134.type, parentSchema: schema134, data };
    if (vErrors === null) {
      vErrors = [err56];
    } else {
      vErrors.push(err56);
    }
    errors++;
  }
  validate57.errors = vErrors;
  return errors === 0;
}
var state_running_schema_json = validate62;
var schema150 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/state-running.schema.json", "title": "tide running marker", "description": "state/running/ID.json on the state branch: an operation that is running (written before it touches a server, removed when it ends). An apply that finds one left behind marks the operation interrupted and checks its target first. It also says where the operation's processes may run, so a recovery kills what a crashed run left running before it acts. Written by tide; not edited by hand.", "type": "object", "additionalProperties": false, "required": ["record"], "properties": { "record": { "$ref": "defs.schema.json#/definitions/recordPath", "description": "Path of the operation's record on the state branch, operations/YYYY-MM/ID.json." }, "run": { "type": "object", "additionalProperties": false, "required": ["tag", "servers"], "description": "The operation's run tag (every process it started carries TIDE_RUN=<tag>.<nonce> in its environment) and every server it ran commands on.", "properties": { "tag": { "$ref": "defs.schema.json#/definitions/runTag", "description": "The run's tag, exactly in the form tide makes: a looser value would let the reaper kill other processes." }, "servers": { "type": "array", "items": { "$ref": "defs.schema.json#/definitions/slug", "description": "A server name." }, "uniqueItems": true, "minItems": 1, "description": "Every server the operation ran commands on, where its processes are looked for." } } } } };
var schema151 = { "type": "string", "pattern": "^operations/[0-9]{4}-[0-9]{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.json$", "description": "a path on the state branch of the form operations/YYYY-MM/ID.json (an operation record)" };
var schema152 = { "type": "string", "pattern": "^t[0-9a-f]{16}$", "description": "a run tag as tide makes it: t followed by 16 lower-case hex digits" };
var pattern101 = new RegExp("^operations/[0-9]{4}-[0-9]{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.json$", "u");
var pattern102 = new RegExp("^t[0-9a-f]{16}$", "u");
function validate62(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.record === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "record" }, message: "must have required property 'record'", schema: schema150.required, parentSchema: schema150, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "record" || key0 === "run")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema150, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.record !== void 0) {
      let data0 = data.record;
      if (typeof data0 === "string") {
        if (!pattern101.test(data0)) {
          const err2 = { instancePath: instancePath + "/record", schemaPath: "defs.schema.json#/definitions/recordPath/pattern", keyword: "pattern", params: { pattern: "^operations/[0-9]{4}-[0-9]{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.json$" }, message: 'must match pattern "^operations/[0-9]{4}-[0-9]{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.json$"', schema: "^operations/[0-9]{4}-[0-9]{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.json$", parentSchema: schema151, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/record", schemaPath: "defs.schema.json#/definitions/recordPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema151.type, parentSchema: schema151, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data1 = data.run;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.tag === void 0) {
          const err4 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/required", keyword: "required", params: { missingProperty: "tag" }, message: "must have required property 'tag'", schema: schema150.properties.run.required, parentSchema: schema150.properties.run, data: data1 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (data1.servers === void 0) {
          const err5 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/required", keyword: "required", params: { missingProperty: "servers" }, message: "must have required property 'servers'", schema: schema150.properties.run.required, parentSchema: schema150.properties.run, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "tag" || key1 === "servers")) {
            const err6 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema150.properties.run, data: data1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data1.tag !== void 0) {
          let data2 = data1.tag;
          if (typeof data2 === "string") {
            if (!pattern102.test(data2)) {
              const err7 = { instancePath: instancePath + "/run/tag", schemaPath: "defs.schema.json#/definitions/runTag/pattern", keyword: "pattern", params: { pattern: "^t[0-9a-f]{16}$" }, message: 'must match pattern "^t[0-9a-f]{16}$"', schema: "^t[0-9a-f]{16}$", parentSchema: schema152, data: data2 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/run/tag", schemaPath: "defs.schema.json#/definitions/runTag/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema152.type, parentSchema: schema152, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data1.servers !== void 0) {
          let data3 = data1.servers;
          if (Array.isArray(data3)) {
            if (data3.length < 1) {
              const err9 = { instancePath: instancePath + "/run/servers", schemaPath: "#/properties/run/properties/servers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema150.properties.run.properties.servers, data: data3 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            const len0 = data3.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data4 = data3[i0];
              if (typeof data4 === "string") {
                if (!pattern0.test(data4)) {
                  const err10 = { instancePath: instancePath + "/run/servers/" + i0, schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              } else {
                const err11 = { instancePath: instancePath + "/run/servers/" + i0, schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data4 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            let i1 = data3.length;
            let j0;
            if (i1 > 1) {
              outer0: for (; i1--; ) {
                for (j0 = i1; j0--; ) {
                  if (func0(data3[i1], data3[j0])) {
                    const err12 = { instancePath: instancePath + "/run/servers", schemaPath: "#/properties/run/properties/servers/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema150.properties.run.properties.servers, data: data3 };
                    if (vErrors === null) {
                      vErrors = [err12];
                    } else {
                      vErrors.push(err12);
                    }
                    errors++;
                    break outer0;
                  }
                }
              }
            }
          } else {
            const err13 = { instancePath: instancePath + "/run/servers", schemaPath: "#/properties/run/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema150.properties.run.properties.servers.type, parentSchema: schema150.properties.run.properties.servers, data: data3 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema150.properties.run.type, parentSchema: schema150.properties.run, data: data1 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
  } else {
    const err15 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema150.type, parentSchema: schema150, data };
    if (vErrors === null) {
      vErrors = [err15];
    } else {
      vErrors.push(err15);
    }
    errors++;
  }
  validate62.errors = vErrors;
  return errors === 0;
}
var state_server_schema_json = validate63;
var schema154 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/state-server.schema.json", "title": "tide recorded server", "description": "state/servers/NAME.json on the state branch: the server spec tide last applied (without credential references), and what its last verify observed. Written by tide; not edited by hand.", "type": "object", "additionalProperties": false, "required": ["formatVersion", "name", "transport", "root", "services"], "properties": { "formatVersion": { "type": "integer", "const": 1, "description": "Version of the state file format." }, "name": { "$ref": "defs.schema.json#/definitions/slug", "description": "The server's name (also the file's name)." }, "transport": { "type": "string", "enum": ["ssh", "local"], "description": "How tide reached the server: ssh or local." }, "host": { "$ref": "defs.schema.json#/definitions/host", "description": "Host name or IP address tide connected to (ssh transport)." }, "port": { "$ref": "defs.schema.json#/definitions/port", "description": "SSH port (ssh transport)." }, "user": { "$ref": "defs.schema.json#/definitions/unixUser", "description": "SSH login user (ssh transport)." }, "hostKey": { "$ref": "defs.schema.json#/definitions/hostKey", "description": "The pinned host key the server was verified with (ssh transport)." }, "root": { "$ref": "defs.schema.json#/definitions/absPath", "description": "Directory on the server that holds platforms/, sites/, backups/ and config/." }, "webGroup": { "$ref": "defs.schema.json#/definitions/unixGroup", "description": "Group the web server and PHP run as; site directories belong to it." }, "services": { "type": "object", "additionalProperties": false, "required": ["http", "db"], "description": "The services tide configured on the server.", "properties": { "http": { "type": "object", "additionalProperties": false, "required": ["type"], "description": "The web server; a server of type none records only its type.", "properties": { "type": { "type": "string", "minLength": 1, "description": "Web server type, such as nginx, apache or none." }, "port": { "$ref": "defs.schema.json#/definitions/port", "description": "Port of plain-HTTP virtual hosts." }, "httpsPort": { "$ref": "defs.schema.json#/definitions/port", "description": "Port of TLS virtual hosts." }, "configDir": { "$ref": "defs.schema.json#/definitions/absPath", "description": "Directory where tide wrote vhost files." }, "check": { "type": "string", "description": "Command that tests the web server's configuration." }, "reload": { "type": "string", "description": "Command that reloads the web server." }, "sudo": { "type": "boolean", "description": "Whether check and reload ran through sudo -n." }, "servedWithin": { "type": "integer", "minimum": 1, "description": "Seconds tide waited after a reload for the web server to answer with a changed vhost." }, "fastcgi": { "$ref": "defs.schema.json#/definitions/fastcgiAddress", "description": "PHP-FPM address the vhosts pass PHP requests to." } } }, "db": { "type": "object", "additionalProperties": false, "required": ["type"], "description": "The database server, without its admin password reference (credential references are never recorded); a server of type none records only its type.", "properties": { "type": { "type": "string", "minLength": 1, "description": "Database server type, such as mariadb, mysql or none." }, "host": { "$ref": "defs.schema.json#/definitions/host", "description": "Host the database server listens on, as seen from the server." }, "port": { "$ref": "defs.schema.json#/definitions/port", "description": "Port of the database server." }, "adminUser": { "$ref": "defs.schema.json#/definitions/dbUser", "description": "Database account tide uses to create and drop site databases." }, "grantHosts": { "type": "array", "items": { "$ref": "defs.schema.json#/definitions/dbGrantHost", "description": "A host part a site database user was created for." }, "description": "Host parts site database users were created for." } } } } }, "reachable": { "type": "boolean", "description": "Whether the last verify reached the server." }, "versions": { "type": "object", "description": "Software versions the last verify found, by program name (for example nginx, php, mariadb).", "additionalProperties": { "type": "string", "description": "Version string as the program reported it." } }, "verifiedAt": { "$ref": "defs.schema.json#/definitions/timestamp", "description": "When the last verify finished." }, "lastOperation": { "$ref": "defs.schema.json#/definitions/lastOperation", "description": "The last operation tide ran on it." } } };
function validate64(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.status === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.at === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "id" || key0 === "action" || key0 === "status" || key0 === "at")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema114, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern68.test(data0)) {
          const err5 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/recordId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", parentSchema: schema109, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/recordId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema109.type, parentSchema: schema109, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data1 = data.action;
      if (typeof data1 === "string") {
        if (func3(data1) < 1) {
          const err7 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema114.properties.action, data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema114.properties.action.type, parentSchema: schema114.properties.action, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.status !== void 0) {
      let data2 = data.status;
      if (typeof data2 !== "string") {
        const err9 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema114.properties.status.type, parentSchema: schema114.properties.status, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (!(data2 === "ok" || data2 === "failed" || data2 === "rolled-back" || data2 === "interrupted")) {
        const err10 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema114.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema114.properties.status.enum, parentSchema: schema114.properties.status, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.at !== void 0) {
      let data3 = data.at;
      if (typeof data3 === "string") {
        if (!pattern53.test(data3)) {
          const err11 = { instancePath: instancePath + "/at", schemaPath: "#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data3 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/at", schemaPath: "#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema114.type, parentSchema: schema114, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate64.errors = vErrors;
  return errors === 0;
}
function validate63(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.formatVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "formatVersion" }, message: "must have required property 'formatVersion'", schema: schema154.required, parentSchema: schema154, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema154.required, parentSchema: schema154, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.transport === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "transport" }, message: "must have required property 'transport'", schema: schema154.required, parentSchema: schema154, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.root === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "root" }, message: "must have required property 'root'", schema: schema154.required, parentSchema: schema154, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.services === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "services" }, message: "must have required property 'services'", schema: schema154.required, parentSchema: schema154, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema154.properties, key0)) {
        const err5 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema154, data };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.formatVersion !== void 0) {
      let data0 = data.formatVersion;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err6 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema154.properties.formatVersion.type, parentSchema: schema154.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (1 !== data0) {
        const err7 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema154.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err8 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data1 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data1 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.transport !== void 0) {
      let data2 = data.transport;
      if (typeof data2 !== "string") {
        const err10 = { instancePath: instancePath + "/transport", schemaPath: "#/properties/transport/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema154.properties.transport.type, parentSchema: schema154.properties.transport, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      if (!(data2 === "ssh" || data2 === "local")) {
        const err11 = { instancePath: instancePath + "/transport", schemaPath: "#/properties/transport/enum", keyword: "enum", params: { allowedValues: schema154.properties.transport.enum }, message: "must be equal to one of the allowed values", schema: schema154.properties.transport.enum, parentSchema: schema154.properties.transport, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.host !== void 0) {
      let data3 = data.host;
      if (typeof data3 === "string") {
        if (func3(data3) > 253) {
          const err12 = { instancePath: instancePath + "/host", schemaPath: "defs.schema.json#/definitions/host/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema22, data: data3 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        if (!pattern6.test(data3)) {
          const err13 = { instancePath: instancePath + "/host", schemaPath: "defs.schema.json#/definitions/host/pattern", keyword: "pattern", params: { pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$" }, message: 'must match pattern "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$"', schema: "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$", parentSchema: schema22, data: data3 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/host", schemaPath: "defs.schema.json#/definitions/host/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.type, parentSchema: schema22, data: data3 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.port !== void 0) {
      let data4 = data.port;
      if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
        const err15 = { instancePath: instancePath + "/port", schemaPath: "defs.schema.json#/definitions/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.type, parentSchema: schema23, data: data4 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (typeof data4 == "number" && isFinite(data4)) {
        if (data4 > 65535 || isNaN(data4)) {
          const err16 = { instancePath: instancePath + "/port", schemaPath: "defs.schema.json#/definitions/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema23, data: data4 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
        if (data4 < 1 || isNaN(data4)) {
          const err17 = { instancePath: instancePath + "/port", schemaPath: "defs.schema.json#/definitions/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema23, data: data4 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
    }
    if (data.user !== void 0) {
      let data5 = data.user;
      if (typeof data5 === "string") {
        if (!pattern7.test(data5)) {
          const err18 = { instancePath: instancePath + "/user", schemaPath: "defs.schema.json#/definitions/unixUser/pattern", keyword: "pattern", params: { pattern: "^[a-z_][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z_][a-z0-9_-]{0,31}$"', schema: "^[a-z_][a-z0-9_-]{0,31}$", parentSchema: schema24, data: data5 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/user", schemaPath: "defs.schema.json#/definitions/unixUser/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.hostKey !== void 0) {
      let data6 = data.hostKey;
      if (typeof data6 === "string") {
        if (!pattern8.test(data6)) {
          const err20 = { instancePath: instancePath + "/hostKey", schemaPath: "defs.schema.json#/definitions/hostKey/pattern", keyword: "pattern", params: { pattern: "^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+={0,3}(?: [^\\n]*)?$" }, message: 'must match pattern "^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+={0,3}(?: [^\\n]*)?$"', schema: "^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+={0,3}(?: [^\\n]*)?$", parentSchema: schema25, data: data6 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/hostKey", schemaPath: "defs.schema.json#/definitions/hostKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema25.type, parentSchema: schema25, data: data6 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.root !== void 0) {
      let data7 = data.root;
      if (typeof data7 === "string") {
        if (!pattern10.test(data7)) {
          const err22 = { instancePath: instancePath + "/root", schemaPath: "defs.schema.json#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data7 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/root", schemaPath: "defs.schema.json#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data7 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.webGroup !== void 0) {
      let data8 = data.webGroup;
      if (typeof data8 === "string") {
        if (!pattern7.test(data8)) {
          const err24 = { instancePath: instancePath + "/webGroup", schemaPath: "defs.schema.json#/definitions/unixGroup/pattern", keyword: "pattern", params: { pattern: "^[a-z_][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z_][a-z0-9_-]{0,31}$"', schema: "^[a-z_][a-z0-9_-]{0,31}$", parentSchema: schema28, data: data8 };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      } else {
        const err25 = { instancePath: instancePath + "/webGroup", schemaPath: "defs.schema.json#/definitions/unixGroup/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema28.type, parentSchema: schema28, data: data8 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.services !== void 0) {
      let data9 = data.services;
      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
        if (data9.http === void 0) {
          const err26 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/required", keyword: "required", params: { missingProperty: "http" }, message: "must have required property 'http'", schema: schema154.properties.services.required, parentSchema: schema154.properties.services, data: data9 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
        if (data9.db === void 0) {
          const err27 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/required", keyword: "required", params: { missingProperty: "db" }, message: "must have required property 'db'", schema: schema154.properties.services.required, parentSchema: schema154.properties.services, data: data9 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        for (const key1 in data9) {
          if (!(key1 === "http" || key1 === "db")) {
            const err28 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema154.properties.services, data: data9 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data9.http !== void 0) {
          let data10 = data9.http;
          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            if (data10.type === void 0) {
              const err29 = { instancePath: instancePath + "/services/http", schemaPath: "#/properties/services/properties/http/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema154.properties.services.properties.http.required, parentSchema: schema154.properties.services.properties.http, data: data10 };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
            for (const key2 in data10) {
              if (!func2.call(schema154.properties.services.properties.http.properties, key2)) {
                const err30 = { instancePath: instancePath + "/services/http", schemaPath: "#/properties/services/properties/http/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema154.properties.services.properties.http, data: data10 };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            }
            if (data10.type !== void 0) {
              let data11 = data10.type;
              if (typeof data11 === "string") {
                if (func3(data11) < 1) {
                  const err31 = { instancePath: instancePath + "/services/http/type", schemaPath: "#/properties/services/properties/http/properties/type/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema154.properties.services.properties.http.properties.type, data: data11 };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
              } else {
                const err32 = { instancePath: instancePath + "/services/http/type", schemaPath: "#/properties/services/properties/http/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema154.properties.services.properties.http.properties.type.type, parentSchema: schema154.properties.services.properties.http.properties.type, data: data11 };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
            if (data10.port !== void 0) {
              let data12 = data10.port;
              if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
                const err33 = { instancePath: instancePath + "/services/http/port", schemaPath: "defs.schema.json#/definitions/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.type, parentSchema: schema23, data: data12 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
              if (typeof data12 == "number" && isFinite(data12)) {
                if (data12 > 65535 || isNaN(data12)) {
                  const err34 = { instancePath: instancePath + "/services/http/port", schemaPath: "defs.schema.json#/definitions/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema23, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
                if (data12 < 1 || isNaN(data12)) {
                  const err35 = { instancePath: instancePath + "/services/http/port", schemaPath: "defs.schema.json#/definitions/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema23, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err35];
                  } else {
                    vErrors.push(err35);
                  }
                  errors++;
                }
              }
            }
            if (data10.httpsPort !== void 0) {
              let data13 = data10.httpsPort;
              if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                const err36 = { instancePath: instancePath + "/services/http/httpsPort", schemaPath: "defs.schema.json#/definitions/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.type, parentSchema: schema23, data: data13 };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
              if (typeof data13 == "number" && isFinite(data13)) {
                if (data13 > 65535 || isNaN(data13)) {
                  const err37 = { instancePath: instancePath + "/services/http/httpsPort", schemaPath: "defs.schema.json#/definitions/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema23, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err37];
                  } else {
                    vErrors.push(err37);
                  }
                  errors++;
                }
                if (data13 < 1 || isNaN(data13)) {
                  const err38 = { instancePath: instancePath + "/services/http/httpsPort", schemaPath: "defs.schema.json#/definitions/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema23, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err38];
                  } else {
                    vErrors.push(err38);
                  }
                  errors++;
                }
              }
            }
            if (data10.configDir !== void 0) {
              let data14 = data10.configDir;
              if (typeof data14 === "string") {
                if (!pattern10.test(data14)) {
                  const err39 = { instancePath: instancePath + "/services/http/configDir", schemaPath: "defs.schema.json#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err39];
                  } else {
                    vErrors.push(err39);
                  }
                  errors++;
                }
              } else {
                const err40 = { instancePath: instancePath + "/services/http/configDir", schemaPath: "defs.schema.json#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data14 };
                if (vErrors === null) {
                  vErrors = [err40];
                } else {
                  vErrors.push(err40);
                }
                errors++;
              }
            }
            if (data10.check !== void 0) {
              let data15 = data10.check;
              if (typeof data15 !== "string") {
                const err41 = { instancePath: instancePath + "/services/http/check", schemaPath: "#/properties/services/properties/http/properties/check/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema154.properties.services.properties.http.properties.check.type, parentSchema: schema154.properties.services.properties.http.properties.check, data: data15 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data10.reload !== void 0) {
              let data16 = data10.reload;
              if (typeof data16 !== "string") {
                const err42 = { instancePath: instancePath + "/services/http/reload", schemaPath: "#/properties/services/properties/http/properties/reload/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema154.properties.services.properties.http.properties.reload.type, parentSchema: schema154.properties.services.properties.http.properties.reload, data: data16 };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            }
            if (data10.sudo !== void 0) {
              let data17 = data10.sudo;
              if (typeof data17 !== "boolean") {
                const err43 = { instancePath: instancePath + "/services/http/sudo", schemaPath: "#/properties/services/properties/http/properties/sudo/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema154.properties.services.properties.http.properties.sudo.type, parentSchema: schema154.properties.services.properties.http.properties.sudo, data: data17 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            if (data10.servedWithin !== void 0) {
              let data18 = data10.servedWithin;
              if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
                const err44 = { instancePath: instancePath + "/services/http/servedWithin", schemaPath: "#/properties/services/properties/http/properties/servedWithin/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema154.properties.services.properties.http.properties.servedWithin.type, parentSchema: schema154.properties.services.properties.http.properties.servedWithin, data: data18 };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
              if (typeof data18 == "number" && isFinite(data18)) {
                if (data18 < 1 || isNaN(data18)) {
                  const err45 = { instancePath: instancePath + "/services/http/servedWithin", schemaPath: "#/properties/services/properties/http/properties/servedWithin/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema154.properties.services.properties.http.properties.servedWithin, data: data18 };
                  if (vErrors === null) {
                    vErrors = [err45];
                  } else {
                    vErrors.push(err45);
                  }
                  errors++;
                }
              }
            }
            if (data10.fastcgi !== void 0) {
              let data19 = data10.fastcgi;
              if (typeof data19 === "string") {
                if (!pattern13.test(data19)) {
                  const err46 = { instancePath: instancePath + "/services/http/fastcgi", schemaPath: "defs.schema.json#/definitions/fastcgiAddress/pattern", keyword: "pattern", params: { pattern: "^(?:unix:/[A-Za-z0-9._/@+-]+|[A-Za-z0-9.-]+:[0-9]{1,5})$" }, message: 'must match pattern "^(?:unix:/[A-Za-z0-9._/@+-]+|[A-Za-z0-9.-]+:[0-9]{1,5})$"', schema: "^(?:unix:/[A-Za-z0-9._/@+-]+|[A-Za-z0-9.-]+:[0-9]{1,5})$", parentSchema: schema32, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              } else {
                const err47 = { instancePath: instancePath + "/services/http/fastcgi", schemaPath: "defs.schema.json#/definitions/fastcgiAddress/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data19 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
          } else {
            const err48 = { instancePath: instancePath + "/services/http", schemaPath: "#/properties/services/properties/http/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema154.properties.services.properties.http.type, parentSchema: schema154.properties.services.properties.http, data: data10 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
        if (data9.db !== void 0) {
          let data20 = data9.db;
          if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
            if (data20.type === void 0) {
              const err49 = { instancePath: instancePath + "/services/db", schemaPath: "#/properties/services/properties/db/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema154.properties.services.properties.db.required, parentSchema: schema154.properties.services.properties.db, data: data20 };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
            for (const key3 in data20) {
              if (!(key3 === "type" || key3 === "host" || key3 === "port" || key3 === "adminUser" || key3 === "grantHosts")) {
                const err50 = { instancePath: instancePath + "/services/db", schemaPath: "#/properties/services/properties/db/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema154.properties.services.properties.db, data: data20 };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
            if (data20.type !== void 0) {
              let data21 = data20.type;
              if (typeof data21 === "string") {
                if (func3(data21) < 1) {
                  const err51 = { instancePath: instancePath + "/services/db/type", schemaPath: "#/properties/services/properties/db/properties/type/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema154.properties.services.properties.db.properties.type, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err51];
                  } else {
                    vErrors.push(err51);
                  }
                  errors++;
                }
              } else {
                const err52 = { instancePath: instancePath + "/services/db/type", schemaPath: "#/properties/services/properties/db/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema154.properties.services.properties.db.properties.type.type, parentSchema: schema154.properties.services.properties.db.properties.type, data: data21 };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
            if (data20.host !== void 0) {
              let data22 = data20.host;
              if (typeof data22 === "string") {
                if (func3(data22) > 253) {
                  const err53 = { instancePath: instancePath + "/services/db/host", schemaPath: "defs.schema.json#/definitions/host/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema22, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err53];
                  } else {
                    vErrors.push(err53);
                  }
                  errors++;
                }
                if (!pattern6.test(data22)) {
                  const err54 = { instancePath: instancePath + "/services/db/host", schemaPath: "defs.schema.json#/definitions/host/pattern", keyword: "pattern", params: { pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$" }, message: 'must match pattern "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$"', schema: "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+)$", parentSchema: schema22, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err54];
                  } else {
                    vErrors.push(err54);
                  }
                  errors++;
                }
              } else {
                const err55 = { instancePath: instancePath + "/services/db/host", schemaPath: "defs.schema.json#/definitions/host/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.type, parentSchema: schema22, data: data22 };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
            if (data20.port !== void 0) {
              let data23 = data20.port;
              if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
                const err56 = { instancePath: instancePath + "/services/db/port", schemaPath: "defs.schema.json#/definitions/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema23.type, parentSchema: schema23, data: data23 };
                if (vErrors === null) {
                  vErrors = [err56];
                } else {
                  vErrors.push(err56);
                }
                errors++;
              }
              if (typeof data23 == "number" && isFinite(data23)) {
                if (data23 > 65535 || isNaN(data23)) {
                  const err57 = { instancePath: instancePath + "/services/db/port", schemaPath: "defs.schema.json#/definitions/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema23, data: data23 };
                  if (vErrors === null) {
                    vErrors = [err57];
                  } else {
                    vErrors.push(err57);
                  }
                  errors++;
                }
                if (data23 < 1 || isNaN(data23)) {
                  const err58 = { instancePath: instancePath + "/services/db/port", schemaPath: "defs.schema.json#/definitions/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema23, data: data23 };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
              }
            }
            if (data20.adminUser !== void 0) {
              let data24 = data20.adminUser;
              if (typeof data24 === "string") {
                if (!pattern15.test(data24)) {
                  const err59 = { instancePath: instancePath + "/services/db/adminUser", schemaPath: "defs.schema.json#/definitions/dbUser/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]{1,80}$" }, message: 'must match pattern "^[A-Za-z0-9_.-]{1,80}$"', schema: "^[A-Za-z0-9_.-]{1,80}$", parentSchema: schema35, data: data24 };
                  if (vErrors === null) {
                    vErrors = [err59];
                  } else {
                    vErrors.push(err59);
                  }
                  errors++;
                }
              } else {
                const err60 = { instancePath: instancePath + "/services/db/adminUser", schemaPath: "defs.schema.json#/definitions/dbUser/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.type, parentSchema: schema35, data: data24 };
                if (vErrors === null) {
                  vErrors = [err60];
                } else {
                  vErrors.push(err60);
                }
                errors++;
              }
            }
            if (data20.grantHosts !== void 0) {
              let data25 = data20.grantHosts;
              if (Array.isArray(data25)) {
                const len0 = data25.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data26 = data25[i0];
                  if (typeof data26 === "string") {
                    if (func3(data26) > 255) {
                      const err61 = { instancePath: instancePath + "/services/db/grantHosts/" + i0, schemaPath: "defs.schema.json#/definitions/dbGrantHost/maxLength", keyword: "maxLength", params: { limit: 255 }, message: "must NOT have more than 255 characters", schema: 255, parentSchema: schema37, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err61];
                      } else {
                        vErrors.push(err61);
                      }
                      errors++;
                    }
                    if (func3(data26) < 1) {
                      const err62 = { instancePath: instancePath + "/services/db/grantHosts/" + i0, schemaPath: "defs.schema.json#/definitions/dbGrantHost/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err62];
                      } else {
                        vErrors.push(err62);
                      }
                      errors++;
                    }
                    if (!pattern17.test(data26)) {
                      const err63 = { instancePath: instancePath + "/services/db/grantHosts/" + i0, schemaPath: "defs.schema.json#/definitions/dbGrantHost/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.:%_-]+$" }, message: 'must match pattern "^[A-Za-z0-9.:%_-]+$"', schema: "^[A-Za-z0-9.:%_-]+$", parentSchema: schema37, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err63];
                      } else {
                        vErrors.push(err63);
                      }
                      errors++;
                    }
                  } else {
                    const err64 = { instancePath: instancePath + "/services/db/grantHosts/" + i0, schemaPath: "defs.schema.json#/definitions/dbGrantHost/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.type, parentSchema: schema37, data: data26 };
                    if (vErrors === null) {
                      vErrors = [err64];
                    } else {
                      vErrors.push(err64);
                    }
                    errors++;
                  }
                }
              } else {
                const err65 = { instancePath: instancePath + "/services/db/grantHosts", schemaPath: "#/properties/services/properties/db/properties/grantHosts/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema154.properties.services.properties.db.properties.grantHosts.type, parentSchema: schema154.properties.services.properties.db.properties.grantHosts, data: data25 };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            }
          } else {
            const err66 = { instancePath: instancePath + "/services/db", schemaPath: "#/properties/services/properties/db/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema154.properties.services.properties.db.type, parentSchema: schema154.properties.services.properties.db, data: data20 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
      } else {
        const err67 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema154.properties.services.type, parentSchema: schema154.properties.services, data: data9 };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
    if (data.reachable !== void 0) {
      let data27 = data.reachable;
      if (typeof data27 !== "boolean") {
        const err68 = { instancePath: instancePath + "/reachable", schemaPath: "#/properties/reachable/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema154.properties.reachable.type, parentSchema: schema154.properties.reachable, data: data27 };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
    }
    if (data.versions !== void 0) {
      let data28 = data.versions;
      if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
        for (const key4 in data28) {
          let data29 = data28[key4];
          if (typeof data29 !== "string") {
            const err69 = { instancePath: instancePath + "/versions/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/versions/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema154.properties.versions.additionalProperties.type, parentSchema: schema154.properties.versions.additionalProperties, data: data29 };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
        }
      } else {
        const err70 = { instancePath: instancePath + "/versions", schemaPath: "#/properties/versions/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema154.properties.versions.type, parentSchema: schema154.properties.versions, data: data28 };
        if (vErrors === null) {
          vErrors = [err70];
        } else {
          vErrors.push(err70);
        }
        errors++;
      }
    }
    if (data.verifiedAt !== void 0) {
      let data30 = data.verifiedAt;
      if (typeof data30 === "string") {
        if (!pattern53.test(data30)) {
          const err71 = { instancePath: instancePath + "/verifiedAt", schemaPath: "defs.schema.json#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data30 };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
      } else {
        const err72 = { instancePath: instancePath + "/verifiedAt", schemaPath: "defs.schema.json#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data30 };
        if (vErrors === null) {
          vErrors = [err72];
        } else {
          vErrors.push(err72);
        }
        errors++;
      }
    }
    if (data.lastOperation !== void 0) {
      if (!validate64(data.lastOperation, { instancePath: instancePath + "/lastOperation", parentData: data, parentDataProperty: "lastOperation", rootData })) {
        vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err73 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema154.type, parentSchema: schema154, data };
    if (vErrors === null) {
      vErrors = [err73];
    } else {
      vErrors.push(err73);
    }
    errors++;
  }
  validate63.errors = vErrors;
  return errors === 0;
}
var state_site_schema_json = validate43;
var schema90 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://tide.dev/schemas/v1/state-site.schema.json", "title": "tide recorded site", "description": "state/sites/NAME.json on the state branch: the site spec tide last applied, where it lives, its database names, packages and backups. A deleted site has no file. Written by tide; not edited by hand.", "type": "object", "additionalProperties": false, "required": ["formatVersion", "name", "platform", "server", "url", "aliases", "redirectAliases", "status", "profile", "generation"], "properties": { "formatVersion": { "type": "integer", "const": 1, "description": "Version of the state file format." }, "name": { "$ref": "defs.schema.json#/definitions/hostname", "description": "The site's name (also the file's name)." }, "platform": { "$ref": "defs.schema.json#/definitions/slug", "description": "Platform the site runs on." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "Server the site lives on." }, "url": { "$ref": "defs.schema.json#/definitions/hostname", "description": "Host name the site is served at." }, "aliases": { "type": "array", "uniqueItems": true, "description": "Other host names the site answers on.", "items": { "$ref": "defs.schema.json#/definitions/hostname", "description": "An alias host name." } }, "redirectAliases": { "type": "boolean", "description": "Whether aliases redirect to url." }, "https": { "$ref": "defs.schema.json#/definitions/siteHttps", "description": "The TLS settings the vhost was written with; absent for HTTP only." }, "status": { "type": "string", "enum": ["enabled", "disabled"], "description": "enabled or disabled (a deleted site has no state file)." }, "client": { "$ref": "defs.schema.json#/definitions/slug", "description": "Client that owns the site." }, "profile": { "$ref": "defs.schema.json#/definitions/slug", "description": "Install profile the site was installed with." }, "cron": { "$ref": "defs.schema.json#/definitions/duration", "description": "Cron interval; absent for none." }, "vars": { "$ref": "defs.schema.json#/definitions/vars", "description": "The vars settings.json was written with (the site's over its platform's); absent for none." }, "backupPolicy": { "$ref": "defs.schema.json#/definitions/backupPolicy", "description": "Scheduled backup policy (the site's backups field); absent for none." }, "db": { "type": "object", "additionalProperties": false, "required": ["name", "user"], "description": "The site's database and database user; the password lives only in the site's settings file on the server.", "properties": { "name": { "$ref": "defs.schema.json#/definitions/dbName", "description": "Name of the site's database." }, "user": { "$ref": "defs.schema.json#/definitions/dbUser", "description": "Database user the site connects as." } } }, "packages": { "type": "array", "description": "Package inventory from the last verify.", "items": { "$ref": "defs.schema.json#/definitions/package", "description": "One package of the site." } }, "backups": { "type": "array", "description": "Backups tide took of the site and still keeps.", "items": { "type": "object", "additionalProperties": false, "required": ["id", "path", "at", "size"], "description": "One backup.", "properties": { "id": { "$ref": "defs.schema.json#/definitions/recordId", "description": "The backup's id, unique among the site's backups: the id of the operation that took it, which names its archive (backups/SITE/ID.tar.gz)." }, "path": { "$ref": "defs.schema.json#/definitions/absPath", "description": "Path of the backup archive on its server." }, "server": { "$ref": "defs.schema.json#/definitions/slug", "description": "Server the archive is on (where the site was when it was taken)." }, "at": { "$ref": "defs.schema.json#/definitions/timestamp", "description": "When the backup was taken." }, "size": { "type": "integer", "minimum": 0, "description": "Size of the archive in bytes." }, "sha256": { "$ref": "defs.schema.json#/definitions/sha256", "description": "SHA-256 of the archive." } } } }, "generation": { "type": "integer", "minimum": 0, "description": "Generation of the recorded site; it goes up each time tide changes the site." }, "lastOperation": { "$ref": "defs.schema.json#/definitions/lastOperation", "description": "The last operation tide ran on it." }, "drift": { "type": "array", "description": "What the last tide verify found different on the server from what was recorded; a site with drift gets a verify operation in the next plan, which puts it right.", "items": { "type": "string", "minLength": 1, "description": "One difference, in words." } } } };
var schema106 = { "type": "string", "pattern": "^[A-Za-z0-9_]{1,64}$", "description": "a database name of 1 to 64 letters, digits or '_'" };
var pattern66 = new RegExp("^[A-Za-z0-9_]{1,64}$", "u");
function validate44(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.certificate === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "certificate" }, message: "must have required property 'certificate'", schema: schema54.required, parentSchema: schema54, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.key === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema54.required, parentSchema: schema54, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "certificate" || key0 === "key" || key0 === "required")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema54, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.certificate !== void 0) {
      let data0 = data.certificate;
      if (typeof data0 === "string") {
        if (!pattern10.test(data0)) {
          const err3 = { instancePath: instancePath + "/certificate", schemaPath: "#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/certificate", schemaPath: "#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.key !== void 0) {
      let data1 = data.key;
      if (typeof data1 === "string") {
        if (!pattern10.test(data1)) {
          const err5 = { instancePath: instancePath + "/key", schemaPath: "#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/key", schemaPath: "#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.required !== void 0) {
      let data2 = data.required;
      if (typeof data2 !== "boolean") {
        const err7 = { instancePath: instancePath + "/required", schemaPath: "#/properties/required/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema54.properties.required.type, parentSchema: schema54.properties.required, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema54.type, parentSchema: schema54, data };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate44.errors = vErrors;
  return errors === 0;
}
function validate46(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length > 100) {
      const err0 = { instancePath, schemaPath: "#/maxProperties", keyword: "maxProperties", params: { limit: 100 }, message: "must NOT have more than 100 properties", schema: 100, parentSchema: schema46, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern24.test(key0)) {
          const err1 = { instancePath, schemaPath: "#/definitions/varName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$" }, message: 'must match pattern "^[A-Za-z][A-Za-z0-9_]{0,63}$"', schema: "^[A-Za-z][A-Za-z0-9_]{0,63}$", parentSchema: schema47, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath, schemaPath: "#/definitions/varName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema47.type, parentSchema: schema47, data: key0, propertyName: key0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err3 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema46.propertyNames, parentSchema: schema46, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (typeof data0 === "string") {
        if (func3(data0) > 4096) {
          const err4 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema46.additionalProperties, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema46.additionalProperties.type, parentSchema: schema46.additionalProperties, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema46.type, parentSchema: schema46, data };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate46.errors = vErrors;
  return errors === 0;
}
function validate48(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.every === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "every" }, message: "must have required property 'every'", schema: schema60.required, parentSchema: schema60, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.keep === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "keep" }, message: "must have required property 'keep'", schema: schema60.required, parentSchema: schema60, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "every" || key0 === "keep")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema60, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.every !== void 0) {
      let data0 = data.every;
      if (typeof data0 === "string") {
        if (!pattern4.test(data0)) {
          const err3 = { instancePath: instancePath + "/every", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]*[mhdw]$" }, message: 'must match pattern "^[1-9][0-9]*[mhdw]$"', schema: "^[1-9][0-9]*[mhdw]$", parentSchema: schema19, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/every", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.type, parentSchema: schema19, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.keep !== void 0) {
      let data1 = data.keep;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err5 = { instancePath: instancePath + "/keep", schemaPath: "#/properties/keep/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema60.properties.keep.type, parentSchema: schema60.properties.keep, data: data1 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 < 1 || isNaN(data1)) {
          const err6 = { instancePath: instancePath + "/keep", schemaPath: "#/properties/keep/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema60.properties.keep, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      }
    }
  } else {
    const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema60.type, parentSchema: schema60, data };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate48.errors = vErrors;
  return errors === 0;
}
function validate50(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.status === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.at === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema114.required, parentSchema: schema114, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "id" || key0 === "action" || key0 === "status" || key0 === "at")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema114, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern68.test(data0)) {
          const err5 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/recordId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", parentSchema: schema109, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/recordId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema109.type, parentSchema: schema109, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data1 = data.action;
      if (typeof data1 === "string") {
        if (func3(data1) < 1) {
          const err7 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema114.properties.action, data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema114.properties.action.type, parentSchema: schema114.properties.action, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.status !== void 0) {
      let data2 = data.status;
      if (typeof data2 !== "string") {
        const err9 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema114.properties.status.type, parentSchema: schema114.properties.status, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (!(data2 === "ok" || data2 === "failed" || data2 === "rolled-back" || data2 === "interrupted")) {
        const err10 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema114.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema114.properties.status.enum, parentSchema: schema114.properties.status, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.at !== void 0) {
      let data3 = data.at;
      if (typeof data3 === "string") {
        if (!pattern53.test(data3)) {
          const err11 = { instancePath: instancePath + "/at", schemaPath: "#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data3 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/at", schemaPath: "#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema114.type, parentSchema: schema114, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate50.errors = vErrors;
  return errors === 0;
}
function validate43(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.formatVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "formatVersion" }, message: "must have required property 'formatVersion'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.platform === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "platform" }, message: "must have required property 'platform'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.server === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "server" }, message: "must have required property 'server'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.url === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "url" }, message: "must have required property 'url'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.aliases === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "aliases" }, message: "must have required property 'aliases'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.redirectAliases === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "redirectAliases" }, message: "must have required property 'redirectAliases'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.status === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.profile === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "profile" }, message: "must have required property 'profile'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.generation === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "generation" }, message: "must have required property 'generation'", schema: schema90.required, parentSchema: schema90, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema90.properties, key0)) {
        const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema90, data };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.formatVersion !== void 0) {
      let data0 = data.formatVersion;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err11 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema90.properties.formatVersion.type, parentSchema: schema90.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (1 !== data0) {
        const err12 = { instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema90.properties.formatVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern25.test(data1)) {
          const err13 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/hostname/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"', schema: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", parentSchema: schema49, data: data1 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/name", schemaPath: "defs.schema.json#/definitions/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data1 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.platform !== void 0) {
      let data2 = data.platform;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err15 = { instancePath: instancePath + "/platform", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data2 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/platform", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data2 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.server !== void 0) {
      let data3 = data.server;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err17 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data3 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/server", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data3 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.url !== void 0) {
      let data4 = data.url;
      if (typeof data4 === "string") {
        if (!pattern25.test(data4)) {
          const err19 = { instancePath: instancePath + "/url", schemaPath: "defs.schema.json#/definitions/hostname/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"', schema: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", parentSchema: schema49, data: data4 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = { instancePath: instancePath + "/url", schemaPath: "defs.schema.json#/definitions/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data4 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.aliases !== void 0) {
      let data5 = data.aliases;
      if (Array.isArray(data5)) {
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data6 = data5[i0];
          if (typeof data6 === "string") {
            if (!pattern25.test(data6)) {
              const err21 = { instancePath: instancePath + "/aliases/" + i0, schemaPath: "defs.schema.json#/definitions/hostname/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"', schema: "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", parentSchema: schema49, data: data6 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          } else {
            const err22 = { instancePath: instancePath + "/aliases/" + i0, schemaPath: "defs.schema.json#/definitions/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data6 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        let i1 = data5.length;
        let j0;
        if (i1 > 1) {
          outer0: for (; i1--; ) {
            for (j0 = i1; j0--; ) {
              if (func0(data5[i1], data5[j0])) {
                const err23 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema90.properties.aliases, data: data5 };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err24 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema90.properties.aliases.type, parentSchema: schema90.properties.aliases, data: data5 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.redirectAliases !== void 0) {
      let data7 = data.redirectAliases;
      if (typeof data7 !== "boolean") {
        const err25 = { instancePath: instancePath + "/redirectAliases", schemaPath: "#/properties/redirectAliases/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema90.properties.redirectAliases.type, parentSchema: schema90.properties.redirectAliases, data: data7 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.https !== void 0) {
      if (!validate44(data.https, { instancePath: instancePath + "/https", parentData: data, parentDataProperty: "https", rootData })) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== void 0) {
      let data9 = data.status;
      if (typeof data9 !== "string") {
        const err26 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema90.properties.status.type, parentSchema: schema90.properties.status, data: data9 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
      if (!(data9 === "enabled" || data9 === "disabled")) {
        const err27 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema90.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema90.properties.status.enum, parentSchema: schema90.properties.status, data: data9 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.client !== void 0) {
      let data10 = data.client;
      if (typeof data10 === "string") {
        if (!pattern0.test(data10)) {
          const err28 = { instancePath: instancePath + "/client", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data10 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/client", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data10 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.profile !== void 0) {
      let data11 = data.profile;
      if (typeof data11 === "string") {
        if (!pattern0.test(data11)) {
          const err30 = { instancePath: instancePath + "/profile", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data11 };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
      } else {
        const err31 = { instancePath: instancePath + "/profile", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data11 };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
    if (data.cron !== void 0) {
      let data12 = data.cron;
      if (typeof data12 === "string") {
        if (!pattern4.test(data12)) {
          const err32 = { instancePath: instancePath + "/cron", schemaPath: "defs.schema.json#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]*[mhdw]$" }, message: 'must match pattern "^[1-9][0-9]*[mhdw]$"', schema: "^[1-9][0-9]*[mhdw]$", parentSchema: schema19, data: data12 };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
      } else {
        const err33 = { instancePath: instancePath + "/cron", schemaPath: "defs.schema.json#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.type, parentSchema: schema19, data: data12 };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
    if (data.vars !== void 0) {
      if (!validate46(data.vars, { instancePath: instancePath + "/vars", parentData: data, parentDataProperty: "vars", rootData })) {
        vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
        errors = vErrors.length;
      }
    }
    if (data.backupPolicy !== void 0) {
      if (!validate48(data.backupPolicy, { instancePath: instancePath + "/backupPolicy", parentData: data, parentDataProperty: "backupPolicy", rootData })) {
        vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
        errors = vErrors.length;
      }
    }
    if (data.db !== void 0) {
      let data15 = data.db;
      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
        if (data15.name === void 0) {
          const err34 = { instancePath: instancePath + "/db", schemaPath: "#/properties/db/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema90.properties.db.required, parentSchema: schema90.properties.db, data: data15 };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
        if (data15.user === void 0) {
          const err35 = { instancePath: instancePath + "/db", schemaPath: "#/properties/db/required", keyword: "required", params: { missingProperty: "user" }, message: "must have required property 'user'", schema: schema90.properties.db.required, parentSchema: schema90.properties.db, data: data15 };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
        for (const key1 in data15) {
          if (!(key1 === "name" || key1 === "user")) {
            const err36 = { instancePath: instancePath + "/db", schemaPath: "#/properties/db/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema90.properties.db, data: data15 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data15.name !== void 0) {
          let data16 = data15.name;
          if (typeof data16 === "string") {
            if (!pattern66.test(data16)) {
              const err37 = { instancePath: instancePath + "/db/name", schemaPath: "defs.schema.json#/definitions/dbName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9_]{1,64}$"', schema: "^[A-Za-z0-9_]{1,64}$", parentSchema: schema106, data: data16 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          } else {
            const err38 = { instancePath: instancePath + "/db/name", schemaPath: "defs.schema.json#/definitions/dbName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema106.type, parentSchema: schema106, data: data16 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data15.user !== void 0) {
          let data17 = data15.user;
          if (typeof data17 === "string") {
            if (!pattern15.test(data17)) {
              const err39 = { instancePath: instancePath + "/db/user", schemaPath: "defs.schema.json#/definitions/dbUser/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]{1,80}$" }, message: 'must match pattern "^[A-Za-z0-9_.-]{1,80}$"', schema: "^[A-Za-z0-9_.-]{1,80}$", parentSchema: schema35, data: data17 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          } else {
            const err40 = { instancePath: instancePath + "/db/user", schemaPath: "defs.schema.json#/definitions/dbUser/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.type, parentSchema: schema35, data: data17 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
      } else {
        const err41 = { instancePath: instancePath + "/db", schemaPath: "#/properties/db/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema90.properties.db.type, parentSchema: schema90.properties.db, data: data15 };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.packages !== void 0) {
      let data18 = data.packages;
      if (Array.isArray(data18)) {
        const len1 = data18.length;
        for (let i2 = 0; i2 < len1; i2++) {
          let data19 = data18[i2];
          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
            if (data19.name === void 0) {
              const err42 = { instancePath: instancePath + "/packages/" + i2, schemaPath: "defs.schema.json#/definitions/package/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema108.required, parentSchema: schema108, data: data19 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
            if (data19.type === void 0) {
              const err43 = { instancePath: instancePath + "/packages/" + i2, schemaPath: "defs.schema.json#/definitions/package/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema108.required, parentSchema: schema108, data: data19 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
            if (data19.version === void 0) {
              const err44 = { instancePath: instancePath + "/packages/" + i2, schemaPath: "defs.schema.json#/definitions/package/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema108.required, parentSchema: schema108, data: data19 };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
            for (const key2 in data19) {
              if (!(key2 === "name" || key2 === "type" || key2 === "version" || key2 === "schema" || key2 === "enabled")) {
                const err45 = { instancePath: instancePath + "/packages/" + i2, schemaPath: "defs.schema.json#/definitions/package/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema108, data: data19 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
            if (data19.name !== void 0) {
              let data20 = data19.name;
              if (typeof data20 === "string") {
                if (func3(data20) < 1) {
                  const err46 = { instancePath: instancePath + "/packages/" + i2 + "/name", schemaPath: "defs.schema.json#/definitions/package/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema108.properties.name, data: data20 };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              } else {
                const err47 = { instancePath: instancePath + "/packages/" + i2 + "/name", schemaPath: "defs.schema.json#/definitions/package/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema108.properties.name.type, parentSchema: schema108.properties.name, data: data20 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
            if (data19.type !== void 0) {
              let data21 = data19.type;
              if (typeof data21 === "string") {
                if (func3(data21) < 1) {
                  const err48 = { instancePath: instancePath + "/packages/" + i2 + "/type", schemaPath: "defs.schema.json#/definitions/package/properties/type/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema108.properties.type, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
              } else {
                const err49 = { instancePath: instancePath + "/packages/" + i2 + "/type", schemaPath: "defs.schema.json#/definitions/package/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema108.properties.type.type, parentSchema: schema108.properties.type, data: data21 };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
            if (data19.version !== void 0) {
              let data22 = data19.version;
              if (typeof data22 !== "string") {
                const err50 = { instancePath: instancePath + "/packages/" + i2 + "/version", schemaPath: "defs.schema.json#/definitions/package/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema108.properties.version.type, parentSchema: schema108.properties.version, data: data22 };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
            if (data19.schema !== void 0) {
              let data23 = data19.schema;
              if (!(typeof data23 == "number" && isFinite(data23)) && data23 !== null) {
                const err51 = { instancePath: instancePath + "/packages/" + i2 + "/schema", schemaPath: "defs.schema.json#/definitions/package/properties/schema/type", keyword: "type", params: { type: schema108.properties.schema.type }, message: "must be number,null", schema: schema108.properties.schema.type, parentSchema: schema108.properties.schema, data: data23 };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
            }
            if (data19.enabled !== void 0) {
              let data24 = data19.enabled;
              if (typeof data24 !== "boolean") {
                const err52 = { instancePath: instancePath + "/packages/" + i2 + "/enabled", schemaPath: "defs.schema.json#/definitions/package/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema108.properties.enabled.type, parentSchema: schema108.properties.enabled, data: data24 };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
          } else {
            const err53 = { instancePath: instancePath + "/packages/" + i2, schemaPath: "defs.schema.json#/definitions/package/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema108.type, parentSchema: schema108, data: data19 };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
      } else {
        const err54 = { instancePath: instancePath + "/packages", schemaPath: "#/properties/packages/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema90.properties.packages.type, parentSchema: schema90.properties.packages, data: data18 };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.backups !== void 0) {
      let data25 = data.backups;
      if (Array.isArray(data25)) {
        const len2 = data25.length;
        for (let i3 = 0; i3 < len2; i3++) {
          let data26 = data25[i3];
          if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
            if (data26.id === void 0) {
              const err55 = { instancePath: instancePath + "/backups/" + i3, schemaPath: "#/properties/backups/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema90.properties.backups.items.required, parentSchema: schema90.properties.backups.items, data: data26 };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
            if (data26.path === void 0) {
              const err56 = { instancePath: instancePath + "/backups/" + i3, schemaPath: "#/properties/backups/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema90.properties.backups.items.required, parentSchema: schema90.properties.backups.items, data: data26 };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
            if (data26.at === void 0) {
              const err57 = { instancePath: instancePath + "/backups/" + i3, schemaPath: "#/properties/backups/items/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema90.properties.backups.items.required, parentSchema: schema90.properties.backups.items, data: data26 };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
            if (data26.size === void 0) {
              const err58 = { instancePath: instancePath + "/backups/" + i3, schemaPath: "#/properties/backups/items/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'", schema: schema90.properties.backups.items.required, parentSchema: schema90.properties.backups.items, data: data26 };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
            for (const key3 in data26) {
              if (!(key3 === "id" || key3 === "path" || key3 === "server" || key3 === "at" || key3 === "size" || key3 === "sha256")) {
                const err59 = { instancePath: instancePath + "/backups/" + i3, schemaPath: "#/properties/backups/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema90.properties.backups.items, data: data26 };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data26.id !== void 0) {
              let data27 = data26.id;
              if (typeof data27 === "string") {
                if (!pattern68.test(data27)) {
                  const err60 = { instancePath: instancePath + "/backups/" + i3 + "/id", schemaPath: "defs.schema.json#/definitions/recordId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$", parentSchema: schema109, data: data27 };
                  if (vErrors === null) {
                    vErrors = [err60];
                  } else {
                    vErrors.push(err60);
                  }
                  errors++;
                }
              } else {
                const err61 = { instancePath: instancePath + "/backups/" + i3 + "/id", schemaPath: "defs.schema.json#/definitions/recordId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema109.type, parentSchema: schema109, data: data27 };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
            }
            if (data26.path !== void 0) {
              let data28 = data26.path;
              if (typeof data28 === "string") {
                if (!pattern10.test(data28)) {
                  const err62 = { instancePath: instancePath + "/backups/" + i3 + "/path", schemaPath: "defs.schema.json#/definitions/absPath/pattern", keyword: "pattern", params: { pattern: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$" }, message: 'must match pattern "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$"', schema: "^(?!.*/\\.\\.(?:/|$))/[A-Za-z0-9._/@+-]*$", parentSchema: schema27, data: data28 };
                  if (vErrors === null) {
                    vErrors = [err62];
                  } else {
                    vErrors.push(err62);
                  }
                  errors++;
                }
              } else {
                const err63 = { instancePath: instancePath + "/backups/" + i3 + "/path", schemaPath: "defs.schema.json#/definitions/absPath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.type, parentSchema: schema27, data: data28 };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
            }
            if (data26.server !== void 0) {
              let data29 = data26.server;
              if (typeof data29 === "string") {
                if (!pattern0.test(data29)) {
                  const err64 = { instancePath: instancePath + "/backups/" + i3 + "/server", schemaPath: "defs.schema.json#/definitions/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"', schema: "^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$", parentSchema: schema13, data: data29 };
                  if (vErrors === null) {
                    vErrors = [err64];
                  } else {
                    vErrors.push(err64);
                  }
                  errors++;
                }
              } else {
                const err65 = { instancePath: instancePath + "/backups/" + i3 + "/server", schemaPath: "defs.schema.json#/definitions/slug/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data29 };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            }
            if (data26.at !== void 0) {
              let data30 = data26.at;
              if (typeof data30 === "string") {
                if (!pattern53.test(data30)) {
                  const err66 = { instancePath: instancePath + "/backups/" + i3 + "/at", schemaPath: "defs.schema.json#/definitions/timestamp/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema89, data: data30 };
                  if (vErrors === null) {
                    vErrors = [err66];
                  } else {
                    vErrors.push(err66);
                  }
                  errors++;
                }
              } else {
                const err67 = { instancePath: instancePath + "/backups/" + i3 + "/at", schemaPath: "defs.schema.json#/definitions/timestamp/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema89.type, parentSchema: schema89, data: data30 };
                if (vErrors === null) {
                  vErrors = [err67];
                } else {
                  vErrors.push(err67);
                }
                errors++;
              }
            }
            if (data26.size !== void 0) {
              let data31 = data26.size;
              if (!(typeof data31 == "number" && (!(data31 % 1) && !isNaN(data31)) && isFinite(data31))) {
                const err68 = { instancePath: instancePath + "/backups/" + i3 + "/size", schemaPath: "#/properties/backups/items/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema90.properties.backups.items.properties.size.type, parentSchema: schema90.properties.backups.items.properties.size, data: data31 };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
              if (typeof data31 == "number" && isFinite(data31)) {
                if (data31 < 0 || isNaN(data31)) {
                  const err69 = { instancePath: instancePath + "/backups/" + i3 + "/size", schemaPath: "#/properties/backups/items/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema90.properties.backups.items.properties.size, data: data31 };
                  if (vErrors === null) {
                    vErrors = [err69];
                  } else {
                    vErrors.push(err69);
                  }
                  errors++;
                }
              }
            }
            if (data26.sha256 !== void 0) {
              let data32 = data26.sha256;
              if (typeof data32 === "string") {
                if (!pattern40.test(data32)) {
                  const err70 = { instancePath: instancePath + "/backups/" + i3 + "/sha256", schemaPath: "defs.schema.json#/definitions/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema68, data: data32 };
                  if (vErrors === null) {
                    vErrors = [err70];
                  } else {
                    vErrors.push(err70);
                  }
                  errors++;
                }
              } else {
                const err71 = { instancePath: instancePath + "/backups/" + i3 + "/sha256", schemaPath: "defs.schema.json#/definitions/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema68.type, parentSchema: schema68, data: data32 };
                if (vErrors === null) {
                  vErrors = [err71];
                } else {
                  vErrors.push(err71);
                }
                errors++;
              }
            }
          } else {
            const err72 = { instancePath: instancePath + "/backups/" + i3, schemaPath: "#/properties/backups/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema90.properties.backups.items.type, parentSchema: schema90.properties.backups.items, data: data26 };
            if (vErrors === null) {
              vErrors = [err72];
            } else {
              vErrors.push(err72);
            }
            errors++;
          }
        }
      } else {
        const err73 = { instancePath: instancePath + "/backups", schemaPath: "#/properties/backups/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema90.properties.backups.type, parentSchema: schema90.properties.backups, data: data25 };
        if (vErrors === null) {
          vErrors = [err73];
        } else {
          vErrors.push(err73);
        }
        errors++;
      }
    }
    if (data.generation !== void 0) {
      let data33 = data.generation;
      if (!(typeof data33 == "number" && (!(data33 % 1) && !isNaN(data33)) && isFinite(data33))) {
        const err74 = { instancePath: instancePath + "/generation", schemaPath: "#/properties/generation/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema90.properties.generation.type, parentSchema: schema90.properties.generation, data: data33 };
        if (vErrors === null) {
          vErrors = [err74];
        } else {
          vErrors.push(err74);
        }
        errors++;
      }
      if (typeof data33 == "number" && isFinite(data33)) {
        if (data33 < 0 || isNaN(data33)) {
          const err75 = { instancePath: instancePath + "/generation", schemaPath: "#/properties/generation/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema90.properties.generation, data: data33 };
          if (vErrors === null) {
            vErrors = [err75];
          } else {
            vErrors.push(err75);
          }
          errors++;
        }
      }
    }
    if (data.lastOperation !== void 0) {
      if (!validate50(data.lastOperation, { instancePath: instancePath + "/lastOperation", parentData: data, parentDataProperty: "lastOperation", rootData })) {
        vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
        errors = vErrors.length;
      }
    }
    if (data.drift !== void 0) {
      let data35 = data.drift;
      if (Array.isArray(data35)) {
        const len3 = data35.length;
        for (let i4 = 0; i4 < len3; i4++) {
          let data36 = data35[i4];
          if (typeof data36 === "string") {
            if (func3(data36) < 1) {
              const err76 = { instancePath: instancePath + "/drift/" + i4, schemaPath: "#/properties/drift/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema90.properties.drift.items, data: data36 };
              if (vErrors === null) {
                vErrors = [err76];
              } else {
                vErrors.push(err76);
              }
              errors++;
            }
          } else {
            const err77 = { instancePath: instancePath + "/drift/" + i4, schemaPath: "#/properties/drift/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema90.properties.drift.items.type, parentSchema: schema90.properties.drift.items, data: data36 };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
        }
      } else {
        const err78 = { instancePath: instancePath + "/drift", schemaPath: "#/properties/drift/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema90.properties.drift.type, parentSchema: schema90.properties.drift, data: data35 };
        if (vErrors === null) {
          vErrors = [err78];
        } else {
          vErrors.push(err78);
        }
        errors++;
      }
    }
  } else {
    const err79 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema90.type, parentSchema: schema90, data };
    if (vErrors === null) {
      vErrors = [err79];
    } else {
      vErrors.push(err79);
    }
    errors++;
  }
  validate43.errors = vErrors;
  return errors === 0;
}
export {
  BUILD_IDENTITY,
  client_schema_json,
  defs_schema_json,
  fleet_file_schema_json,
  fleet_schema_json,
  plan_schema_json,
  platform_schema_json,
  server_schema_json,
  site_schema_json,
  state_deleted_site_schema_json,
  state_operation_schema_json,
  state_platform_schema_json,
  state_running_schema_json,
  state_server_schema_json,
  state_site_schema_json
};
