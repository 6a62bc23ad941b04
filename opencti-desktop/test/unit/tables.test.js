import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agentOutcome, agentTransitionAllowed, legOf, makeCallStates, stateTables, statesAllowing, tableActions }
  from '../../src/state/tables.js';
import { Action } from '../../src/interface/states.js';

test('the tables are the file of opencti-model, frozen', () => {
  assert.equal(stateTables.version, 1);
  assert.ok(Object.isFrozen(stateTables.callActions['Held/only']));
});

test('agent outcomes come from the table', () => {
  assert.deepEqual(agentOutcome('LoggedOut', 'login'), { to: 'NotReady', reasonCode: 'login' });
  assert.deepEqual(agentOutcome('Busy', 'agentNotReady'), { pending: 'NotReady' });
  assert.deepEqual(agentOutcome('Ready', 'agentReady'), { same: true });
  assert.throws(() => agentOutcome('Sleeping', 'login'), /No agent-request row for Sleeping\/login/);
});

test('transitions and makeCall states come from the table', () => {
  assert.ok(agentTransitionAllowed('Busy', 'AfterCallWork'));
  assert.ok(!agentTransitionAllowed('LoggedOut', 'Ready'));
  assert.deepEqual([...makeCallStates()], ['NotReady', 'Ready', 'Busy', 'AfterCallWork']);
});

test('every action named in the call table is a request of the Interface', () => {
  const known = Object.values(Action);
  for (const [key, actions] of Object.entries(stateTables.callActions)) {
    if (!key.startsWith('$')) for (const action of actions) assert.ok(known.includes(action), `${key}: ${action}`);
  }
});

test('a lone call is on the only leg, two unrelated calls on other legs', () => {
  const a = { callId: 'a', state: 'Established' };
  const b = { callId: 'b', state: 'Held' };

  assert.equal(legOf(a, [a]), 'only');
  assert.equal(legOf(a, [a, b]), 'other');
  assert.equal(legOf(a, [a, { ...b, state: 'Disconnected' }]), 'only');
});

test('the older of two related calls is the primary leg, the younger the consult leg', () => {
  const primary = { callId: 'a', state: 'Held', relatedCallId: 'b', consultPurpose: 'Transfer' };
  const consult = { callId: 'b', state: 'Alerting', relatedCallId: 'a', consultPurpose: 'Transfer' };

  assert.equal(legOf(primary, [primary, consult]), 'primary:Transfer');
  assert.equal(legOf(consult, [primary, consult]), 'consult:Transfer');
  assert.deepEqual([...tableActions('Alerting', 'consult:Transfer')], ['cancelConsult', 'transferComplete', 'hangUpCall', 'setCallData']);
});

test('statesAllowing names the states an action needs on a leg', () => {
  assert.deepEqual(statesAllowing('holdCall', 'only'), ['Established']);
  assert.deepEqual(statesAllowing('answerCall', 'only'), ['Offering']);
  assert.deepEqual(statesAllowing('conferenceComplete', 'primary:Transfer'), []);
});
