import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedTabsImplementation } from '../../src/implementations/shared-tabs.js';
import { InMemoryImplementation } from '../../src/implementations/in-memory.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { FakeClock, flush } from '../support/fake-clock.js';
import { CentreClient, FakeBroadcastHub, linkCentre } from '../support/fake-broadcast.js';

/** Tabs of one agent over one hub and one contact centre, on fake time; `forwarded` is what the platform got. */
function office() {
  const clock = new FakeClock();
  const hub = new FakeBroadcastHub();
  const centre = new InMemoryImplementation({ now: () => new Date('2026-11-28T10:15:30.120Z') });
  const link = linkCentre(centre);
  const forwarded = [];
  const tabs = new Map();
  const open = async id => {
    const channel = hub.channel();
    const shared = new SharedTabsImplementation({ create: () => new CentreClient(centre, link), channel, tabId: id,
      timers: clock.timers, forward: event => { forwarded.push({ tab: id, seq: event.seq, type: event.type, name: event.name }); } });
    const cti = new OpenCti({ implementation: shared });
    const tab = { id, shared, cti, channel, connected: cti.connect() };
    tabs.set(id, tab);
    await flush();
    return tab;
  };
  const settle = async (ms = 0) => { await flush(); if (ms) clock.advance(ms); await flush(); };
  return { clock, hub, centre, forwarded, tabs, open, settle };
}


async function threeTabs() {
  const o = office();
  const a = await o.open('a');
  await o.settle(300);
  await a.connected;
  const b = await o.open('b');
  const c = await o.open('c');
  await o.settle(300);
  await Promise.all([b.connected, c.connected]);
  return { ...o, a, b, c };
}

test('the first tab owns the connection and later tabs follow it', async () => {
  const { a, b, c } = await threeTabs();

  assert.deepEqual([a.shared.role, b.shared.role, c.shared.role], ['owner', 'follower', 'follower']);
});

test('a follower\'s request runs in the owner and every tab sees its events; only the owner forwards', async () => {
  const { a, b, c, forwarded, settle } = await threeTabs();

  await b.cti.login('1001', 'demo');
  await c.cti.agentReady();
  await settle();

  for (const tab of [a, b, c]) assert.equal(tab.cti.state.agent.state, 'Ready', tab.id);
  assert.deepEqual(forwarded.map(f => `${f.tab}:${f.seq}:${f.type}`), ['a:1:SnapshotEvent', 'a:2:AgentStateEvent']);
});

test('the owner closing mid-call hands the connection to a follower with no duplicate or missed event', async () => {
  const { a, b, c, centre, forwarded, settle } = await threeTabs();
  await b.cti.login('1001', 'demo');
  await b.cti.agentReady();
  await settle();
  const callId = centre.offerCall({ ani: '0612345678', queue: 'sales' });
  await settle();
  await c.cti.answerCall(callId);
  await settle();

  await a.shared.close();
  await settle(300);

  assert.deepEqual([a.shared.role, b.shared.role, c.shared.role], ['closed', 'owner', 'follower']);
  await c.cti.holdCall(callId);
  await settle();
  for (const tab of [b, c]) assert.equal(tab.cti.state.calls[0].state, 'Held', tab.id);
  const seqs = forwarded.map(f => f.seq);
  assert.deepEqual(seqs, [...new Set(seqs)], `each event forwarded once: ${JSON.stringify(forwarded)}`);
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'no event missed');
  assert.deepEqual(forwarded.filter(f => f.tab === 'b').map(f => f.type), ['SnapshotEvent', 'CallStateEvent'],
    'the new owner states the desk once, then forwards what follows');
});

test('a follower sees each event exactly once across the takeover', async () => {
  const { a, b, c, centre, settle } = await threeTabs();
  const received = [];
  c.cti.addEventListener('callstatechange', e => received.push(`${e.call.callId}:${e.call.state}`));
  await b.cti.login('1001', 'demo');
  await b.cti.agentReady();
  await settle();
  const callId = centre.offerCall({ queue: 'sales' });
  await settle();

  await a.shared.close();
  await settle(300);
  await b.cti.answerCall(callId);
  await settle();

  assert.equal(c.cti.state.calls[0].state, 'Established');
  assert.deepEqual(received, [`${callId}:Offering`, `${callId}:Established`]);
});

test('a crashed owner (no resignation) is replaced once its lease runs out', async () => {
  const { a, b, c, settle } = await threeTabs();
  await b.cti.login('1001', 'demo');
  await settle();

  a.channel.partition(); // the tab died: no resign, no more heartbeats
  await settle(3500);
  await settle(300);

  assert.equal(b.shared.role, 'owner');
  assert.equal(c.shared.role, 'follower');
  await c.cti.agentReady();
  await settle();
  assert.equal(b.cti.state.agent.state, 'Ready');
});

test('a request the vanished owner never answered is rejected with OPENCTI_LINK_DOWN, not sent twice', async () => {
  const { a, b, settle, centre } = await threeTabs();
  await b.cti.login('1001', 'demo');
  await settle();
  const executed = [];
  const send = centre.send.bind(centre);
  centre.send = request => { executed.push(request.type); return new Promise(() => {}); }; // the owner never answers
  const ready = b.cti.agentReady().then(() => null, e => e);
  await settle();

  a.channel.partition();
  await settle(3500);
  await settle(300);

  const error = await ready;
  assert.equal(error?.code, 'OPENCTI_LINK_DOWN');
  assert.deepEqual(executed, ['agentReady']);
  centre.send = send;
});

test('tabs starting together elect exactly one owner, the smallest id', async () => {
  const o = office();
  const [x, y, z] = await Promise.all([o.open('tab-2'), o.open('tab-1'), o.open('tab-3')]);

  await o.settle(300);
  await o.settle(300);

  assert.deepEqual([x, y, z].map(t => t.shared.role), ['follower', 'owner', 'follower']);
});

test('a tab that joins mid-call gets the desk from the owner\'s log without the platform seeing it again', async () => {
  const { a, b, centre, forwarded, settle, open } = await threeTabs();
  await b.cti.login('1001', 'demo');
  await b.cti.agentReady();
  await settle();
  centre.offerCall({ queue: 'sales' });
  await settle();
  const before = forwarded.length;

  const late = await open('d');
  await settle(300);

  assert.equal(late.shared.role, 'follower');
  assert.equal(late.cti.state.calls[0]?.state, 'Offering');
  assert.equal(late.cti.state.agent.state, 'Busy');
  assert.equal(forwarded.length, before);
  assert.equal(a.shared.role, 'owner');
});

test('a tab that opens later keeps out of a working owner\'s way, even with a smaller tab id', async () => {
  const o = office();
  const z = await o.open('z');
  await o.settle(300);
  await z.connected;
  await z.cti.login('1001', 'demo');
  await o.settle();
  const created = CentreClient.created;

  const a = await o.open('a');
  await o.settle(300);
  await a.connected;

  assert.deepEqual([z.shared.role, a.shared.role], ['owner', 'follower']);
  assert.equal(a.cti.state.agent.reasonCode, 'login', 'the new tab got the desk from the owner');
  assert.equal(CentreClient.created, created, 'no second connection to the CTI server');
});
