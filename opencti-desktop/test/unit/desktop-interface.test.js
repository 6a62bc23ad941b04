import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { OpenCtiError } from '../../src/interface/errors.js';
import { stateTables } from '../../src/state/tables.js';
import { ACTIONS, RecordingImplementation, agentState, callState, snapshot, snapshotCall, withSeq } from '../support/events.js';
import { recordEvents } from '../support/fake-clock.js';

/** An Interface over a recording implementation, already connected and fed `events`. */
async function desk({ mode, events = [snapshot()] } = {}) {
  const implementation = new RecordingImplementation();
  const cti = new OpenCti({ implementation, mode });
  await cti.connect();
  for (const event of events) implementation.emit(event);
  return { cti, implementation };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the request to reject');
}

const CONSULT = [
  snapshotCall('Held', { callId: 'c-1', conversationId: 'c-1', relatedCallId: 'c-2', consultPurpose: 'Transfer',
    allowedActions: stateTables.callActions['Held/primary:Transfer'] }),
  snapshotCall('Established', { callId: 'c-2', conversationId: 'c-1', callType: 'Internal', relatedCallId: 'c-1',
    consultPurpose: 'Transfer', allowedActions: stateTables.callActions['Established/consult:Transfer'] }),
];

test('every request is sent as the flat wire object of DESIGN section 3', async () => {
  const { cti, implementation } = await desk({ events: [snapshot({ calls: [snapshotCall('Established')] })] });

  await cti.holdCall('c-7');
  await cti.sendDTMF('c-7', '12#');
  await cti.setCallData('c-7', { note: 'vip' });
  await cti.blindTransfer('c-7', '+33612345678', { reason: 'billing' });

  assert.deepEqual(implementation.sent, [
    { type: 'holdCall', callId: 'c-7' },
    { type: 'sendDTMF', callId: 'c-7', digits: '12#' },
    { type: 'setCallData', callId: 'c-7', data: { note: 'vip' } },
    { type: 'blindTransfer', callId: 'c-7', destination: '+33612345678', callData: { reason: 'billing' } },
  ]);
});

test('a request resolves with the implementation value', async () => {
  const { cti, implementation } = await desk();
  implementation.answer = () => ({ callId: 'c-9' });

  assert.deepEqual(await cti.makeCall('5002'), { callId: 'c-9' });
});

const BAD_ARGUMENTS = [
  ['login', c => c.login(' ', 'demo'), 'agentId must be a non-blank string, got \' \''],
  ['login', c => c.login('1001', undefined), 'password undefined is not valid; expected a string'],
  ['login', c => c.login('1001', 'demo', 'ext-1'), "extension 'ext-1' is not valid; expected 1 to 32 digits"],
  ['login', c => c.login('1001', 'demo', undefined, { mode: 'fancy' }), "options.mode 'fancy' is not valid; expected one of simple, simple-agent-state, full"],
  ['logout', c => c.logout(''), "reasonCode must be a non-blank string, got ''"],
  ['agentReady', c => c.agentReady('Sometimes'), "workMode 'Sometimes' is not valid; expected one of AutoIn, ManualIn"],
  ['agentNotReady', c => c.agentNotReady(), 'reasonCode must be a non-blank string, got undefined'],
  ['makeCall', c => c.makeCall('call mum'), "destination 'call mum' is not valid; expected 1 to 32 digits, '*' or '#', with an optional leading '+'"],
  ['makeCall', c => c.makeCall('5002', { amount: 12 }), 'callData.amount 12 is not valid; expected a string'],
  ['answerCall', c => c.answerCall(''), "callId must be a non-blank string, got ''"],
  ['hangUpCall', c => c.hangUpCall(42), 'callId must be a non-blank string, got 42'],
  ['holdCall', c => c.holdCall(), 'callId must be a non-blank string, got undefined'],
  ['retrieveCall', c => c.retrieveCall('  '), "callId must be a non-blank string, got '  '"],
  ['alternateCall', c => c.alternateCall('c-1', 'c-1'), "heldCallId and activeCallId must differ, both are 'c-1'"],
  ['consultationCall', c => c.consultationCall('c-7', '50 02'), "destination '50 02' is not valid"],
  ['transferInitiate', c => c.transferInitiate('c-7', ''), "destination '' is not valid"],
  ['transferComplete', c => c.transferComplete('c-1'), 'activeCallId must be a non-blank string, got undefined'],
  ['blindTransfer', c => c.blindTransfer('c-7', '+'), "destination '+' is not valid"],
  ['conferenceInitiate', c => c.conferenceInitiate('c-7', '1'.repeat(33)), 'is not valid; expected 1 to 32 digits'],
  ['conferenceComplete', c => c.conferenceComplete('', 'c-2'), "heldCallId must be a non-blank string, got ''"],
  ['dropParty', c => c.dropParty('c-7', 'bob'), "dn 'bob' is not valid"],
  ['cancelConsult', c => c.cancelConsult(null), 'consultCallId must be a non-blank string, got undefined'],
  ['sendDTMF', c => c.sendDTMF('c-7', '12x'), "digits '12x' is not valid; expected 1 to 64 DTMF characters: 0-9, *, #, A-D"],
  ['setCallData', c => c.setCallData('c-7'), 'data undefined is not valid; expected an object of string keys to string values'],
  ['setCallData', c => c.setCallData('c-7', { n: 'x'.repeat(4097) }), 'data.n is 4097 characters long; at most 4096 are accepted'],
  ['wrapUp', c => c.wrapUp('c-7', ''), "wrapUpCode must be a non-blank string, got ''"],
  ['wrapUp', c => c.wrapUp('c-7', 'sale', 'n'.repeat(4001)), 'notes are 4001 characters long; at most 4000 are accepted'],
];

