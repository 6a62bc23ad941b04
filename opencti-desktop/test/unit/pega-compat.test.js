import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PegaCompatImplementation } from '../../src/implementations/pega-compat.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { validateEvent } from '../../src/interface/event-schema.js';
import { FakeClock, flush, recordEvents } from '../support/fake-clock.js';
import { FakePegaDesktop } from '../support/fake-pega.js';

/** A desk running the Pega-style fake through pega-compat; every event the compat emits is kept and checked. */
function pegaDesk({ pega = new FakePegaDesktop(), timers } = {}) {
  const compat = new PegaCompatImplementation({ pega, linkDefinition: { pyLabel: 'lab' }, timers,
    now: () => new Date('2026-11-28T10:15:30.120Z') });
  const emitted = [];
  const connect = compat.connect.bind(compat);
  compat.connect = emit => connect(event => { emitted.push(event); emit(event); });
  const cti = new OpenCti({ implementation: compat });
  const recorder = recordEvents(cti);
  return { pega, compat, cti, emitted, recorder };
}

function assertAllValid(emitted) {
  for (const event of emitted) {
    const verdict = validateEvent(event);
    assert.ok(verdict.valid, `${verdict.message} in ${JSON.stringify(event)}`);
  }
}

test('a Pega login runs unchanged: its Login snapshot becomes NotReady with reason login', async () => {
  const { cti, pega, emitted } = pegaDesk();

  await cti.login('1001', 'demo', '5001');

  assert.deepEqual(pega.log[0], ['login', '1001', '5001', 'lab']);
  assert.equal(cti.state.agent.state, 'NotReady');
  assert.equal(cti.state.agent.reasonCode, 'login');
  assert.equal(cti.state.device, '5001');
  assert.equal(emitted[0].seq, undefined, 'client-side events carry no seq');
  assertAllValid(emitted);
});

test('a Pega failure rejects with the mapped OpenCTI code and the vendor text', async () => {
  const { cti } = pegaDesk();

  const error = await cti.login('1001', 'wrong').then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_NOT_AUTHORIZED');
  assert.match(error.message, /Wrong password for agent 1001/);
  assert.equal(error.details.errCode, 'OPENCTI_HTTP_ERROR_401');
});

test('an inbound call story: ring, answer, hold, retrieve, hang up; Busy while on the call', async () => {
  const { cti, pega, emitted, recorder } = pegaDesk();
  await cti.login('1001', 'demo', '5001');
  await cti.agentReady('ManualIn');

  const callId = pega.ring({ ani: '0612345001' });
  const ringing = cti.state.calls[0];
  await cti.answerCall(callId);
  await cti.holdCall(callId);
  const held = cti.state.calls[0];
  await cti.retrieveCall(callId);
  await cti.hangUpCall(callId);

  assert.deepEqual(pega.log[1], ['agentReady', '1001', 'MODE_MANUAL_IN']);
  assert.equal(ringing.state, 'Offering');
  assert.equal(ringing.callType, 'Inbound');
  assert.deepEqual(ringing.callData, { accountId: 'A-1001' });
  assert.deepEqual(ringing.allowedActions, ['answerCall', 'hangUpCall'], 'only what the Pega object implements');
  assert.deepEqual(held.allowedActions, ['retrieveCall', 'hangUpCall']);
  assert.equal(cti.state.calls.length, 0);
  assert.deepEqual(recorder.of('agentstatechange').map(e => e.agent.state), ['NotReady', 'Ready', 'Busy', 'Ready']);
  assert.deepEqual(recorder.of('callstatechange').map(e => e.call.state),
    ['Offering', 'Established', 'Held', 'Established', 'Disconnected']);
  assert.deepEqual(recorder.of('error'), []);
  assertAllValid(emitted);
});

test('a NotReady Pega reports during a call is the pending state, applied when the call ends', async () => {
  const { cti, pega } = pegaDesk();
  await cti.login('1001', 'demo');
  await cti.agentReady();
  const callId = pega.ring();
  await cti.answerCall(callId);

  await cti.agentNotReady('break');
  const during = cti.state.agent;
  await cti.hangUpCall(callId);

  assert.deepEqual({ ...during }, { state: 'Busy', since: during.since, pendingState: 'NotReady', pendingReasonCode: 'break' });
  assert.equal(cti.state.agent.state, 'NotReady');
  assert.equal(cti.state.agent.reasonCode, 'break');
});

