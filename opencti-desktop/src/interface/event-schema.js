/**
 * Validation of canonical events against the v1 JSON Schema of `opencti-model` (draft 2020-12), with the
 * vendored `@cfworker/json-schema`, which runs unchanged in browsers and in node. The schema files are imported
 * as JSON modules through the `src/schema` symlink, so the browser fetches exactly what Java validates with.
 * @module
 */
import { Validator } from '../vendor/json-schema/index.js';
import index from '../schema/v1/opencti-v1.schema.json' with { type: 'json' };
import common from '../schema/v1/common.schema.json' with { type: 'json' };
import snapshotEvent from '../schema/v1/events/SnapshotEvent.schema.json' with { type: 'json' };
import agentStateEvent from '../schema/v1/events/AgentStateEvent.schema.json' with { type: 'json' };
import callStateEvent from '../schema/v1/events/CallStateEvent.schema.json' with { type: 'json' };
import partyInfoEvent from '../schema/v1/events/PartyInfoEvent.schema.json' with { type: 'json' };
import callInfoEvent from '../schema/v1/events/CallInfoEvent.schema.json' with { type: 'json' };
import linkStateEvent from '../schema/v1/events/LinkStateEvent.schema.json' with { type: 'json' };
import queueEvent from '../schema/v1/events/QueueEvent.schema.json' with { type: 'json' };
import errorEvent from '../schema/v1/events/ErrorEvent.schema.json' with { type: 'json' };

/**
 * @typedef {object} SchemaVerdict
 * @property {boolean} valid
 * @property {string} [message] when invalid: the first failing location and what it expected
 * @property {Record<string, string>} [details] when invalid: `path` (JSONPath, `$.callData.amount`), `keyword`,
 *   `type`, `seq`
 */

const EVENT_SCHEMAS = [snapshotEvent, agentStateEvent, callStateEvent, partyInfoEvent, callInfoEvent,
  linkStateEvent, queueEvent, errorEvent];

/**
 * Builds a validator for `schema` against the v1 index and every schema it references.
 * @param {object} schema the root to validate with, typically a `$ref` into the index
 * @param {object[]} [extraSchemas] more schema documents (with `$id`) the root may reference
 * @returns {Validator}
 */
export function v1Validator(schema, extraSchemas = []) {
  const validator = new Validator(schema, '2020-12', false);
  for (const document of [index, common, ...EVENT_SCHEMAS, ...extraSchemas]) validator.addSchema(document);
  return validator;
}

let eventValidator;

/**
 * Validates one canonical event against `opencti-v1.schema.json#/$defs/event`.
 * @param {unknown} event
 * @returns {SchemaVerdict}
 */
export function validateEvent(event) {
  eventValidator ??= v1Validator({ $ref: `${index.$id}#/$defs/event` });
  return verdict(eventValidator.validate(event), event);
}

/**
 * Turns a cfworker result into a verdict whose message says where the event is wrong and what was expected.
 * @param {{valid: boolean, errors: {instanceLocation: string, keyword: string, error: string}[]}} result
 * @param {any} instance
 * @returns {SchemaVerdict}
 */
export function verdict(result, instance) {
  if (result.valid) return { valid: true };
  // The deepest error names the field; the outer ones ("failed allOf") only repeat it.
  const deepest = [...result.errors].sort((a, b) => b.instanceLocation.length - a.instanceLocation.length)
    .find(e => !['allOf', 'then', 'else', '$ref', 'if', 'properties', 'items', 'false'].includes(e.keyword))
    ?? result.errors[0];
  const type = typeof instance?.type === 'string' ? instance.type : 'event';
  const path = jsonPath(deepest.instanceLocation);
  const reason = deepest.error.replace(/\.$/, '');
  return {
    valid: false,
    message: `Invalid ${type}${instance?.seq !== undefined ? ` seq ${instance.seq}` : ''} at ${path}: ${reason}; `
      + 'it does not match the OpenCTI v1 schema and was not applied.',
    details: {
      type, path, keyword: deepest.keyword,
      ...(instance?.seq !== undefined ? { seq: String(instance.seq) } : {}),
    },
  };
}

/**
 * `#/calls/0/since` -> `$.calls[0].since`: the JSONPath form the golden `expected-errors.json` uses.
 * @param {string} pointer a JSON Pointer fragment
 * @returns {string}
 */
export function jsonPath(pointer) {
  return pointer.replace(/^#/, '').split('/').slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), '$');
}
