/**
 * The shared golden vectors of the CSTA mapping (DESIGN section 4): the very files the Java connector's
 * GoldenVectorTest loads. Each step's CSTA XML, read by the csta-ws codec and fed to one agent's desk, must yield
 * exactly the step's canonical events (without `seq` and `at`; `allowedActions` compared as sets), and every event
 * must be valid v1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readXml } from '../../src/implementations/csta/xml.js';
import { classify } from '../../src/implementations/csta/decoder.js';
import { Desk, Directory } from '../../src/implementations/csta/desk.js';
import { applyEvent } from '../../src/implementations/csta/event-mapping.js';
import { validateEvent } from '../../src/interface/event-schema.js';

const VECTORS = new URL('../../../opencti-connector-csta/src/test/resources/vectors/', import.meta.url);
const AT = '2026-11-28T10:15:30.120Z';
const files = fs.readdirSync(VECTORS).filter(f => f.endsWith('.json')).sort();

test('the golden vectors are there to load', () => {
  assert.ok(files.length >= 10, `expected the connector's vectors in ${VECTORS.pathname}, found ${files.join(', ')}`);
});

for (const file of files) {
  test(`golden vector ${file}: each step maps to exactly the expected canonical events`, () => {
    const vector = JSON.parse(fs.readFileSync(new URL(file, VECTORS), 'utf8'));
    const desk = new Desk(vector.agentId, vector.device, new Directory({ 8001: 'sales', 8002: 'support', 8003: 'billing' }, 6), AT);

    vector.steps.forEach((step, index) => {
      const produced = readXml(step.in).map(classify).filter(m => m.type === 'event')
        .flatMap(m => applyEvent(desk, m.event, AT));

      for (const event of produced) assert.equal(validateEvent(event).valid, true, `${file} step ${index}: ${validateEvent(event).message}`);
      assert.deepEqual(produced.map(normalised), step.out.map(normalised), `${file} step ${index}: ${step.in}`);
    });
  });
}

function normalised(event) {
  const { seq, at, ...rest } = event;
  return rest.allowedActions ? { ...rest, allowedActions: [...rest.allowedActions].sort() } : rest;
}
