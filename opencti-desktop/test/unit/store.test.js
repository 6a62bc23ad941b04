import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store, initialState } from '../../src/state/store.js';
import { AT, agentState, callState, snapshot, snapshotCall } from '../support/events.js';

const LATER = '2026-11-28T10:16:00.000Z';
const types = events => events.map(e => e.type);

test('the initial state is logged out with the link down and no calls', () => {
  const state = initialState();

  assert.equal(state.agent.state, 'LoggedOut');
  assert.equal(state.linkState, 'Disconnected');
  assert.deepEqual(state.calls, []);
  assert.ok(Object.isFrozen(state) && Object.isFrozen(state.agent) && Object.isFrozen(state.calls));
});

test('a snapshot replaces everything and reports agent, link and each call', () => {
  const store = new Store();

  const events = store.apply(snapshot({ calls: [snapshotCall('Established')], awaitingWrapUp: [] }));

  assert.deepEqual(types(events), ['agentstatechange', 'linkstatechange', 'callstatechange', 'statechange']);
  assert.equal(store.state.agent.state, 'Ready');
  assert.equal(store.state.calls[0].since, AT);
  assert.equal(store.state.agentId, '1001');
  assert.ok(Object.isFrozen(store.state.calls[0].parties[0]));
});

test('a second identical snapshot changes nothing and dispatches nothing', () => {
  const store = new Store();
  store.apply(snapshot({ calls: [snapshotCall('Held')] }));

  const events = store.apply(snapshot({ calls: [snapshotCall('Held')] }));

  assert.deepEqual(events, []);
});

test('a snapshot without a call we knew ends that call with a Disconnected callstatechange', () => {
  const store = new Store();
  store.apply(snapshot({ calls: [snapshotCall('Established')] }));

  const events = store.apply(snapshot());

  const change = events.find(e => e.type === 'callstatechange');
  assert.equal(change.call.state, 'Disconnected');
  assert.equal(change.previous.state, 'Established');
  assert.deepEqual(store.state.calls, []);
});

test('an agent state event sets state, reason and since, with the previous agent in the event', () => {
  const store = new Store();
  store.apply(snapshot());

  const [event] = store.apply(agentState('NotReady', { at: LATER, reasonCode: 'lunch', previous: 'Ready' }));

  assert.equal(event.type, 'agentstatechange');
  assert.equal(event.agent.state, 'NotReady');
  assert.equal(event.agent.reasonCode, 'lunch');
  assert.equal(event.agent.since, LATER);
  assert.equal(event.previous.state, 'Ready');
});

test('a pending state change keeps the agent state and its since', () => {
  const store = new Store();
  store.apply(snapshot({ agent: { state: 'Busy', since: AT } }));

  store.apply(agentState('Busy', { at: LATER, pendingState: 'NotReady', pendingReasonCode: 'lunch' }));

  assert.deepEqual(store.state.agent, { state: 'Busy', since: AT, pendingState: 'NotReady', pendingReasonCode: 'lunch' });
});

test('an offered call is added with since = at, and answering it moves since', () => {
  const store = new Store();
  store.apply(snapshot());

  store.apply(callState('Offering'));
  const [event] = store.apply(callState('Established', { at: LATER }));

  assert.equal(event.type, 'callstatechange');
  assert.equal(event.previous.state, 'Offering');
  assert.equal(store.state.calls[0].state, 'Established');
  assert.equal(store.state.calls[0].since, LATER);
  assert.deepEqual(store.state.calls[0].callData, { accountId: 'A-1001' });
});

test('an event that only changes allowedActions keeps since and still reports callstatechange', () => {
  const store = new Store();
  store.apply(snapshot());
  store.apply(callState('Established'));

  const events = store.apply(callState('Established', { at: LATER, allowedActions: ['hangUpCall'] }));

  assert.deepEqual(types(events), ['callstatechange', 'statechange']);
  assert.equal(store.state.calls[0].since, AT);
});

test('an ended ACD call that allows wrapUp moves to awaitingWrapUp', () => {
  const store = new Store();
  store.apply(snapshot());
  store.apply(callState('Established'));

  const events = store.apply(callState('Disconnected', { at: LATER, cause: 'RemoteHangup' }));

  assert.equal(events[0].call.state, 'Disconnected');
  assert.equal(events[0].call.cause, 'RemoteHangup');
  assert.deepEqual(store.state.calls, []);
  assert.deepEqual(store.state.awaitingWrapUp, [{
    callId: 'c-7', conversationId: 'c-7', callType: 'Inbound', queue: 'sales', ani: '0612345678', endedAt: LATER,
    cause: 'RemoteHangup', callData: { accountId: 'A-1001' },
  }]);
});

test('an ended call whose allowedActions lack wrapUp does not await wrap-up', () => {
  const store = new Store();
  store.apply(snapshot());
  store.apply(callState('Established'));

  store.apply(callState('Disconnected', { allowedActions: [], cause: 'Transferred' }));

  assert.deepEqual(store.state.awaitingWrapUp, []);
});

test('the next offer clears the calls awaiting wrap-up', () => {
  const store = new Store();
  store.apply(snapshot({ awaitingWrapUp: [{ callId: 'c-1', conversationId: 'c-1', callType: 'Inbound', endedAt: AT,
    cause: 'Normal', callData: {} }] }));

  store.apply(callState('Offering', { callId: 'c-8', conversationId: 'c-8' }));

  assert.deepEqual(store.state.awaitingWrapUp, []);
});

