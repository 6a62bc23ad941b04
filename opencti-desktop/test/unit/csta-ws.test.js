import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CstaWsImplementation } from '../../src/implementations/csta-ws.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { textAt } from '../../src/implementations/csta/xml.js';
import { FakeClock, flush, recordEvents } from '../support/fake-clock.js';
import { CstaEvents as E, FakeCstaSwitch, SESSION } from '../support/fake-csta.js';

const NOW = new Date('2026-11-28T10:15:30.120Z');

/** A desk on csta-ws against a scripted switch, on fake time; `emitted` is every canonical event, in order. */
async function desk() {
  const pbx = new FakeCstaSwitch();
  const clock = new FakeClock();
  const emitted = [];
  const csta = new CstaWsImplementation({ url: 'ws://lab/csta', queues: { 8001: 'sales' }, WebSocket: pbx.WebSocket,
    timers: clock.timers, now: () => NOW, random: () => 0.5 });
  const cti = new OpenCti({ implementation: { connect: emit => csta.connect(e => { emitted.push(e); emit(e); }),
    send: r => csta.send(r), close: () => csta.close(), resync: () => csta.resync() } });
  await cti.connect();
  return { pbx, clock, csta, cti, emitted };
}

async function loggedInReady() {
  const d = await desk();
  await d.cti.login('1001', 'demo', '5001');
  d.pbx.event(E.agent('Ready'));
  await flush();
  return d;
}

test('connect starts an ECMA-354 session asking for ed4 and 180 s', async () => {
  const { pbx } = await desk();

  const [start] = pbx.requests('StartApplicationSession');
  assert.equal(start.root.namespace, SESSION);
  assert.equal(textAt(start.root, 'requestedProtocolVersions', 'protocolVersion'), 'http://www.ecma-international.org/standards/ecma-323/csta/ed4');
  assert.equal(textAt(start.root, 'requestedSessionDuration'), '180');
  assert.match(start.xml, /invokeID="0001"/);
});

test('the session is kept alive with ResetApplicationSessionTimer every third of its duration', async () => {
  const { pbx, clock } = await desk();

  clock.advance(59_999);
  assert.equal(pbx.requests('ResetApplicationSessionTimer').length, 0);
  clock.advance(1);
  clock.advance(60_000);

  const resets = pbx.requests('ResetApplicationSessionTimer');
  assert.equal(resets.length, 2);
  assert.equal(textAt(resets[0].root, 'sessionID'), '1');
  assert.equal(textAt(resets[0].root, 'requestedSessionDuration'), '180');
});

test('login monitors the device, logs on with the password as hexBinary, and leaves the agent NotReady (login)', async () => {
  const { pbx, cti, emitted } = await desk();

  await cti.login('1001', 'demo', '5001');

  assert.equal(textAt(pbx.requests('MonitorStart')[0].root, 'monitorObject', 'deviceObject'), '5001');
  const [logon] = pbx.requests('SetAgentState');
  assert.deepEqual(['device', 'requestedAgentState', 'agentID', 'password'].map(n => textAt(logon.root, n)),
    ['5001', 'loggedOn', '1001', '64656D6F']);
  assert.equal(cti.state.agent.state, 'NotReady');
  assert.equal(cti.state.agent.reasonCode, 'login');
  assert.deepEqual(emitted.map(e => e.type), ['AgentStateEvent', 'SnapshotEvent']);
  assert.ok(emitted.every(e => e.seq === undefined), 'client-side events carry no seq');
});

test('the switch\'s own AgentLoggedOn and AgentNotReady (login) after the logon add nothing', async () => {
  const { pbx, cti, emitted } = await desk();
  await cti.login('1001', 'demo', '5001');

  pbx.event(E.agent('LoggedOn'), E.agent('NotReady', { reason: 'login' })); // two messages in one frame
  await flush();

  assert.equal(emitted.length, 2);
});

test('a wrong password is OPENCTI_NOT_AUTHORIZED, the monitor is stopped and no agent is logged in', async () => {
  const { pbx, cti } = await desk();
  pbx.on('SetAgentState', () => ({ error: ['operation', 'invalidAgentPassword'] }));

  const error = await cti.login('1001', 'nope', '5001').then(() => null, e => e);
  await flush();

  assert.equal(error.code, 'OPENCTI_NOT_AUTHORIZED');
  assert.match(error.message, /SetAgentState:loggedOn: operation\/invalidAgentPassword/);
  assert.equal(textAt(pbx.requests('MonitorStop')[0].root, 'monitorCrossRefID'), '1');
  assert.equal(cti.state.agent.state, 'LoggedOut');
});

