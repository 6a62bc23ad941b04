/**
 * A fake OpenCTI gateway behind a fake WebSocket, for the gateway implementation's tests and the contract
 * suite: it plays DESIGN section 4 (requests answered once per id, events with seq, resume with replay or a
 * snapshot, heartbeats) in front of an in-memory contact centre. Frames travel through microtasks.
 */
import { InMemoryImplementation } from '../../src/implementations/in-memory.js';
import { OpenCtiError } from '../../src/interface/errors.js';

export class FakeGatewayServer {
  /** Every frame a client sent, parsed, in order. */
  received = [];
  /** The sockets ever opened, in order. */
  sockets = [];
  /** When false, new sockets stay CONNECTING until `acceptPending()`. */
  autoAccept = true;
  /** Frames the server would send while no socket is open are lost (the buffer keeps events for replay). */
  buffer = [];
  /** How many buffered events a resume may replay; older gaps get a snapshot. */
  replayLimit = 100;
  #answers = new Map();
  #current = null;

  /** @param {{centre?: InMemoryImplementation}} [options] */
  constructor({ centre = new InMemoryImplementation({ now: () => new Date('2026-11-28T10:15:30.120Z') }) } = {}) {
    this.centre = centre;
    centre.connect(event => {
      if (event.seq === 1) this.buffer = []; // a new session numbers from 1 again
      this.buffer.push(event);
      this.sendFrame({ op: 'event', event });
    });
    const server = this;
    this.WebSocket = class FakeWebSocket extends EventTarget {
      static OPEN = 1;
      readyState = 0;
      constructor(url) {
        super();
        this.url = url;
        server.sockets.push(this);
        if (server.autoAccept) queueMicrotask(() => server.accept(this));
      }
      send(data) {
        if (this.readyState !== 1) throw new Error(`send on a socket in state ${this.readyState}`);
        queueMicrotask(() => server.#onFrame(this, JSON.parse(data)));
      }
      close() {
        if (this.readyState === 3) return;
        this.readyState = 3;
        if (server.#current === this) server.#current = null;
        queueMicrotask(() => this.dispatchEvent(new Event('close')));
      }
    };
  }

  /** The open socket, if any. */
  get socket() { return this.#current; }

  /** @param {object} socket */
  accept(socket) {
    if (socket.readyState !== 0) return;
    socket.readyState = 1;
    this.#current = socket;
    socket.dispatchEvent(new Event('open'));
  }

  acceptPending() { for (const s of this.sockets) this.accept(s); }

  /** The network drops the connection: no close handshake, frames in flight are lost. */
  drop() {
    const socket = this.#current;
    if (!socket) return;
    this.#current = null;
    socket.readyState = 3;
    queueMicrotask(() => socket.dispatchEvent(new Event('close')));
  }

  /** Sends one frame to the open socket (lost if none). @param {object} frame */
  sendFrame(frame) {
    const socket = this.#current;
    if (!socket) return;
    const data = JSON.stringify(frame);
    queueMicrotask(() => { if (socket.readyState === 1) socket.dispatchEvent(new MessageEvent('message', { data })); });
  }

  /** @param {string} op @returns {object[]} the frames of that op the clients sent */
  frames(op) { return this.received.filter(f => f.op === op); }

  #onFrame(socket, frame) {
    if (socket !== this.#current) return;
    this.received.push(frame);
    if (frame.op === 'ping') this.sendFrame({ op: 'pong' });
    if (frame.op === 'resume') this.#resume(frame);
    if (frame.op === 'request') this.#request(frame);
  }

  #resume({ lastSeq }) {
    const missed = this.buffer.filter(e => lastSeq !== undefined && e.seq > lastSeq);
    const first = this.buffer.findIndex(e => e.seq === lastSeq + 1);
    if (lastSeq !== undefined && (missed.length === 0 || (first >= 0 && missed.length <= this.replayLimit))) {
      for (const event of missed) this.sendFrame({ op: 'event', event });
    } else {
      this.centre.resync();
    }
  }

  async #request({ id, request }) {
    if (this.#answers.has(id)) {
      const answer = await this.#answers.get(id);
      this.sendFrame(answer);
      return;
    }
    const answer = this.centre.send(request).then(
      value => ({ op: 'result', id, ok: true, ...(value === undefined ? {} : { value }) }),
      error => ({ op: 'result', id, ok: false, error: OpenCtiError.wrap(error, request.type).toJSON() }));
    this.#answers.set(id, answer);
    this.sendFrame(await answer);
  }

  /** @returns {number} how many times the centre executed requests of this type */
  executed(type) { return this.frames('request').filter(f => f.request.type === type)
    .map(f => f.id).filter((id, i, all) => all.indexOf(id) === i).length; }
}