test('wrappedUp removes the call from awaitingWrapUp', () => {
  const store = new Store();
  store.apply(snapshot({ awaitingWrapUp: [{ callId: 'c-1', conversationId: 'c-1', callType: 'Inbound', endedAt: AT,
    cause: 'Normal', callData: {} }] }));

  const events = store.wrappedUp('c-1');

  assert.deepEqual(store.state.awaitingWrapUp, []);
  assert.deepEqual(types(events), ['statechange']);
});

test('replacesCallId renames a call in place, keeping its position, since and parties', () => {
  const store = new Store();
  store.apply(snapshot({ calls: [snapshotCall('Established', { callId: 'c-1', conversationId: 'c-1' }),
    snapshotCall('Held', { callId: 'c-2', conversationId: 'c-1' })] }));

  const events = store.apply(callState('Established', { callId: 'c-9', conversationId: 'c-1', replacesCallId: 'c-1', at: LATER }));

  assert.deepEqual(store.state.calls.map(c => c.callId), ['c-9', 'c-2']);
  assert.equal(store.state.calls[0].since, AT);
  assert.equal(store.state.calls[0].parties.length, 1);
  const change = events.find(e => e.type === 'callstatechange');
  assert.equal(change.call.callId, 'c-9');
  assert.equal(change.previous.callId, 'c-1');
  assert.equal(events.filter(e => e.type === 'callstatechange').length, 1, 'no Disconnected for the old id');
});

test('a party info event replaces the parties and reports partieschange', () => {
  const store = new Store();
  store.apply(snapshot({ calls: [snapshotCall('Established')] }));
  const parties = [{ dn: '0612345678', role: 'Customer', state: 'Held' }, { dn: '5002', role: 'Agent', state: 'Established' }];

  const events = store.apply({ type: 'PartyInfoEvent', name: 'PartyInfo', at: LATER, agentId: '1001', device: '5001',
    media: 'phone', callId: 'c-7', parties });

  assert.deepEqual(types(events), ['partieschange', 'statechange']);
  assert.deepEqual(store.state.calls[0].parties, parties);
  assert.equal(store.state.calls[0].state, 'Established', 'a remote party holding never changes our call state');
  assert.equal(events[0].previous.length, 1);
});

test('a call info event replaces call data and sets the customer', () => {
  const store = new Store();
  store.apply(snapshot({ calls: [snapshotCall('Offering')] }));
  const customer = { id: 'C-1', name: 'Ada Lovelace', phone: '0612345678', accountId: 'A-1001' };

  const events = store.apply({ type: 'CallInfoEvent', name: 'CallInfo', at: LATER, agentId: '1001', device: '5001',
    media: 'phone', callId: 'c-7', callData: { accountId: 'A-1001', note: 'vip' }, customer });

  assert.deepEqual(types(events), ['callinfochange', 'statechange']);
  assert.deepEqual(store.state.calls[0].callData, { accountId: 'A-1001', note: 'vip' });
  assert.deepEqual(store.state.calls[0].customer, customer);
});

test('a link state event sets linkState and reports linkstatechange', () => {
  const store = new Store();
  store.apply(snapshot());

  const [event] = store.apply({ type: 'LinkStateEvent', name: 'Reconnecting', at: LATER, agentId: '1001', device: '5001', media: 'phone' });

  assert.equal(event.type, 'linkstatechange');
  assert.equal(event.linkState, 'Reconnecting');
  assert.equal(event.previous, 'Connected');
});

test('a queue event updates the queue and reports queuechange', () => {
  const store = new Store();

  const [event] = store.apply({ type: 'QueueEvent', name: 'CallDequeued', at: LATER, device: '8001', media: 'phone',
    queue: 'sales', callId: 'c-7', waiting: 2, reason: 'Distributed' });

  assert.equal(event.type, 'queuechange');
  assert.deepEqual(store.state.queues.sales, { queue: 'sales', waiting: 2,
    last: { name: 'CallDequeued', callId: 'c-7', at: LATER, reason: 'Distributed' } });
});

test('an error event is reported as an OpenCtiError and changes no state', () => {
  const store = new Store();
  store.apply(snapshot());
  const before = store.state;

  const events = store.apply({ type: 'ErrorEvent', name: 'Error', at: LATER, agentId: '1001', device: '5001', media: 'phone',
    code: 'OPENCTI_DEST_BUSY', message: 'Destination 5002 is busy', details: { destination: '5002' }, requestId: 'r-9' });

  assert.deepEqual(types(events), ['error']);
  assert.equal(events[0].error.code, 'OPENCTI_DEST_BUSY');
  assert.equal(events[0].error.requestId, 'r-9');
  assert.equal(store.state, before);
});

test('snapshots handed out are never mutated by later events', () => {
  const store = new Store();
  store.apply(snapshot());
  store.apply(callState('Offering'));
  const before = store.state;

  store.apply(callState('Established'));

  assert.equal(before.calls[0].state, 'Offering');
  assert.throws(() => { before.calls[0].state = 'Held'; }, TypeError);
});