test('an agent or device in use is OPENCTI_AGENT_LOGGED_IN', async () => {
  const { pbx, cti } = await desk();
  pbx.on('SetAgentState', () => ({ error: ['stateIncompatibility', 'invalidObjectState'] }));

  const error = await cti.login('1001', 'demo', '5001').then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_AGENT_LOGGED_IN');
});

test('an ACD call rings, is answered, held, retrieved and hung up, each as its CSTA service', async () => {
  const { pbx, cti } = await loggedInReady();

  pbx.event(E.delivered({ callData: { accountId: 'A-1001' } }), E.agent('Busy'));
  await flush();
  assert.deepEqual(cti.state.calls.map(c => [c.callId, c.state, c.queue, c.callData.accountId]), [['7', 'Offering', 'sales', 'A-1001']]);
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

  assert.deepEqual(['AnswerCall', 'HoldCall', 'RetrieveCall', 'ClearConnection'].map(s => pbx.requests(s).length), [1, 1, 1, 1]);
  assert.equal(textAt(pbx.requests('HoldCall')[0].root, 'callToBeHeld', 'callID'), '7');
  assert.equal(textAt(pbx.requests('HoldCall')[0].root, 'callToBeHeld', 'deviceID'), '5001');
  assert.deepEqual(cti.state.calls, []);
  assert.deepEqual(cti.state.awaitingWrapUp.map(c => [c.callId, c.cause]), [['7', 'Normal']]);
  assert.equal(cti.state.agent.state, 'AfterCallWork');
});

test('a request the state forbids is refused before anything is sent, and nothing changes', async () => {
  const { pbx, csta } = await loggedInReady();
  pbx.event(E.delivered());
  await flush();

  const error = await csta.send({ type: 'holdCall', callId: '7' }).then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_CF_INVALID_OBJECT_STATE');
  assert.match(error.message, /Cannot holdCall call 7: it is Offering; holdCall needs Established/);
  assert.equal(pbx.requests('HoldCall').length, 0);
});

for (const [category, value, code] of [
  ['operation', 'invalidCallID', 'OPENCTI_UNKNOWN_CALL'], ['operation', 'invalidConnectionID', 'OPENCTI_UNKNOWN_CALL'],
  ['stateIncompatibility', 'invalidObjectState', 'OPENCTI_CF_INVALID_OBJECT_STATE'],
  ['operation', 'invalidDestination', 'OPENCTI_CF_INVALID_DESTINATION'], ['operation', 'generic', 'OPENCTI_CF_GENERIC_OPERATION'],
]) {
  test(`the switch's ${category}/${value} is ${code}`, async () => {
    const { pbx, cti } = await loggedInReady();
    pbx.event(E.delivered());
    await flush();
    pbx.on('AnswerCall', () => ({ error: [category, value] }));

    const error = await cti.answerCall('7').then(() => null, e => e);

    assert.equal(error.code, code);
    assert.equal(error.details.cstaError, `${category}/${value}`);
    assert.match(error.message, /The CTI server refused AnswerCall: .* - refused by the fake switch/);
  });
}

test('makeCall resolves with the new call id, even when its events come before the response', async () => {
  const { pbx, cti } = await loggedInReady();
  pbx.on('MakeCall', () => {
    pbx.event(E.serviceInitiated(), E.originated());
    return '<callingDevice><callID>9</callID><deviceID>5001</deviceID></callingDevice>';
  });

  const value = await cti.makeCall('0612345014', { campaign: 'renewals' });
  await flush();

  assert.deepEqual(value, { callId: '9' });
  assert.equal(cti.state.calls[0].state, 'Initiated');
  const [make] = pbx.requests('MakeCall');
  assert.deepEqual(['callingDevice', 'calledDirectoryNumber'].map(n => textAt(make.root, n)), ['5001', '0612345014']);
  assert.match(make.xml, /<od:item key="campaign">renewals<\/od:item>/);
});

