import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayImplementation } from '../../src/implementations/gateway.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { FakeClock, flush, recordEvents } from '../support/fake-clock.js';
import { FakeGatewayServer } from '../support/fake-gateway.js';

/** A desk on the gateway implementation, over a fake socket, on fake time. */
async function gatewayDesk({ storage, server = new FakeGatewayServer(), random = () => 0.5, network } = {}) {
  const clock = new FakeClock();
  const gateway = new GatewayImplementation({ url: 'ws://test/cti/v1', WebSocket: server.WebSocket, timers: clock.timers,
    random, storage, network, now: () => new Date('2026-11-28T10:15:31.000Z') });
  const cti = new OpenCti({ implementation: gateway });
  const emitted = [];
  const recorder = recordEvents(cti);
  await cti.connect();
  await flush();
  return { cti, gateway, server, clock, recorder, emitted };
}

async function loggedIn(options) {
  const desk = await gatewayDesk(options);
  await desk.cti.login('1001', 'demo');
  await desk.cti.agentReady();
  await flush();
  return desk;
}

test('login travels as a request frame and resolves with the token', async () => {
  const { cti, gateway, server } = await gatewayDesk();

  const value = await cti.login('1001', 'demo', '5001');

  const [frame] = server.frames('request');
  assert.match(frame.id, /^r-[0-9a-z]+-1$/);
  assert.deepEqual(frame.request, { type: 'login', agentId: '1001', password: 'demo', extension: '5001' });
  assert.match(value.token, /^mem-1001-/);
  assert.equal(gateway.token, value.token);
  assert.equal(cti.state.agent.state, 'NotReady');
});

test('a refused request rejects with the server error and its request id', async () => {
  const { cti } = await gatewayDesk();

  const error = await cti.login('1001', 'wrong').then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_NOT_AUTHORIZED');
  assert.match(error.requestId, /^r-/);
});

test('heartbeats: a ping every interval, and silence drops and redials the socket', async () => {
  const { server, clock } = await gatewayDesk();

  clock.advance(10_000);
  await flush();
  assert.equal(server.frames('ping').length, 1);

  server.autoAccept = false;
  server.sendFrame = () => {}; // the server goes silent
  clock.advance(30_000);
  await flush();
  clock.advance(500);
  await flush();
  assert.equal(server.sockets.length, 2, 'a new socket was dialled after the watchdog fired');
});

test('the client answers a server ping with a pong', async () => {
  const { server } = await gatewayDesk();

  server.sendFrame({ op: 'ping' });
  await flush();

  assert.equal(server.frames('pong').length, 1);
});

test('a dropped socket shows Reconnecting, redials after a jittered backoff, resumes with lastSeq and replays what was missed', async () => {
  const { cti, server, clock, recorder } = await loggedIn();
  const lastSeq = server.buffer.at(-1).seq;
  server.autoAccept = true;

  server.drop();
  await flush();
  const callId = server.centre.offerCall({ queue: 'sales' }); // happens while the desk is away
  assert.equal(cti.state.linkState, 'Reconnecting');
  assert.deepEqual(clock.pending().filter(d => d >= 250 && d <= 500).length, 1, 'first redial within [250, 500] ms');
  clock.advance(500);
  await flush();

  assert.equal(server.frames('resume').at(-1).lastSeq, lastSeq);
  assert.equal(cti.state.linkState, 'Connected');
  assert.equal(cti.state.calls[0].callId, callId);
  assert.equal(cti.state.agent.state, 'Busy');
  assert.deepEqual(recorder.of('error'), [], recorder.describe());
});

test('backoff grows and is capped', async () => {
  const { server, clock } = await loggedIn({ random: () => 1 - 1e-9 });
  server.autoAccept = false;
  const delays = [];

  for (let i = 0; i < 8; i++) {
    if (i === 0) server.drop(); else server.sockets.at(-1).close();
    await flush();
    delays.push(Math.ceil(Math.max(...clock.pending().filter(d => d < 20_000))));
    clock.advance(delays.at(-1));
  }

  assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
});

