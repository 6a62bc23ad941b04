import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as api from '../../src/index.js';

test('the public entry exports exactly the documented API', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'Action', 'AgentState', 'AgentStateChangeEvent', 'CallInfoChangeEvent', 'CallStateChangeEvent', 'CallType',
    'ConnectionState', 'ConsultPurpose', 'CstaWsImplementation', 'DequeueReason', 'DisconnectCause', 'ErrorCode', 'EventType',
    'GatewayImplementation', 'InMemoryImplementation', 'LinkState', 'LinkStateChangeEvent', 'OpenCti', 'OpenCtiError',
    'OpenCtiErrorEvent', 'PartiesChangeEvent', 'PartyRole', 'PegaCompatImplementation', 'PlatformLink', 'QueueChange', 'QueueChangeEvent',
    'RestClient', 'SharedTabsImplementation', 'StateChangeEvent', 'TelephonyMode', 'WorkMode', 'agentOutcome',
    'attachClickToDial', 'isImplementation', 'legOf', 'stateTables', 'tableActions', 'validateEvent',
  ]);
});

test('OpenCti has one method per request of DESIGN section 3', () => {
  const methods = Object.getOwnPropertyNames(api.OpenCti.prototype).filter(n => n !== 'constructor');

  for (const action of Object.values(api.Action)) assert.ok(methods.includes(action), action);
  assert.deepEqual(methods.filter(m => !Object.values(api.Action).includes(m)).sort(), ['close', 'connect', 'mode', 'state']);
});

test('the enums are frozen and spelled as the Java enums', () => {
  assert.ok(Object.isFrozen(api.AgentState));
  const java = fs.readFileSync(new URL('../../../opencti-model/src/main/java/org/opencti/model/ErrorCode.java', import.meta.url), 'utf8');
  const codes = [...java.matchAll(/^\s+(OPENCTI_[A-Z_]+)\(/gm)].map(m => m[1]);
  assert.deepEqual(Object.values(api.ErrorCode), codes);
});

test('package.json exports the entry and the panel, with no runtime dependencies', () => {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

  assert.deepEqual(pkg.exports, { '.': './src/index.js', './panel': './src/panel/define.js' });
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.dependencies, undefined);
});

test('every implementation the entry exports fulfils the Implementation contract', () => {
  const implementations = [
    new api.InMemoryImplementation(),
    new api.GatewayImplementation({ url: 'ws://test/cti/v1', WebSocket: class {} }),
    new api.PegaCompatImplementation({ pega: { login() {} } }),
    new api.SharedTabsImplementation({ create: () => new api.InMemoryImplementation(), channel: { postMessage() {}, addEventListener() {} } }),
    new api.CstaWsImplementation({ url: 'ws://test/csta', WebSocket: class {} }),
    new api.PlatformLink({ implementation: new api.InMemoryImplementation(), gateway: { forward() {} } }),
  ];

  for (const implementation of implementations) assert.ok(api.isImplementation(implementation), implementation.constructor.name);
});