for (const [name, call, message] of BAD_ARGUMENTS) {
  test(`${name} with a bad argument is rejected with OPENCTI_BAD_REQUEST and nothing is sent: ${message}`, async () => {
    const { cti, implementation } = await desk({ events: [snapshot({ agent: { state: 'LoggedOut', since: '2026-11-28T10:15:30.120Z' } })] });

    const error = await rejection(call(cti));

    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.code, 'OPENCTI_BAD_REQUEST');
    assert.ok(error.message.includes(message), `message was: ${error.message}`);
    assert.deepEqual(implementation.sent, []);
  });
}

for (const [agent, row] of Object.entries(stateTables.agentRequests)) {
  if (agent.startsWith('$')) continue;
  for (const [action, outcome] of Object.entries(row)) {
    if (action.startsWith('$')) continue;
    test(`${action} while ${agent} is ${'error' in outcome ? `refused with ${outcome.error}` : 'sent'} as the state table says`, async () => {
      const agentView = { state: agent, since: '2026-11-28T10:15:30.120Z', ...(agent === 'NotReady' ? { reasonCode: 'break' } : {}) };
      const { cti, implementation } = await desk({ events: [snapshot({ agent: agentView })] });
      const before = cti.state;
      const args = { login: ['1001', 'demo'], logout: [], agentReady: [], agentNotReady: ['lunch'] }[action];

      const result = cti[action](...args).then(() => null, e => e);
      const error = await result;

      if ('error' in outcome) {
        assert.equal(error?.code, outcome.error);
        assert.match(error.message, new RegExp(`Cannot ${action}: the agent is ${agent}`));
        assert.deepEqual(implementation.sent, []);
        assert.equal(cti.state, before);
      } else {
        assert.equal(error, null);
        assert.equal(implementation.sent[0].type, action);
      }
    });
  }
}

test('asking for the current state (same) is sent and acknowledged', async () => {
  const { cti, implementation } = await desk();

  await cti.agentReady();

  assert.deepEqual(implementation.sent, [{ type: 'agentReady' }]);
});

