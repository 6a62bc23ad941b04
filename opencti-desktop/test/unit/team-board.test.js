import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TeamBoard } from '../../src/pages/team-board.js';
import { validateEvent } from '../../src/interface/event-schema.js';

const T0 = Date.parse('2026-11-28T10:00:00.000Z');
const at = seconds => new Date(T0 + seconds * 1000).toISOString();

/** A board on a clock the test moves. */
function board() {
  const clock = { now: T0 };
  const b = new TeamBoard({ self: '2001', now: () => clock.now });
  return { b, clock };
}

function event(fields) {
  const e = { at: at(0), media: 'phone', ...fields };
  const verdict = validateEvent(e);
  assert.ok(verdict.valid, verdict.message);
  return e;
}

test('REST agents are the baseline: state, time in state, current call', () => {
  const { b, clock } = board();
  b.setAgents([
    { agentId: '1002', device: '5002', state: 'Ready', since: at(0), calls: [] },
    { agentId: '1001', device: '5001', state: 'Busy', since: at(-30),
      calls: [{ callId: 'c-1', state: 'Established', callType: 'Inbound', ani: '0612345001', since: at(-20) }] },
  ]);
  clock.now = T0 + 65_000;

  const rows = b.agentRows();

  assert.deepEqual(rows.map(r => [r.agentId, r.state, r.timeInState, r.call]), [
    ['1001', 'Busy', '1:35', 'Established Inbound 0612345001'],
    ['1002', 'Ready', '1:05', ''],
  ]);
});

test('agent and call events keep the table live between fetches; the supervisor\'s own desk is not a row', () => {
  const { b } = board();
  b.setAgents([{ agentId: '1001', device: '5001', state: 'Ready', since: at(0), calls: [] }]);

  b.apply(event({ type: 'AgentStateEvent', name: 'Busy', agentId: '1001', device: '5001', at: at(10), previous: 'Ready' }));
  b.apply(event({ type: 'CallStateEvent', name: 'Offering', agentId: '1001', device: '5001', at: at(10), callId: 'c-9',
    conversationId: 'c-9', callType: 'Inbound', ani: '0699', callData: {}, allowedActions: [] }));
  b.apply(event({ type: 'AgentStateEvent', name: 'NotReady', reasonCode: 'login', agentId: '2001', device: '5099', at: at(10) }));
  const ringing = b.agentRows()[0];
  b.apply(event({ type: 'CallStateEvent', name: 'Disconnected', cause: 'Abandoned', agentId: '1001', device: '5001',
    at: at(20), callId: 'c-9', conversationId: 'c-9', callType: 'Inbound', callData: {}, allowedActions: [] }));

  assert.equal(b.agentRows().length, 1);
  assert.equal(ringing.state, 'Busy');
  assert.equal(ringing.since, at(10));
  assert.equal(ringing.call, 'Offering Inbound 0699');
  assert.equal(b.agentRows()[0].call, '');
});

test('an agent first seen in an event gets a row', () => {
  const { b } = board();

  b.apply(event({ type: 'AgentStateEvent', name: 'NotReady', reasonCode: 'login', agentId: '1003', device: '5003' }));

  assert.deepEqual(b.agentRows().map(r => [r.agentId, r.device, r.state, r.reason]), [['1003', '5003', 'NotReady', 'login']]);
});

test('the state changes offered follow the agent\'s state', () => {
  const { b } = board();
  b.setAgents([{ agentId: '1001', state: 'Ready', calls: [] }, { agentId: '1002', state: 'LoggedOut', calls: [] }]);

  const [ready, out] = b.agentRows();

  assert.deepEqual(ready.actions, [{ state: 'Ready', enabled: false }, { state: 'NotReady', enabled: true },
    { state: 'LoggedOut', enabled: true }]);
  assert.ok(out.actions.every(a => !a.enabled), 'a logged-out agent cannot be changed from here');
});

