import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonPath, v1Validator, validateEvent, verdict } from '../../src/interface/event-schema.js';
import { buildRequest, FIELDS } from '../../src/interface/requests.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { InMemoryImplementation } from '../../src/implementations/in-memory.js';
import { RecordingImplementation } from '../support/events.js';

// The golden examples of opencti-model, the same files the Java tests load.
const SCHEMA = fileURLToPath(new URL('../../src/schema/v1/', import.meta.url));
const EXAMPLES = `${SCHEMA}examples/`;
const expected = JSON.parse(fs.readFileSync(`${EXAMPLES}expected-errors.json`, 'utf8')).files;
const read = path => JSON.parse(fs.readFileSync(path, 'utf8'));
const examples = kind => fs.readdirSync(`${EXAMPLES}${kind}`).filter(f => f.endsWith('.json'))
  .map(file => ({ file, json: read(`${EXAMPLES}${kind}/${file}`), isEvent: /^[A-Z]/.test(file) }));
const requestSchemas = fs.readdirSync(`${SCHEMA}requests`).map(f => read(`${SCHEMA}requests/${f}`));
const requestValidator = v1Validator({ $ref: 'https://opencti.org/schema/v1/opencti-v1.schema.json#/$defs/request' }, requestSchemas);

test('the golden examples are there', () => {
  assert.ok(examples('valid').length >= 30 && examples('invalid').length >= 20);
});

for (const { file, json, isEvent } of examples('valid')) {
  test(`golden valid ${file} passes ${isEvent ? 'the event schema' : 'the request checks'}`, () => {
    if (isEvent) {
      assert.deepEqual(validateEvent(json), { valid: true });
    } else {
      const { type, ...fields } = json;
      assert.deepEqual(buildRequest(type, fields), json);
    }
  });
}

for (const { file, json, isEvent } of examples('invalid')) {
  const { path, kind } = expected[file];
  test(`golden invalid ${file} fails at ${path} as ${kind === 'event' ? 'OPENCTI_INVALID_EVENT' : 'OPENCTI_BAD_REQUEST'}`, () => {
    assert.equal(isEvent, kind === 'event');
    if (isEvent) {
      const result = validateEvent(json);
      assert.equal(result.valid, false);
      assert.equal(result.details.path, path);
    } else {
      const { type, ...fields } = json;
      assert.throws(() => buildRequest(type, fields), e => e.code === 'OPENCTI_BAD_REQUEST' && e.details.path === path);
    }
  });
}

test('an invalid golden event is reported through the Interface with its schema path, and not applied', async () => {
  const implementation = new RecordingImplementation();
  const cti = new OpenCti({ implementation });
  await cti.connect();
  const errors = [];
  cti.addEventListener('error', e => errors.push(e.error));
  const { json } = examples('invalid').find(e => e.file === 'CallStateEvent.call-data-not-string.json');

  implementation.emit(json);

  assert.equal(errors[0].code, 'OPENCTI_INVALID_EVENT');
  assert.equal(errors[0].details.path, '$.callData.amount');
  assert.deepEqual(cti.state.calls, []);
});

test('every request the Interface sends matches the v1 request schema', async () => {
  const sent = [];
  const implementation = new InMemoryImplementation();
  const send = implementation.send.bind(implementation);
  implementation.send = request => { sent.push(request); return send(request); };
  const cti = new OpenCti({ implementation });

  await cti.login('1001', 'demo', '5001', { mode: 'full', clientSide: false });
  await cti.agentReady('ManualIn');
  const callId = implementation.offerCall({ queue: 'sales' });
  await cti.answerCall(callId);
  await cti.setCallData(callId, { note: 'vip' });
  await cti.sendDTMF(callId, '12*#');
  const { callId: consult } = await cti.transferInitiate(callId, '5002', { reason: 'billing' });
  implementation.answerRemote(consult);
  await cti.transferComplete(callId, consult);
  await cti.wrapUp(callId, 'sale', 'renewed');
  await cti.agentNotReady('lunch', 'AutoIn');
  await cti.logout('end-of-shift');

  assert.equal(new Set(sent.map(r => r.type)).size, 10);
  for (const request of sent) assert.deepEqual(verdict(requestValidator.validate(request), request), { valid: true }, JSON.stringify(request));
});

test('the request fields of the Interface are exactly those of the request schemas', () => {
  for (const schema of requestSchemas) {
    const type = schema.properties.type.const;
    assert.deepEqual([...FIELDS[type]].sort(), Object.keys(schema.properties).filter(k => k !== 'type').sort(), type);
  }
  assert.equal(requestSchemas.length, Object.keys(FIELDS).length);
});

test('schema locations are written as JSONPath', () => {
  assert.equal(jsonPath('#'), '$');
  assert.equal(jsonPath('#/calls/0/since'), '$.calls[0].since');
});