const CALL_REQUESTS = {
  answerCall: c => c.answerCall('c-7'), hangUpCall: c => c.hangUpCall('c-7'), holdCall: c => c.holdCall('c-7'),
  retrieveCall: c => c.retrieveCall('c-7'), consultationCall: c => c.consultationCall('c-7', '5002'),
  transferInitiate: c => c.transferInitiate('c-7', '5002'), blindTransfer: c => c.blindTransfer('c-7', '5002'),
  conferenceInitiate: c => c.conferenceInitiate('c-7', '5002'), dropParty: c => c.dropParty('c-7', '0612345678'),
  sendDTMF: c => c.sendDTMF('c-7', '1'), setCallData: c => c.setCallData('c-7', { a: 'b' }),
};

for (const state of ['Offering', 'Established', 'Held']) {
  for (const [action, call] of Object.entries(CALL_REQUESTS)) {
    const allowed = ACTIONS[state].includes(action);
    test(`${action} on a ${state} call is ${allowed ? 'sent' : 'refused with OPENCTI_CF_INVALID_OBJECT_STATE'}`, async () => {
      const { cti, implementation } = await desk({ events: [snapshot({ agent: { state: 'Busy', since: '2026-11-28T10:15:30.120Z' },
        calls: [snapshotCall(state)] })] });
      const before = cti.state;

      const error = await call(cti).then(() => null, e => e);

      if (allowed) {
        assert.equal(error, null);
        assert.equal(implementation.sent[0].type, action);
      } else {
        assert.equal(error.code, 'OPENCTI_CF_INVALID_OBJECT_STATE');
        assert.match(error.message, new RegExp(`^Cannot ${action} call c-7: it is ${state}; ${action} (needs|is not allowed)`));
        assert.deepEqual(error.details, { callId: 'c-7', state, leg: 'only', action });
        assert.deepEqual(implementation.sent, []);
        assert.equal(cti.state, before);
      }
    });
  }
}

test('hold on a ringing call names the state it needs', async () => {
  const { cti } = await desk({ events: [snapshot({ calls: [snapshotCall('Offering')] })] });

  const error = await rejection(cti.holdCall('c-7'));

  assert.equal(error.message, 'Cannot holdCall call c-7: it is Offering; holdCall needs Established.');
});

test('a request on an unknown call is refused with OPENCTI_UNKNOWN_CALL listing the known calls', async () => {
  const { cti } = await desk({ events: [snapshot({ calls: [snapshotCall('Held')] })] });

  const error = await rejection(cti.retrieveCall('c-404'));

  assert.equal(error.code, 'OPENCTI_UNKNOWN_CALL');
  assert.equal(error.message, 'Cannot retrieveCall: no call c-404 at this device (callId); known calls: c-7 (Held).');
});

test('call requests need a logged-in agent', async () => {
  const { cti } = await desk({ events: [] });

  const error = await rejection(cti.makeCall('5002'));

  assert.equal(error.code, 'OPENCTI_AGENT_NOT_LOGGED_IN');
});

test('call requests are refused with OPENCTI_LINK_DOWN while the CTI link is Disconnected', async () => {
  const { cti, implementation } = await desk({ events: [snapshot({ linkState: 'Disconnected', calls: [snapshotCall('Established')] })] });

  const error = await rejection(cti.holdCall('c-7'));

  assert.equal(error.code, 'OPENCTI_LINK_DOWN');
  assert.deepEqual(implementation.sent, []);
});

test('complete transfer of a consult is sent with the held and the active call', async () => {
  const { cti, implementation } = await desk({ events: [snapshot({ calls: CONSULT })] });

  await cti.transferComplete('c-1', 'c-2');

  assert.deepEqual(implementation.sent, [{ type: 'transferComplete', heldCallId: 'c-1', activeCallId: 'c-2' }]);
});

test('complete transfer with the calls swapped is refused: heldCallId must name the Held call', async () => {
  const { cti, implementation } = await desk({ events: [snapshot({ calls: CONSULT })] });

  const error = await rejection(cti.transferComplete('c-2', 'c-1'));

  assert.equal(error.code, 'OPENCTI_CF_INVALID_OBJECT_STATE');
  assert.match(error.message, /heldCallId c-2 is Established and activeCallId c-1 is Held/);
  assert.deepEqual(implementation.sent, []);
});