test('queues: REST statistics, then queue events update waiting and the longest wait', () => {
  const { b, clock } = board();
  b.setQueues([{ queue: 'sales', waiting: 1, longestWaitSeconds: 12, answered: 40, abandoned: 2, serviceLevel: 0.85 }]);

  clock.now = T0 + 3000;
  const fetched = b.queueRows()[0];
  b.apply(event({ type: 'QueueEvent', name: 'CallQueued', queue: 'sales', callId: 'c-2', waiting: 2, device: '8001', at: at(3) }));
  b.apply(event({ type: 'QueueEvent', name: 'CallDequeued', reason: 'Abandoned', queue: 'sales', callId: 'c-1', waiting: 1,
    device: '8001', at: at(4) }));
  clock.now = T0 + 10_000;

  assert.deepEqual([fetched.waiting, fetched.longestWait, fetched.serviceLevel], [1, '0:15', '85%']);
  const [sales] = b.queueRows();
  assert.equal(sales.waiting, 1);
  assert.equal(sales.abandoned, 3);
  assert.equal(sales.longestWait, '0:22', 'the REST call is still the oldest (the dequeued one is unknown by id)');
});

test('a queue known only from events shows its waiting calls and no service level', () => {
  const { b, clock } = board();

  b.apply(event({ type: 'QueueEvent', name: 'CallQueued', queue: 'support', callId: 'c-5', waiting: 1, device: '8002', at: at(0) }));
  clock.now = T0 + 42_000;
  const waiting = b.queueRows()[0];
  b.apply(event({ type: 'QueueEvent', name: 'CallDequeued', reason: 'Distributed', queue: 'support', callId: 'c-5', waiting: 0,
    device: '8002', at: at(42) }));

  assert.deepEqual([waiting.waiting, waiting.longestWait, waiting.serviceLevel], [1, '0:42', '—']);
  assert.deepEqual([b.queueRows()[0].waiting, b.queueRows()[0].longestWait], [0, '']);
});

test('an agents list answered from before a hang-up does not undo the events that came while it was on its way', async () => {
  const { b } = board();
  b.setAgents([{ agentId: '1001', device: '5001', state: 'Busy', since: at(0),
    calls: [{ callId: 'c-1', state: 'Established', callType: 'Inbound', ani: '0612345001', since: at(0) }] }]);
  let answer;
  const refreshed = b.refreshAgents(() => new Promise(resolve => { answer = resolve; }));
  await Promise.resolve();

  b.apply(event({ type: 'CallStateEvent', name: 'Disconnected', cause: 'RemoteHangup', agentId: '1001', device: '5001',
    at: at(30), callId: 'c-1', conversationId: 'c-1', callType: 'Inbound', callData: {}, allowedActions: [] }));
  b.apply(event({ type: 'AgentStateEvent', name: 'AfterCallWork', agentId: '1001', device: '5001', at: at(30), previous: 'Busy' }));
  answer([{ agentId: '1001', device: '5001', state: 'Busy', since: at(0), calls: [] }]); // taken between the two events
  await refreshed;

  assert.deepEqual(b.agentRows().map(r => [r.agentId, r.state, r.since, r.call]), [['1001', 'AfterCallWork', at(30), '']]);
  b.apply(event({ type: 'AgentStateEvent', name: 'Ready', agentId: '1001', device: '5001', at: at(40), previous: 'AfterCallWork' }));
  await b.refreshAgents(async () => [{ agentId: '1001', device: '5001', state: 'Ready', since: at(40), calls: [] }]);
  assert.deepEqual(b.agentRows().map(r => [r.state, r.since]), [['Ready', at(40)]], 'a later list replays nothing old');
});

test('a failed agents fetch leaves the board as the events made it', async () => {
  const { b } = board();
  b.setAgents([{ agentId: '1001', device: '5001', state: 'Ready', since: at(0), calls: [] }]);
  await assert.rejects(b.refreshAgents(async () => { throw new Error('503'); }), /503/);
  b.apply(event({ type: 'AgentStateEvent', name: 'NotReady', reasonCode: 'Break', agentId: '1001', device: '5001', at: at(5) }));
  assert.deepEqual(b.agentRows().map(r => [r.state, r.reason]), [['NotReady', 'Break']]);
});