test('NotReady asked while Busy shows as pending from the SetAgentStateResponse, with its reason on the wire', async () => {
  const { pbx, cti } = await loggedInReady();
  pbx.event(E.delivered(), E.agent('Busy'), E.established());
  await flush();
  pbx.on('SetAgentState', () => '<pendingAgentState>agentNotReady</pendingAgentState><extensions><privateData><private>'
    + '<od:pendingReasonCode xmlns:od="urn:opencti:csta:1">lunch</od:pendingReasonCode></private></privateData></extensions>');

  await cti.agentNotReady('lunch');
  await flush();

  assert.equal(cti.state.agent.state, 'Busy');
  assert.equal(cti.state.agent.pendingState, 'NotReady');
  assert.equal(cti.state.agent.pendingReasonCode, 'lunch');
  assert.match(pbx.requests('SetAgentState').at(-1).xml, /<od:reasonCode xmlns:od="urn:opencti:csta:1">lunch<\/od:reasonCode>/);
});

test('each canonical request becomes its CSTA service', async () => {
  const { pbx, cti } = await loggedInReady();
  pbx.event(E.delivered(), E.agent('Busy'), E.established());
  await flush();

  await cti.sendDTMF('7', '12#');
  await cti.setCallData('7', { note: 'vip' });
  await cti.consultationCall('7', '5002');
  pbx.event(E.held({ cause: 'consultation' }), E.serviceInitiated({ callId: '8', cause: 'consultation' }),
    E.originated({ callId: '8', to: '5002', cause: 'consultation' }),
    E.established({ callId: '8', at: '5002', from: '5001', to: '5002', queue: null, cause: 'consultation' }));
  await flush();
  await cti.alternateCall('7', '8');
  await cti.transferComplete('7', '8');

  assert.equal(textAt(pbx.requests('GenerateDigits')[0].root, 'charactersToSend'), '12#');
  assert.match(pbx.requests('AssociateData')[0].xml, /<od:item key="note">vip<\/od:item>/);
  const [consult] = pbx.requests('ConsultationCall');
  assert.deepEqual([textAt(consult.root, 'existingCall', 'callID'), textAt(consult.root, 'consultedDevice'),
    textAt(consult.root, 'consultOptions')], ['7', '5002', 'unrestricted']);
  assert.deepEqual(['heldCall', 'activeCall'].map(n => textAt(pbx.requests('TransferCall')[0].root, n, 'callID')), ['7', '8']);
  assert.equal(pbx.requests('AlternateCall').length, 1);
  assert.equal(cti.state.calls.find(c => c.callId === '8').consultPurpose, 'Consult');
});

test('a blind transfer deflects a ringing call and single-step transfers an established one', async () => {
  const { pbx, cti } = await loggedInReady();
  pbx.event(E.delivered());
  await flush();

  await cti.blindTransfer('7', '5002');
  pbx.event(E.established({ callId: '7' }));
  await flush();
  await cti.blindTransfer('7', '8002');

  assert.equal(textAt(pbx.requests('DeflectCall')[0].root, 'newDestination'), '5002');
  assert.equal(textAt(pbx.requests('SingleStepTransferCall')[0].root, 'transferredTo'), '8002');
});

test('the switch\'s SystemStatus is answered with its invokeID', async () => {
  const { pbx } = await desk();

  pbx.socket.deliver(`<SystemStatus xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed4" invokeID="0042">`
    + '<systemStatus>normal</systemStatus></SystemStatus>');
  await flush();

  assert.match(pbx.requests('SystemStatusResponse')[0].xml, /invokeID="0042"/);
});

test('a lost link shows Disconnected, then reconnects, reconciles, ends vanished calls with LinkLost and snapshots', async () => {
  const { pbx, clock, cti } = await loggedInReady();
  pbx.event(E.delivered(), E.agent('Busy'));
  await flush();
  const recorder = recordEvents(cti);

  pbx.drop();
  await flush();
  assert.equal(cti.state.linkState, 'Disconnected');
  pbx.on('GetAgentState', () => '<agentStateList><agentStateEntry><agentID>1001</agentID><loggedOnState>true</loggedOnState>'
    + '<agentInfo><agentInfoItem><agentState>agentReady</agentState></agentInfoItem></agentInfo></agentStateEntry></agentStateList>');
  clock.advance(500);
  await flush();

  assert.equal(pbx.sockets.length, 2);
  assert.equal(pbx.requests('MonitorStart').length, 2);
  assert.equal(cti.state.linkState, 'Connected');
  assert.deepEqual(cti.state.calls, []);
  assert.equal(cti.state.agent.state, 'Ready');
  assert.deepEqual(recorder.of('callstatechange').map(e => [e.call.callId, e.call.state, e.call.cause]), [['7', 'Disconnected', 'LinkLost']]);
});