test('conference on a transfer consult is refused from the leg in the table', async () => {
  const { cti } = await desk({ events: [snapshot({ calls: CONSULT })] });

  const error = await rejection(cti.conferenceComplete('c-1', 'c-2'));

  assert.equal(error.message, 'Cannot conferenceComplete call c-1: it is Held (primary:Transfer leg); '
    + 'conferenceComplete is not allowed on such a call.');
});

test('cancel consult is allowed on the consult leg only', async () => {
  const { cti, implementation } = await desk({ events: [snapshot({ calls: CONSULT })] });

  await cti.cancelConsult('c-2');
  const error = await rejection(cti.cancelConsult('c-1'));

  assert.deepEqual(implementation.sent, [{ type: 'cancelConsult', consultCallId: 'c-2' }]);
  assert.equal(error.code, 'OPENCTI_CF_INVALID_OBJECT_STATE');
});

test('wrapUp of a call awaiting wrap-up is sent and the call leaves awaitingWrapUp', async () => {
  const ended = { callId: 'c-1', conversationId: 'c-1', callType: 'Inbound', endedAt: '2026-11-28T10:15:30.120Z', cause: 'Normal', callData: {} };
  const { cti, implementation } = await desk({ events: [snapshot({ agent: { state: 'AfterCallWork', since: '2026-11-28T10:15:30.120Z' }, awaitingWrapUp: [ended] })] });

  await cti.wrapUp('c-1', 'sale', 'renewed');

  assert.deepEqual(implementation.sent, [{ type: 'wrapUp', callId: 'c-1', wrapUpCode: 'sale', notes: 'renewed' }]);
  assert.deepEqual(cti.state.awaitingWrapUp, []);
});

test('wrapUp of a call that does not await wrap-up is refused with OPENCTI_UNKNOWN_CALL', async () => {
  const { cti } = await desk();

  const error = await rejection(cti.wrapUp('c-1', 'sale'));

  assert.equal(error.code, 'OPENCTI_UNKNOWN_CALL');
  assert.equal(error.message, 'Cannot wrapUp call c-1: it does not await wrap-up; calls awaiting wrap-up: none.');
});

test('a failure of the implementation rejects with it, or wraps a foreign error', async () => {
  const { cti, implementation } = await desk();
  implementation.answer = () => { throw new OpenCtiError('OPENCTI_DEST_BUSY', '5002 is busy'); };
  const busy = await rejection(cti.makeCall('5002'));
  implementation.answer = () => { throw new RangeError('boom'); };

  const wrapped = await rejection(cti.makeCall('5002'));

  assert.equal(busy.code, 'OPENCTI_DEST_BUSY');
  assert.equal(wrapped.code, 'OPENCTI_CF_GENERIC_OPERATION');
  assert.equal(wrapped.message, 'makeCall failed in the implementation: boom');
  assert.ok(wrapped.cause instanceof RangeError);
});

test('mode simple accepts login and logout only', async () => {
  const { cti, implementation } = await desk({ mode: 'simple' });

  const ready = await rejection(cti.agentReady());
  const hold = await rejection(cti.holdCall('c-7'));
  await cti.logout();

  assert.equal(ready.code, 'OPENCTI_NOT_AUTHORIZED');
  assert.equal(ready.message, "agentReady is not available in telephony mode 'simple'; it needs mode simple-agent-state or full.");
  assert.equal(hold.message, "holdCall is not available in telephony mode 'simple'; it needs mode full.");
  assert.deepEqual(implementation.sent, [{ type: 'logout' }]);
});

test('mode simple-agent-state accepts agent state but no call control', async () => {
  const { cti, implementation } = await desk({ mode: 'simple-agent-state', events: [snapshot({ calls: [snapshotCall('Established')] })] });

  await cti.agentNotReady('lunch');
  const hold = await rejection(cti.holdCall('c-7'));

  assert.equal(hold.code, 'OPENCTI_NOT_AUTHORIZED');
  assert.deepEqual(implementation.sent, [{ type: 'agentNotReady', reasonCode: 'lunch' }]);
});

