import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { InMemoryImplementation } from '../../src/implementations/in-memory.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { customerView, nextPop, popOf } from '../../src/pages/screen-pop.js';

const CAMILLE = { id: 'C-0001', name: 'Camille Martin', phone: '+33612345001', accountId: 'A-1001' };

/** A desk whose call events drive the pop, as the agent page wires them. */
async function poppingDesk() {
  const centre = new InMemoryImplementation({ now: () => new Date('2026-11-28T10:15:30.120Z') });
  const cti = new OpenCti({ implementation: centre });
  const desk = { centre, cti, pop: null, pops: 0 };
  for (const type of ['callstatechange', 'callinfochange']) {
    cti.addEventListener(type, event => {
      const next = nextPop(desk.pop, event);
      if (next !== desk.pop) desk.pops++;
      desk.pop = next;
    });
  }
  await cti.login('1001', 'demo');
  await cti.agentReady();
  return desk;
}

test('a ringing call pops its customer', async () => {
  const desk = await poppingDesk();

  desk.centre.offerCall({ ani: '0612345001', queue: 'sales', customer: CAMILLE });

  const view = customerView(desk.pop);
  assert.equal(view.heading, 'Camille Martin');
  assert.equal(view.phone, '+33612345001');
  assert.equal(view.accountId, 'A-1001');
  assert.equal(view.history, 'loading');
});

test('a ringing call without a customer pops "Unknown caller <ANI>"', async () => {
  const desk = await poppingDesk();

  desk.centre.offerCall({ ani: '0699999999', queue: 'sales' });

  assert.deepEqual(customerView(desk.pop), { heading: 'Unknown caller 0699999999', known: false, phone: '0699999999',
    accountId: null, history: 'none', interactions: [] });
});

test('a late customer (CallInfoEvent after the budget) replaces the unknown caller', async () => {
  const golden = name => JSON.parse(fs.readFileSync(new URL(`../../src/schema/v1/examples/valid/${name}.json`, import.meta.url), 'utf8'));
  const server = { connect(emit) { this.emit = emit; }, send: async () => undefined, close() {} };
  const cti = new OpenCti({ implementation: server });
  let pop = null;
  for (const type of ['callstatechange', 'callinfochange']) cti.addEventListener(type, e => { pop = nextPop(pop, e); });
  await cti.connect();
  const { customer, ...offering } = golden('CallStateEvent.offering');

  server.emit({ ...golden('SnapshotEvent.after-login'), seq: 2 });
  server.emit(offering);
  const before = customerView(pop).heading;
  server.emit({ ...golden('CallInfoEvent.late-screen-pop'), seq: 4 });

  assert.equal(before, 'Unknown caller 0612345001');
  assert.equal(customerView(pop).heading, 'Camille Martin');
  assert.equal(customerView(pop).accountId, 'A-1001');
});

test('the pop stays after the call ends, for the wrap-up, until the next call rings', async () => {
  const desk = await poppingDesk();
  const first = desk.centre.offerCall({ ani: '0612345001', queue: 'sales', customer: CAMILLE });
  await desk.cti.answerCall(first);
  await desk.cti.hangUpCall(first);

  const afterEnd = desk.pop;
  await desk.cti.agentReady();
  desk.centre.offerCall({ ani: '0688888888', queue: 'sales' });

  assert.equal(afterEnd.live, false);
  assert.equal(customerView(afterEnd).heading, 'Camille Martin');
  assert.equal(customerView(desk.pop).heading, 'Unknown caller 0688888888');
});

test('answering, holding and the call\'s other updates keep the same pop', async () => {
  const desk = await poppingDesk();
  const callId = desk.centre.offerCall({ ani: '0612345001', queue: 'sales', customer: CAMILLE });
  const popsAfterRing = desk.pops;

  await desk.cti.answerCall(callId);
  await desk.cti.holdCall(callId);
  await desk.cti.retrieveCall(callId);

  assert.equal(desk.pops, popsAfterRing);
  assert.equal(desk.pop.callId, callId);
});

test('a consult leg the agent dials does not replace the customer on screen', async () => {
  const desk = await poppingDesk();
  const callId = desk.centre.offerCall({ ani: '0612345001', queue: 'sales', customer: CAMILLE });
  await desk.cti.answerCall(callId);

  await desk.cti.transferInitiate(callId, '5002');

  assert.equal(customerView(desk.pop).heading, 'Camille Martin');
});

test('after a reload the first call of the snapshot pops', () => {
  const call = { callId: 'c-7', conversationId: 'c-7', state: 'Established', ani: '0612345001', customer: CAMILLE };

  const pop = nextPop(null, { type: 'callstatechange', call, previous: null });

  assert.deepEqual(pop, popOf(call));
  assert.equal(pop.live, true);
});

test('the recent interactions are shown newest first, with the customer\'s number on each', () => {
  const record = { ...CAMILLE, recentInteractions: [
    { id: 'i-1', callId: 'c-1', conversationId: 'c-1', callType: 'Inbound', ani: '+33612345001', dnis: '8001', queue: 'sales',
      offeredAt: '2026-11-20T09:00:00.000Z', answeredAt: '2026-11-20T09:00:05.000Z', endedAt: '2026-11-20T09:04:00.000Z',
      cause: 'Normal', wrapUpCode: 'sale', wrapUpNotes: 'upgraded', agentId: '1001' },
    { id: 'i-2', callId: 'c-2', conversationId: 'c-2', callType: 'Outbound', dnis: '+33612345001',
      offeredAt: '2026-11-25T15:00:00.000Z', agentId: '1002' },
  ] };
  const pop = popOf({ callId: 'c-7', conversationId: 'c-7', state: 'Offering', ani: '0612345001', customer: CAMILLE });

  const view = customerView(pop, { status: 'ready', record });

  assert.equal(view.history, 'ready');
  assert.deepEqual(view.interactions.map(i => [i.id, i.direction, i.number, i.outcome, i.wrapUp]), [
    ['i-2', 'Outbound', '+33612345001', 'Ringing', ''],
    ['i-1', 'Inbound', '+33612345001', 'Normal', 'sale: upgraded'],
  ]);
});

test('with no call yet the panel says so', () => {
  assert.equal(customerView(null).heading, 'No customer');
});
