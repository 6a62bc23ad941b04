import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUTTON_NAMES, elapsed, panelModel } from '../../src/panel/panel-model.js';
import { CallControlPanelElement } from '../../src/panel/call-control-panel.js';
import { Store } from '../../src/state/store.js';
import { stateTables } from '../../src/state/tables.js';
import { AT, snapshot, snapshotCall } from '../support/events.js';

const REASONS = [{ id: 'break', label: 'Break' }, { id: 'lunch', label: 'Lunch' }];
const NOW = Date.parse(AT) + 75_000;

function modelOf(events, options = {}) {
  const store = new Store();
  for (const event of events) store.apply(event);
  return panelModel(store.state, { reasonCodes: REASONS, wrapUpCodes: [{ id: 'sale', label: 'Sale' }], now: NOW, ...options });
}

const enabled = buttons => buttons.filter(b => b.enabled).map(b => b.name);

test('the button names are the stable accessible names of the contract', () => {
  assert.deepEqual(Object.values(BUTTON_NAMES).sort(), ['Alternate', 'Answer', 'Blind transfer', 'Cancel consult',
    'Complete conference', 'Complete transfer', 'Conference', 'Consult', 'Drop party', 'Hang up', 'Hold', 'Log out',
    'Make call', 'Retrieve', 'Send DTMF', 'Set call data', 'Start transfer', 'Wrap up']);
});

test('a logged-out desk shows no controls', () => {
  const model = modelOf([]);

  assert.equal(model.loggedIn, false);
  assert.equal(model.logout.enabled, false);
  assert.equal(model.makeCall.enabled, false);
});

test('the agent select offers Ready and each reason, with the current one selected', () => {
  const model = modelOf([snapshot({ agent: { state: 'NotReady', since: AT, reasonCode: 'lunch' } })]);

  assert.deepEqual(model.agent.options.map(o => o.label), ['Ready', 'Not ready: Break', 'Not ready: Lunch']);
  assert.equal(model.agent.value, 'NotReady:lunch');
  assert.equal(model.agent.elapsed, '1:15');
});

test('a state that is not selectable is shown as a disabled option, with the pending state', () => {
  const model = modelOf([snapshot({ agent: { state: 'Busy', since: AT, pendingState: 'NotReady', pendingReasonCode: 'break' } })]);

  assert.deepEqual(model.agent.options[0], { value: 'Busy', label: 'Busy', disabled: true });
  assert.equal(model.agent.pending, 'Next: Not ready (Break)');
});

test('a ringing call shows in the banner with Answer enabled, and its row offers what it allows', () => {
  const model = modelOf([snapshot({ calls: [snapshotCall('Offering')] })]);

  assert.equal(model.ringing[0].ani, '0612345678');
  assert.equal(model.ringing[0].queue, 'sales');
  assert.deepEqual(model.ringing[0].callData, [['accountId', 'A-1001']]);
  assert.equal(model.ringing[0].answer.enabled, true);
  assert.deepEqual(enabled(model.calls[0].buttons), ['Hang up', 'Blind transfer']);
  assert.equal(model.calls[0].dtmf.enabled, false);
});

test('an established call enables hold, consult, transfers, conference, DTMF and drop party', () => {
  const model = modelOf([snapshot({ calls: [snapshotCall('Established')] })]);

  assert.deepEqual(enabled(model.calls[0].buttons), ['Hang up', 'Hold', 'Consult', 'Start transfer', 'Conference', 'Blind transfer']);
  assert.equal(model.calls[0].dial, true);
  assert.equal(model.calls[0].dtmf.enabled, true);
  assert.equal(model.calls[0].parties[0].drop.name, 'Drop party 0612345678');
  assert.equal(model.calls[0].elapsed, '1:15');
});

test('a held call enables Retrieve and Hang up only', () => {
  const model = modelOf([snapshot({ calls: [snapshotCall('Held')] })]);

  assert.deepEqual(enabled(model.calls[0].buttons), ['Hang up', 'Retrieve']);
  assert.equal(model.pair, null);
});

test('a transfer consult shows the pair controls once, enabled from both legs', () => {
  const calls = [
    snapshotCall('Held', { callId: 'c-1', relatedCallId: 'c-2', consultPurpose: 'Transfer', allowedActions: stateTables.callActions['Held/primary:Transfer'] }),
    snapshotCall('Established', { callId: 'c-2', relatedCallId: 'c-1', consultPurpose: 'Transfer', allowedActions: stateTables.callActions['Established/consult:Transfer'] }),
  ];

  const model = modelOf([snapshot({ calls })]);

  assert.deepEqual(enabled(model.pair.buttons), ['Alternate', 'Complete transfer', 'Cancel consult']);
  assert.deepEqual([model.pair.heldCallId, model.pair.activeCallId, model.pair.consultCallId], ['c-1', 'c-2', 'c-2']);
});

test('mode simple-agent-state keeps the agent select but disables every call control', () => {
  const model = modelOf([snapshot({ calls: [snapshotCall('Offering')] })], { mode: 'simple-agent-state' });

  assert.equal(model.agent.enabled, true);
  assert.equal(model.ringing[0].answer.enabled, false);
  assert.deepEqual(enabled(model.calls[0].buttons), []);
  assert.equal(model.makeCall.enabled, false);
});

test('mode simple disables the agent select too', () => {
  assert.equal(modelOf([snapshot()], { mode: 'simple' }).agent.enabled, false);
});

test('calls awaiting wrap-up get a form with the codes', () => {
  const ended = { callId: 'c-1', conversationId: 'c-1', callType: 'Inbound', queue: 'sales', ani: '0612345678', endedAt: AT, cause: 'Normal', callData: {} };

  const model = modelOf([snapshot({ agent: { state: 'AfterCallWork', since: AT }, awaitingWrapUp: [ended] })]);

  assert.deepEqual(model.wrapUps[0], { callId: 'c-1', title: '0612345678 (sales)', cause: 'Normal',
    codes: [{ id: 'sale', label: 'Sale' }], wrapUp: { action: 'wrapUp', name: 'Wrap up', enabled: true } });
});

test('the link banner shows while logged in and the link is not Connected', () => {
  assert.equal(modelOf([snapshot({ linkState: 'Reconnecting' })]).linkLost, true);
  assert.equal(modelOf([snapshot()]).linkLost, false);
});

test('timers count from since, in m:ss or h:mm:ss', () => {
  assert.equal(elapsed(AT, Date.parse(AT) + 5_000), '0:05');
  assert.equal(elapsed(AT, Date.parse(AT) + 3_723_000), '1:02:03');
  assert.equal(elapsed(null, 0), '');
});

test('the element class registers under its default tag, once, in the registry it is given', () => {
  const defined = new Map();
  const registry = { get: tag => defined.get(tag), define: (tag, cls) => defined.set(tag, cls) };

  CallControlPanelElement.define(undefined, registry);
  CallControlPanelElement.define(undefined, registry);

  assert.deepEqual([...defined.keys()], ['opencti-call-control-panel']);
  assert.deepEqual(CallControlPanelElement.observedAttributes, ['reason-codes', 'wrap-up-codes']);
});
