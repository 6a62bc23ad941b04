import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  fromPegaError, fromPegaEvent, LOGIN_REASON, toPegaCall, toPegaError, toPegaEvent,
} from '../../src/implementations/pega-codec.js';
import { OpenCtiError } from '../../src/interface/errors.js';

const AT = '2026-11-28T10:15:30.120Z';
const desk = { agentId: '1001', device: '5001', at: AT };
const golden = name => JSON.parse(fs.readFileSync(new URL(`../../src/schema/v1/examples/valid/${name}.json`, import.meta.url), 'utf8'));

test('Pega Login is NotReady with reason login, and back', () => {
  const event = fromPegaEvent({ pyEventType: 'AgentStateEvent', pyEventName: 'Login', pyMedia: 'Phone' }, desk);

  assert.deepEqual(event, { type: 'AgentStateEvent', name: 'NotReady', reasonCode: LOGIN_REASON, at: AT, agentId: '1001',
    device: '5001', media: 'phone' });
  assert.equal(toPegaEvent(event).pyEventName, 'Login');
});

test('Pega agent states and work modes map to ours', () => {
  const agent = py => {
    const e = fromPegaEvent({ pyEventType: 'AgentStateEvent', ...py }, desk);
    return [e.name, e.reasonCode, e.workMode].filter(Boolean).join('/');
  };

  assert.equal(agent({ pyEventName: 'Ready', pyWorkMode: 'MODE_AUTO_IN' }), 'Ready/AutoIn');
  assert.equal(agent({ pyEventName: 'NotReady', pyReasonCode: '1' }), 'NotReady/1');
  assert.equal(agent({ pyEventName: 'NotReady' }), 'NotReady/unspecified');
  assert.equal(agent({ pyEventName: 'NotReady', pyWorkMode: 'ACW' }), 'AfterCallWork');
  assert.equal(agent({ pyEventName: 'Logout' }), 'LoggedOut');
});

test('Pega call states: Connected and Retrieved are Established, Abandoned is a Disconnected with that cause', () => {
  const call = (name, extra = {}, context = desk) => fromPegaEvent({ pyEventType: 'CallStateEvent', pyEventName: name,
    pyCallId: 'p-1', ...extra }, context);

  assert.equal(call('Connected').name, 'Established');
  assert.equal(call('Retrieved').name, 'Established');
  assert.deepEqual([call('Abandoned').name, call('Abandoned').cause], ['Disconnected', 'Abandoned']);
  assert.equal(call('Disconnected').cause, 'Normal');
  assert.equal(call('Ringing').name, 'Offering');
  assert.equal(call('Alerting', { pyCallType: 'INBOUND' }).name, 'Offering', 'ringing here');
  assert.equal(call('Alerting', {}, { ...desk, call: () => ({ dialled: true }) }).name, 'Alerting', 'we dialled it');
  assert.equal(call('Held', { pyCallType: 'CONSULT' }).callType, 'Consult');
});

test('JSON text from forwardEvent is read like an object', () => {
  const text = JSON.stringify({ pyEventType: 'CallInfoEvent', pyCallId: 'p-1', pyNamedVariables: { accountId: 'A-1', n: 7 } });

  assert.deepEqual(fromPegaEvent(text, desk).callData, { accountId: 'A-1', n: '7' });
});

test('an unknown pyEventType is refused with OPENCTI_INVALID_EVENT naming the accepted ones', () => {
  assert.throws(() => fromPegaEvent({ pyEventType: 'VoiceAIEvent' }, desk),
    e => e instanceof OpenCtiError && e.code === 'OPENCTI_INVALID_EVENT' && /VoiceAIEvent.*expected one of SnapshotEvent/.test(e.message));
  assert.throws(() => fromPegaEvent('{not json', desk), e => e.code === 'OPENCTI_INVALID_EVENT');
  assert.throws(() => fromPegaEvent({ pyEventType: 'CallStateEvent', pyEventName: 'Held' }, desk), /needs pyCallId/);
});

