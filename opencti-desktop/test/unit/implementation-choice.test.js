import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImplementation, implementationChoice } from '../../src/pages/implementation-choice.js';
import { SharedTabsImplementation } from '../../src/implementations/shared-tabs.js';

test('without a query the page runs on the gateway', () => {
  assert.deepEqual(implementationChoice(''), { kind: 'gateway' });
});

test('?impl=csta-ws names the CSTA WebSocket and the queue devices', () => {
  assert.deepEqual(implementationChoice('?impl=csta-ws&csta=ws://localhost:4725/csta&queues=8001:sales,8002:support'),
    { kind: 'csta-ws', csta: 'ws://localhost:4725/csta', queues: { 8001: 'sales', 8002: 'support' } });
});

for (const [search, problem] of [
  ['?impl=tapi', /Unknown implementation impl=tapi; expected one of gateway, csta-ws, pega-csta/],
  ['?impl=csta-ws', /impl=csta-ws needs csta=<the CTI server's CSTA WebSocket URL>, e.g. csta=ws:\/\/localhost:4725\/csta; got null/],
  ['?impl=pega-csta&csta=http://x/csta', /got http:\/\/x\/csta/],
  ['?impl=csta-ws&csta=ws://x/csta&queues=8001', /queues entry '8001' must be <queue device>:<queue id>/],
]) {
  test(`a bad choice is refused with what is accepted: ${search}`, () => {
    assert.throws(() => implementationChoice(search), problem);
  });
}

test('a client-side choice shares the connection between tabs and takes the REST token from the shared session', () => {
  const built = createImplementation(implementationChoice('?impl=csta-ws&csta=ws://x/csta'), {
    location: { protocol: 'http:', host: 'cti:8080' }, channel: () => ({ postMessage() {}, addEventListener() {} }) });

  assert.ok(built.implementation instanceof SharedTabsImplementation);
  assert.equal(built.clientSide, true);
  assert.equal(built.token(), null);
});