test('a consult leg is linked to the held call, found under the vendor\'s misspelt consulationCall', async () => {
  const { cti, pega, emitted } = pegaDesk();
  await cti.login('1001', 'demo');
  await cti.agentReady();
  const callId = pega.ring();
  await cti.answerCall(callId);

  await cti.transferInitiate(callId, '5002');
  const [held, consult] = cti.state.calls;
  pega.remoteAnswer(consult.callId);

  assert.equal(pega.log.at(-1)[0], 'consulationCall');
  assert.equal(held.state, 'Held');
  assert.equal(consult.state, 'Alerting', 'a call we dialled alerts, it does not ring');
  assert.equal(consult.relatedCallId, callId);
  assert.equal(consult.conversationId, callId);
  assert.equal(cti.state.calls[0].relatedCallId, consult.callId);
  assert.ok(cti.state.calls[0].allowedActions.includes('transferComplete'));
  await cti.transferComplete(callId, consult.callId);
  assert.equal(cti.state.calls.length, 0);
  assertAllValid(emitted);
});

test('makeCall passes call data as pyNamedVariables and the call alerts, then is established', async () => {
  const { cti, pega } = pegaDesk();
  await cti.login('1001', 'demo');
  await cti.agentNotReady('break');

  await cti.makeCall('0611223344', { accountId: 'A-9' });
  const callId = cti.state.calls[0].callId;
  pega.remoteAnswer(callId);

  assert.deepEqual(pega.calls.get(callId).vars, { accountId: 'A-9' });
  assert.equal(cti.state.calls[0].callType, 'Outbound');
  assert.equal(cti.state.calls[0].state, 'Established');
});

test('a request the Pega object has no function for is refused, and never offered', async () => {
  const { cti, pega } = pegaDesk();
  await cti.login('1001', 'demo');
  await cti.agentReady();
  const callId = pega.ring();
  await cti.answerCall(callId);

  const error = await cti.setCallData(callId, { a: 'b' }).then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_CF_INVALID_OBJECT_STATE', 'the Interface refuses it: not in allowedActions');
  assert.ok(!cti.state.calls[0].allowedActions.includes('setCallData'));
  const direct = await pegaDesk().compat.send({ type: 'setCallData', callId, data: { a: 'b' } }).then(() => null, e => e);
  assert.equal(direct.code, 'OPENCTI_CF_GENERIC_OPERATION');
  assert.match(direct.message, /has no setCallData\(\) function/);
});

test('a Pega event with no canonical meaning becomes an error event, and changes nothing', async () => {
  const { cti, pega, recorder } = pegaDesk();
  await cti.login('1001', 'demo');
  const before = cti.state;

  pega.forward({ pyEventType: 'AgentStateEvent', pyEventName: 'Unknown' });

  assert.equal(cti.state, before);
  assert.deepEqual(recorder.of('error').map(e => e.error.code), ['OPENCTI_INVALID_EVENT']);
  assert.match(recorder.of('error')[0].error.message, /Unknown Pega agent state 'Unknown'/);
});

test('callbacks that never run time out with OPENCTI_TIMEOUT', async () => {
  const clock = new FakeClock();
  const pega = new FakePegaDesktop();
  pega.agentReady = () => {}; // never calls back
  const { cti } = pegaDesk({ pega, timers: clock.timers });
  await cti.login('1001', 'demo');

  const pending = cti.agentReady().then(() => null, e => e);
  await flush();
  clock.advance(15_000);

  assert.equal((await pending).code, 'OPENCTI_TIMEOUT');
});

test('a Pega function that throws rejects the request with the error as its cause', async () => {
  const pega = new FakePegaDesktop();
  pega.agentReady = () => { throw new Error('vendor bug'); };
  const { cti } = pegaDesk({ pega });
  await cti.login('1001', 'demo');

  const error = await cti.agentReady().then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_CF_GENERIC_OPERATION');
  assert.match(error.message, /vendor bug/);
  assert.equal(error.cause.message, 'vendor bug');
});

test('logout: the Logout snapshot logs the desk out', async () => {
  const { cti, pega } = pegaDesk();
  await cti.login('1001', 'demo');

  await cti.logout('end-of-shift');

  assert.deepEqual(pega.log.at(-1), ['logout', '1001', 'end-of-shift']);
  assert.equal(cti.state.agent.state, 'LoggedOut');
});
