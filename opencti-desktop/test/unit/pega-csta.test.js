/**
 * A Pega-style vendor implementation that talks CSTA to a switch (`pages/pega-csta-desktop.js`), run unchanged
 * through pega-compat under the Desktop Interface, against the scripted switch: the lab story without the lab.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PegaCstaDesktop } from '../../src/pages/pega-csta-desktop.js';
import { PegaCompatImplementation } from '../../src/implementations/pega-compat.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { textAt } from '../../src/implementations/csta/xml.js';
import { FakeClock, flush, recordEvents } from '../support/fake-clock.js';
import { CstaEvents as E, FakeCstaSwitch } from '../support/fake-csta.js';

async function pegaDesk() {
  const pbx = new FakeCstaSwitch();
  const clock = new FakeClock();
  const vendor = new PegaCstaDesktop({ url: 'ws://lab/csta', WebSocket: pbx.WebSocket, timers: clock.timers });
  const cti = new OpenCti({ implementation: new PegaCompatImplementation({ pega: vendor, linkDefinition: { pyExtension: '5001' } }) });
  await cti.connect();
  return { pbx, clock, vendor, cti };
}

test('the Pega-style vendor logs on over CSTA through pega-compat: NotReady with reason login', async () => {
  const { pbx, cti } = await pegaDesk();

  await cti.login('1001', 'demo', '5001');
  await flush();

  assert.equal(cti.state.agent.state, 'NotReady');
  assert.equal(cti.state.agent.reasonCode, 'login');
  assert.equal(textAt(pbx.requests('SetAgentState')[0].root, 'password'), '64656D6F');
  assert.equal(textAt(pbx.requests('MonitorStart')[0].root, 'monitorObject', 'deviceObject'), '5001');
});

test('a wrong password reaches the desk as OPENCTI_NOT_AUTHORIZED', async () => {
  const { pbx, cti } = await pegaDesk();
  pbx.on('SetAgentState', () => ({ error: ['operation', 'invalidAgentPassword'] }));

  const error = await cti.login('1001', 'nope', '5001').then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_NOT_AUTHORIZED');
});

test('the call story runs unchanged through pega-compat: ring, answer, hold, retrieve, hang up, after-call work', async () => {
  const { pbx, cti } = await pegaDesk();
  await cti.login('1001', 'demo', '5001');
  await cti.agentReady();
  pbx.event(E.agent('Ready'));
  await flush();
  const recorder = recordEvents(cti);

  pbx.event(E.delivered({ callData: { accountId: 'A-1001' } }), E.agent('Busy'));
  await flush();
  assert.deepEqual(cti.state.calls.map(c => [c.callId, c.state, c.ani, c.callData.accountId]), [['7', 'Offering', '0612345007', 'A-1001']]);
  assert.equal(cti.state.agent.state, 'Busy');
  await cti.answerCall('7');
  pbx.event(E.established());
  await flush();
  await cti.holdCall('7');
  pbx.event(E.held());
  await flush();
  assert.equal(cti.state.calls[0].state, 'Held');
  await cti.retrieveCall('7');
  pbx.event(E.retrieved());
  await flush();
  await cti.hangUpCall('7');
  pbx.event(E.cleared(), E.callCleared(), E.agent('WorkingAfterCall'));
  await flush();

  assert.deepEqual(['AnswerCall', 'HoldCall', 'RetrieveCall', 'ClearConnection'].map(s => textAt(pbx.requests(s)[0].root, s === 'AnswerCall'
    ? 'callToBeAnswered' : s === 'HoldCall' ? 'callToBeHeld' : s === 'RetrieveCall' ? 'callToBeRetrieved' : 'connectionToBeCleared', 'callID')), ['7', '7', '7', '7']);
  assert.deepEqual(cti.state.calls, []);
  assert.equal(cti.state.agent.state, 'AfterCallWork');
  assert.deepEqual(recorder.of('error'), [], recorder.describe());
});

test('the vendor keeps its session alive with the session id the switch gave it', async () => {
  const { pbx, clock, cti } = await pegaDesk();
  pbx.on('StartApplicationSession', () => '<sessionID>42</sessionID><actualSessionDuration>180</actualSessionDuration>');
  await cti.login('1001', 'demo', '5001');

  clock.advance(60_000);
  await flush();

  assert.equal(textAt(pbx.requests('ResetApplicationSessionTimer')[0].root, 'sessionID'), '42');
});