test('PartyInfo keeps every party, names this device an agent and the customer by the ANI', () => {
  const event = fromPegaEvent({ pyEventType: 'PartyInfoEvent', pyCallId: 'p-1', pyParties: [{ pyDN: '5001' },
    { pyDN: '0612345678' }, { pyDN: '5002', pyRole: 'AGENT' }] }, { ...desk, call: () => ({ ani: '0612345678' }) });

  assert.deepEqual(event.parties, [{ dn: '5001', role: 'Agent', state: 'Established' },
    { dn: '0612345678', role: 'Customer', state: 'Established' }, { dn: '5002', role: 'Agent', state: 'Established' }]);
});

test('golden canonical events survive the trip to py and back', () => {
  for (const name of ['AgentStateEvent.ready', 'AgentStateEvent.not-ready-rona', 'CallStateEvent.established',
    'CallStateEvent.disconnected', 'CallInfoEvent.late-screen-pop', 'PartyInfoEvent.conference']) {
    const event = golden(name);
    const back = fromPegaEvent(toPegaEvent(event), desk);

    for (const key of ['type', 'name', 'agentId', 'device', 'at', 'callId', 'conversationId', 'callType', 'ani', 'dnis',
      'cause', 'reasonCode', 'callData', 'parties']) {
      if (key in event) assert.deepEqual(back[key], event[key], `${name}: ${key}`);
    }
  }
});

test('a snapshot goes to py and back with its agent state, link and calls', () => {
  const event = golden('SnapshotEvent.after-login');

  const py = toPegaEvent(event);
  const back = fromPegaEvent(py, desk);

  assert.equal(py.pyAgentState, 'Login');
  assert.equal(py.pyDeviceState, 'OPENED');
  assert.deepEqual(back.agent, { state: 'NotReady', reasonCode: 'login', since: AT });
  assert.equal(back.linkState, 'Connected');
  assert.deepEqual(back.calls, []);
});

test('kinds Pega has no event for are not sent to it', () => {
  assert.equal(toPegaEvent(golden('QueueEvent.queued')), null);
  assert.equal(toPegaEvent(golden('LinkStateEvent.disconnected')), null);
});

test('requests become Pega calls with Pega\'s argument order', () => {
  const session = { linkDefinition: { pyLabel: 'lab' }, options: {}, agentId: '1001' };

  assert.deepEqual(toPegaCall({ type: 'login', agentId: '1001', password: 'demo' }, session),
    { fn: 'login', args: ['1001', 'demo', '', { pyLabel: 'lab' }, {}] });
  assert.deepEqual(toPegaCall({ type: 'agentNotReady', reasonCode: 'break', workMode: 'AutoIn' }, session),
    { fn: 'agentNotReady', args: ['1001', 'MODE_AUTO_IN', 'break', { pyLabel: 'lab' }, {}] });
  assert.deepEqual(toPegaCall({ type: 'transferComplete', heldCallId: 'a', activeCallId: 'b' }, session),
    { fn: 'transferComplete', args: ['a', 'b', {}] });
  assert.deepEqual(toPegaCall({ type: 'makeCall', destination: '5002', callData: { k: 'v' } }, session),
    { fn: 'makeCall', args: ['5002', { pyNamedVariables: { k: 'v' } }] });
  assert.deepEqual(toPegaCall({ type: 'dropParty', callId: 'c', dn: '5003' }, session).aliases, ['dropparty']);
});

test('Pega error objects map to OpenCTI codes; ours pass through', () => {
  assert.equal(fromPegaError({ errCode: 'OPENCTI_DEST_BUSY', errMessage: 'busy' }, 'makeCall').code, 'OPENCTI_DEST_BUSY');
  assert.equal(fromPegaError({ errCode: 'OPENCTI_HTTP_ERROR_503', errMessage: 'down' }, 'makeCall').code, 'OPENCTI_LINK_DOWN');
  const passed = fromPegaError({ errCode: 'OPENCTI_ERR_PASS', errMessage: 'Trunk congestion' }, 'makeCall');
  assert.equal(passed.code, 'OPENCTI_CF_GENERIC_OPERATION');
  assert.equal(passed.message, 'makeCall failed in the Pega implementation: Trunk congestion');
  assert.deepEqual(toPegaError(new OpenCtiError('OPENCTI_UNKNOWN_CALL', 'No call c-1')), { errCode: 'OPENCTI_UNKNOWN_CALL', errMessage: 'No call c-1' });
});