test('a resume whose gap is too old gets a snapshot, applied with no gap and no duplicate', async () => {
  const { cti, server, clock, recorder } = await loggedIn();
  server.replayLimit = 0;

  server.drop();
  await flush();
  server.centre.offerCall({ queue: 'sales' });
  clock.advance(500);
  await flush();

  assert.equal(cti.state.calls.length, 1);
  assert.equal(cti.state.calls[0].state, 'Offering');
  assert.deepEqual(recorder.of('error'), []);
});

test('an unanswered request is resent with the same id after a reconnect and executed once', async () => {
  const { cti, server, clock } = await loggedIn();
  const callId = server.centre.offerCall({ queue: 'sales' });
  await flush();
  await cti.answerCall(callId);

  // The hold request reaches the server, but its result is lost with the socket.
  const realSend = server.sendFrame.bind(server);
  server.sendFrame = frame => { if (frame.op === 'result') { server.sendFrame = realSend; server.drop(); } else realSend(frame); };
  const hold = cti.holdCall(callId);
  await flush();
  clock.advance(500);
  await flush();

  assert.equal(await hold, undefined);
  const holds = server.frames('request').filter(f => f.request.type === 'holdCall');
  assert.equal(holds.length, 2);
  assert.equal(holds[0].id, holds[1].id);
  assert.equal(server.executed('holdCall'), 1);
  assert.equal(cti.state.calls[0].state, 'Held');
});

test('a request made while the socket is down waits and is sent once the socket is back', async () => {
  const { cti, server, clock } = await loggedIn();

  server.drop();
  await flush();
  const request = cti.agentNotReady('lunch');
  clock.advance(500);
  await flush();

  await request;
  assert.equal(cti.state.agent.state, 'NotReady');
});

test('duplicate event frames are handed on once', async () => {
  const { cti, server, recorder } = await loggedIn();
  const callId = server.centre.offerCall({ queue: 'sales' });
  await flush();
  recorder.clear();

  for (const event of server.buffer.slice(-3)) server.sendFrame({ op: 'event', event });
  await flush();

  assert.deepEqual(recorder.events, []);
  assert.equal(cti.state.calls[0].callId, callId);
});

test('a gap in the live stream asks for a resume and the replay fills it in order', async () => {
  const { cti, server, recorder } = await loggedIn();
  const realSend = server.sendFrame.bind(server);
  let lost = 0;
  server.sendFrame = frame => { if (frame.op === 'event' && lost++ === 0) return; realSend(frame); }; // lose one event

  const callId = server.centre.offerCall({ queue: 'sales' });
  await flush();
  server.sendFrame = realSend;
  await flush();

  assert.ok(server.frames('resume').length >= 1);
  assert.equal(cti.state.agent.state, 'Busy');
  assert.equal(cti.state.calls[0].callId, callId);
  assert.deepEqual(recorder.of('error'), []);
});

test('after a reload the stored token resumes the session without lastSeq and the snapshot restores the call', async () => {
  const storage = new Map();
  const store = { getItem: k => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v), removeItem: k => storage.delete(k) };
  const first = await loggedIn({ storage: store });
  const callId = first.server.centre.offerCall({ queue: 'sales' });
  await flush();
  await first.cti.answerCall(callId);
  first.server.drop();

  const second = await gatewayDesk({ storage: store, server: first.server });
  await flush();

  assert.deepEqual(Object.keys(second.server.frames('resume').at(-1)), ['op', 'token']);
  assert.equal(second.cti.state.calls[0].state, 'Established');
  assert.equal(second.cti.state.calls[0].since, first.cti.state.calls[0].since, 'the timer survives the reload');
});

