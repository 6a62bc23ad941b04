import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlatformLink } from '../../src/implementations/platform-link.js';
import { SharedTabsImplementation } from '../../src/implementations/shared-tabs.js';
import { InMemoryImplementation } from '../../src/implementations/in-memory.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { OpenCtiError } from '../../src/interface/errors.js';
import { FakeClock, flush, recordEvents } from '../support/fake-clock.js';
import { CentreClient, FakeBroadcastHub, linkCentre } from '../support/fake-broadcast.js';
import { snapshot } from '../support/events.js';

const NOW = () => new Date('2026-11-28T10:15:30.120Z');

/** The OpenCTI server's gateway as each tab's link sees it: what was forwarded, by which tab, and the sessions. */
class FakePlatform {
  forwarded = [];
  requests = [];
  adopted = [];
  refuse = null;
  #sockets = [];

  /** @param {string} tab */
  gateway(tab) {
    const platform = this;
    const socket = {
      token: null,
      connect(emit) { this.emit = emit; },
      async send(request) {
        platform.requests.push({ tab, request });
        if (request.type === 'login') {
          // A platform-only login: the server states the session's desk (its default device) before the result.
          this.emit({ ...snapshot({ agent: { state: 'LoggedOut', since: NOW().toISOString() } }), seq: 1 });
          this.token = 'token-1001';
          return { token: this.token, expiresAt: '2026-11-28T18:15:30.120Z' };
        }
        return undefined;
      },
      async forward(event) {
        if (platform.refuse) throw platform.refuse;
        platform.forwarded.push({ tab, type: event.type, name: event.name, callId: event.callId });
      },
      adoptSession(token) { platform.adopted.push({ tab, token }); this.token = token; },
      close() {},
    };
    this.#sockets.push(socket);
    return socket;
  }