test('requests while the link is down fail at once with OPENCTI_LINK_DOWN', async () => {
  const { pbx, csta } = await loggedInReady();
  pbx.unreachable = true;
  pbx.drop();
  await flush();

  const error = await csta.send({ type: 'agentNotReady', reasonCode: 'break' }).then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_LINK_DOWN');
});

test('takeOver re-attaches to the agent already logged on and states the desk in a snapshot', async () => {
  const pbx = new FakeCstaSwitch();
  const emitted = [];
  pbx.on('GetAgentState', () => '<agentStateList><agentStateEntry><agentID>1001</agentID><loggedOnState>true</loggedOnState>'
    + '<agentInfo><agentInfoItem><agentState>agentBusy</agentState></agentInfoItem></agentInfo></agentStateEntry></agentStateList>');
  pbx.on('SnapshotDevice', () => '<crossRefIDorSnapshotData><snapshotData><snapshotDeviceResponseInfo><connectionIdentifier>'
    + '<callID>7</callID><deviceID>5001</deviceID></connectionIdentifier></snapshotDeviceResponseInfo></snapshotData></crossRefIDorSnapshotData>');
  pbx.on('SnapshotCall', () => '<crossRefIDorSnapshotData><snapshotData>'
    + '<snapshotCallResponseInfo><deviceOnCall><deviceIdentifier>0612345007</deviceIdentifier></deviceOnCall><localConnectionState>connected</localConnectionState></snapshotCallResponseInfo>'
    + '<snapshotCallResponseInfo><deviceOnCall><deviceIdentifier>5001</deviceIdentifier></deviceOnCall><localConnectionState>hold</localConnectionState></snapshotCallResponseInfo>'
    + '</snapshotData></crossRefIDorSnapshotData><callingDevice><deviceIdentifier>0612345007</deviceIdentifier></callingDevice>'
    + '<calledDevice><deviceIdentifier>8001</deviceIdentifier></calledDevice>');
  const csta = new CstaWsImplementation({ url: 'ws://lab/csta', queues: { 8001: 'sales' }, WebSocket: pbx.WebSocket, now: () => NOW });
  await csta.connect(e => emitted.push(e));

  await csta.takeOver({ agentId: '1001', device: '5001' });

  const [snapshot] = emitted;
  assert.equal(snapshot.type, 'SnapshotEvent');
  assert.equal(snapshot.agent.state, 'Busy');
  assert.deepEqual(snapshot.calls.map(c => [c.callId, c.state, c.queue, c.callType]), [['7', 'Held', 'sales', 'Inbound']]);
  assert.ok(snapshot.calls[0].allowedActions.includes('retrieveCall'));
  csta.close();
});

test('a keep-alive the switch refuses is a lost link: the desk sees Disconnected', async () => {
  const { pbx, clock, cti } = await loggedInReady();
  pbx.on('ResetApplicationSessionTimer', () => ({ error: ['operation', 'generic'] }));

  clock.advance(60_000);
  await flush();

  assert.equal(cti.state.linkState, 'Disconnected');
  assert.equal(pbx.sockets[0].closed, true);
});

test('logout logs the agent off, stops the monitor, and a new login monitors again', async () => {
  const { pbx, cti } = await loggedInReady();

  await cti.logout();
  pbx.event(E.agent('LoggedOff'));
  await flush();

  assert.equal(textAt(pbx.requests('SetAgentState').at(-1).root, 'requestedAgentState'), 'loggedOff');
  assert.equal(cti.state.agent.state, 'LoggedOut');
  assert.equal(pbx.requests('MonitorStop').length, 1);
  await cti.login('1001', 'demo', '5001');
  assert.equal(pbx.requests('MonitorStart').length, 2);
  assert.equal(cti.state.agent.reasonCode, 'login');
});