test('a request with no answer rejects with OPENCTI_TIMEOUT', async () => {
  const { cti, server, clock } = await loggedIn();
  server.sendFrame = () => {};

  const pending = cti.agentNotReady('lunch');
  await flush();
  clock.advance(15_000);

  const error = await pending.then(() => null, e => e);
  assert.equal(error.code, 'OPENCTI_TIMEOUT');
  assert.match(error.message, /agentNotReady \(request r-.*\) got no answer within 15000 ms/);
});

test('close rejects pending requests with OPENCTI_LINK_DOWN and refuses new ones', async () => {
  const { cti, gateway, server } = await loggedIn();
  server.sendFrame = () => {};
  const pending = cti.agentNotReady('lunch');
  await flush();

  gateway.close();

  assert.equal((await pending.then(() => null, e => e)).code, 'OPENCTI_LINK_DOWN');
  assert.equal((await gateway.send({ type: 'logout' }).then(() => null, e => e)).code, 'OPENCTI_LINK_DOWN');
});

test('the network coming back online redials at once', async () => {
  const network = new EventTarget();
  const { server } = await loggedIn({ network });
  server.drop();
  await flush();

  network.dispatchEvent(new Event('online'));
  await flush();

  assert.equal(server.sockets.length, 2);
  assert.ok(server.socket);
});

test('a session error NOT_AUTHORIZED forgets the token and is reported', async () => {
  const { cti, gateway, server, recorder } = await loggedIn();

  server.sendFrame({ op: 'error', error: { code: 'OPENCTI_NOT_AUTHORIZED', message: 'Session expired; log in again.' } });
  await flush();

  assert.equal(gateway.token, null);
  assert.equal(recorder.of('error')[0].error.message, 'Session expired; log in again.');
  assert.ok(cti);
});

test('a reloaded page whose stored session is refused hears it as an error of its desk, and forgets the session', async () => {
  const storage = new Map();
  const store = { getItem: k => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v), removeItem: k => storage.delete(k) };
  const first = await loggedIn({ storage: store });
  first.server.drop();

  const second = await gatewayDesk({ storage: store, server: first.server });
  second.server.sendFrame({ op: 'error', error: { code: 'OPENCTI_NOT_AUTHORIZED', message: 'The session of agent 1001 has ended; log in again.' } });
  await flush();

  assert.deepEqual(second.recorder.of('error').map(e => e.error.code), ['OPENCTI_NOT_AUTHORIZED']);
  assert.equal(second.gateway.token, null);
  assert.equal(storage.size, 0);
});

test('forward sends a client-side event as {"op":"forward"} and resolves on the server\'s result', async () => {
  const { gateway, server } = await loggedIn();
  const event = { type: 'AgentStateEvent', name: 'Ready', at: '2026-11-28T10:15:30.120Z', agentId: '1001', device: '5001', media: 'phone' };

  const forwarded = gateway.forward(event);
  await flush();
  const [frame] = server.frames('forward');
  server.sendFrame({ op: 'result', id: frame.id, ok: true, value: {} });

  assert.deepEqual(frame.event, event);
  assert.deepEqual(await forwarded, {});
});

test('an unanswered forward is resent with the same id after a reconnect', async () => {
  const { gateway, server, clock } = await loggedIn();
  const event = { type: 'AgentStateEvent', name: 'Ready', at: '2026-11-28T10:15:30.120Z', agentId: '1001', device: '5001', media: 'phone' };
  const forwarded = gateway.forward(event);
  await flush();

  server.drop();
  await flush();
  clock.advance(1000);
  await flush();

  const frames = server.frames('forward');
  assert.equal(frames.length, 2);
  assert.equal(frames[1].id, frames[0].id);
  server.sendFrame({ op: 'result', id: frames[0].id, ok: false, error: { code: 'OPENCTI_NOT_AUTHORIZED', message: 'Only a client-side session may forward events.' } });
  assert.equal((await forwarded.then(() => null, e => e)).code, 'OPENCTI_NOT_AUTHORIZED');
});