  /** The server delivers an event with seq to the tab's socket (its echo of a forwarded event). */
  echo(event) { for (const s of this.#sockets) s.emit?.(event); }
}

async function linkedDesk() {
  const platform = new FakePlatform();
  const centre = new InMemoryImplementation({ now: NOW });
  const link = new PlatformLink({ implementation: centre, gateway: platform.gateway('a'), now: NOW });
  const cti = new OpenCti({ implementation: link });
  await cti.connect();
  return { platform, centre, link, cti };
}

test('login goes to the platform first (platform-only), then to the CTI server at the platform\'s default extension', async () => {
  const { platform, cti } = await linkedDesk();

  const value = await cti.login('1001', 'demo');

  assert.deepEqual(platform.requests[0].request, { type: 'login', agentId: '1001', password: 'demo', options: { clientSide: true } });
  assert.deepEqual(value, { token: 'token-1001', expiresAt: '2026-11-28T18:15:30.120Z' });
  assert.equal(cti.state.device, '5001');
  assert.equal(cti.state.agent.reasonCode, 'login');
});

test('every event of the CTI side reaches the desk and is forwarded to the platform once, in order', async () => {
  const { platform, centre, cti } = await linkedDesk();
  await cti.login('1001', 'demo', '5001');
  await cti.agentReady();

  const callId = centre.offerCall({ queue: 'sales' });
  await cti.answerCall(callId);
  await flush();

  assert.deepEqual(platform.forwarded.map(f => `${f.type}:${f.name}`), ['SnapshotEvent:Snapshot', 'AgentStateEvent:Ready',
    'AgentStateEvent:Busy', 'CallStateEvent:Offering', 'CallStateEvent:Established']);
  assert.equal(cti.state.calls[0].state, 'Established');
});

test('wrapUp reaches both the CTI side and the platform, which records it', async () => {
  const { platform, centre, cti } = await linkedDesk();
  await cti.login('1001', 'demo', '5001');
  await cti.agentReady();
  const callId = centre.offerCall({ queue: 'sales' });
  await cti.answerCall(callId);
  centre.hangUpRemote(callId);
  await flush();

  await cti.wrapUp(callId, 'sale', 'renewed');

  assert.deepEqual(platform.requests.at(-1).request, { type: 'wrapUp', callId, wrapUpCode: 'sale', notes: 'renewed' });
  assert.deepEqual(centre.records.at(-1), { type: 'wrapUp', callId, wrapUpCode: 'sale', notes: 'renewed' });
});

test('the platform\'s screen pop comes back to the desk as a CallInfoEvent, and is not forwarded again', async () => {
  const { platform, centre, cti } = await linkedDesk();
  await cti.login('1001', 'demo', '5001');
  await cti.agentReady();
  const callId = centre.offerCall({ queue: 'sales', callData: { accountId: 'A-1001' } });
  await flush();
  const forwarded = platform.forwarded.length;
  const customer = { id: 'C-0007', name: 'Camille Martin', phone: '+33612345007', accountId: 'A-1001' };

  platform.echo({ ...cti.state.calls[0], type: 'CallStateEvent', name: 'Offering', seq: 4, at: NOW().toISOString(), agentId: '1001',
    device: '5001', media: 'phone', state: undefined, since: undefined, parties: undefined, customer });
  await flush();

  assert.deepEqual(cti.state.calls.find(c => c.callId === callId).customer, customer);
  assert.equal(platform.forwarded.length, forwarded);
});

test('a forward the platform refuses shows on the desk as an error event', async () => {
  const { platform, cti } = await linkedDesk();
  await cti.login('1001', 'demo', '5001');
  const recorder = recordEvents(cti);
  platform.refuse = new OpenCtiError('OPENCTI_NOT_AUTHORIZED', 'Only a client-side session may forward events.');

  await cti.agentReady();
  await flush();

  assert.equal(recorder.of('error')[0].error.code, 'OPENCTI_NOT_AUTHORIZED');
  assert.match(recorder.of('error')[0].error.message, /The platform did not record a AgentStateEvent: Only a client-side session/);
});

test('a CTI login that fails ends the platform session it opened, so the agent can log in again', async () => {
  const { platform, cti } = await linkedDesk();

  const error = await cti.login('1001', 'nope', '5001').then(() => null, e => e); // the platform let it in; the CTI server did not

  assert.equal(error.code, 'OPENCTI_NOT_AUTHORIZED');
  assert.deepEqual(platform.forwarded, [{ tab: 'a', type: 'AgentStateEvent', name: 'LoggedOut', callId: undefined }]);
  assert.equal(cti.state.agent.state, 'LoggedOut');
});

// ---- several tabs: one owner holds the CTI connection and the platform link -----------------------------------

async function tabsOfOneAgent() {
  const clock = new FakeClock();
  const hub = new FakeBroadcastHub();
  const platform = new FakePlatform();
  const centre = new InMemoryImplementation({ now: NOW });
  const line = linkCentre(centre);
  const parts = [];
  const open = async id => {
    const shared = new SharedTabsImplementation({ channel: hub.channel(), tabId: id, timers: clock.timers,
      onPart: part => parts.push(`${id}:${part}`),
      create: () => new PlatformLink({ implementation: new CentreClient(centre, line), gateway: platform.gateway(id), now: NOW }) });
    const cti = new OpenCti({ implementation: shared });
    const connected = cti.connect();
    await flush();
    return { id, shared, cti, connected };
  };
  const settle = async (ms = 0) => { await flush(); if (ms) clock.advance(ms); await flush(); };
  const a = await open('a');
  await settle(300);
  await a.connected;
  const b = await open('b');
  await settle(300);
  await b.connected;
  return { clock, platform, centre, a, b, settle, parts };
}

test('with two tabs only the owner forwards, whichever tab made the request', async () => {
  const { platform, a, b, settle } = await tabsOfOneAgent();

  await b.cti.login('1001', 'demo', '5001');
  await b.cti.agentReady();
  await settle();

  assert.deepEqual([a.shared.role, b.shared.role], ['owner', 'follower']);
  assert.deepEqual(platform.forwarded.map(f => `${f.tab}:${f.name}`), ['a:Snapshot', 'a:Ready']);
  assert.equal(b.shared.session.token, 'token-1001', 'the platform token reaches every tab');
  assert.equal(b.cti.state.agent.state, 'Ready');
});

test('the owner closing mid-call: the other tab resumes the platform session, takes the connection over, and the call goes on', async () => {
  const { platform, centre, a, b, settle, parts } = await tabsOfOneAgent();
  await a.cti.login('1001', 'demo', '5001');
  await a.cti.agentReady();
  const callId = centre.offerCall({ queue: 'sales' });
  await settle();
  await b.cti.answerCall(callId);
  await settle();

  await a.shared.close();
  await settle(300);
  await b.cti.holdCall(callId);
  await settle();

  assert.equal(b.shared.role, 'owner');
  assert.deepEqual(parts, ['a:owner', 'b:follower', 'a:closed', 'b:owner'], 'each tab is told its part, for the page to show');
  assert.deepEqual(platform.adopted, [{ tab: 'b', token: 'token-1001' }]);
  assert.equal(b.cti.state.calls[0].state, 'Held');
  assert.deepEqual(platform.forwarded.map(f => `${f.tab}:${f.name}`), ['a:Snapshot', 'a:Ready', 'a:Busy', 'a:Offering',
    'a:Established', 'b:Snapshot', 'b:Held']);
});