test('mode simple hides agentstatechange but still delivers calls', async () => {
  const { cti, implementation } = await desk({ mode: 'simple', events: [] });
  const recorder = recordEvents(cti);

  implementation.emit(snapshot());
  implementation.emit(callState('Offering'));

  assert.deepEqual(recorder.of('agentstatechange'), []);
  assert.equal(recorder.of('callstatechange').length, 1);
  assert.equal(cti.state.agent.state, 'Ready', 'the state still records the agent');
});

test('login sends the mode in its options and the mode becomes the desk mode', async () => {
  const { cti, implementation } = await desk({ events: [] });

  await cti.login('1001', 'demo', '5001', { mode: 'simple-agent-state' });

  assert.deepEqual(implementation.sent, [{ type: 'login', agentId: '1001', password: 'demo', extension: '5001',
    options: { mode: 'simple-agent-state' } }]);
  assert.equal(cti.mode, 'simple-agent-state');
});

test('an event that does not match the schema is reported as OPENCTI_INVALID_EVENT and not applied', async () => {
  const { cti, implementation } = await desk();
  const recorder = recordEvents(cti);
  const before = cti.state;

  const { cause, ...withoutCause } = callState('Disconnected');
  implementation.emit(withoutCause);

  assert.deepEqual(recorder.events.map(e => e.type), ['error']);
  assert.equal(recorder.events[0].error.code, 'OPENCTI_INVALID_EVENT');
  assert.equal(recorder.events[0].error.message,
    'Invalid CallStateEvent at $: Instance does not have required property "cause"; it does not match the OpenCTI v1 schema and was not applied.');
  assert.equal(cti.state, before);
});

test('a duplicate seq is dropped', async () => {
  const { cti, implementation } = await desk({ events: [withSeq(snapshot(), 1)] });
  const recorder = recordEvents(cti);

  implementation.emit(withSeq(callState('Offering'), 2));
  implementation.emit(withSeq(callState('Offering'), 2));
  implementation.emit(withSeq(agentState('Busy'), 1));

  assert.equal(recorder.of('callstatechange').length, 1);
  assert.equal(cti.state.agent.state, 'Ready');
});

test('a seq gap is reported, the implementation asked to resync, and the event still applied', async () => {
  const { cti, implementation } = await desk({ events: [withSeq(snapshot(), 1)] });
  const recorder = recordEvents(cti);

  implementation.emit(withSeq(callState('Offering'), 4));

  assert.equal(recorder.of('error')[0].error.message, 'Event seq 4 (CallStateEvent) arrived after seq 1: events 2 to 3 '
    + 'are missing; the state may be stale until the next snapshot.');
  assert.equal(implementation.resyncs, 1);
  assert.equal(cti.state.calls.length, 1);
});

test('a snapshot restarts the numbering, and events without seq are always applied', async () => {
  const { cti, implementation } = await desk({ events: [withSeq(snapshot(), 9)] });
  const recorder = recordEvents(cti);

  implementation.emit(withSeq(snapshot({ agent: { state: 'NotReady', since: '2026-11-28T10:15:30.120Z', reasonCode: 'login' } }), 1));
  implementation.emit(withSeq(agentState('Ready'), 2));
  implementation.emit(agentState('NotReady'));

  assert.deepEqual(recorder.of('error'), []);
  assert.equal(cti.state.agent.state, 'NotReady');
});

test('the constructor refuses a missing implementation and an unknown mode', () => {
  assert.throws(() => new OpenCti({}), /OpenCti needs an implementation with connect\(emit\), send\(request\) and close\(\)/);
  assert.throws(() => new OpenCti({ implementation: new RecordingImplementation(), mode: 'fancy' }),
    /Unknown telephony mode 'fancy'; expected one of simple, simple-agent-state, full/);
});

test('an event the validator cannot even read is reported, not thrown', async () => {
  const { cti, implementation } = await desk();
  const recorder = recordEvents(cti);

  implementation.emit(callState('Offering', { ani: undefined }));

  assert.equal(recorder.of('error')[0].error.code, 'OPENCTI_INVALID_EVENT');
  assert.deepEqual(cti.state.calls, []);
});
