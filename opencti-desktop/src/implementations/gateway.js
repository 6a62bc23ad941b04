/**
 * The `gateway` implementation: talks to the OpenCTI server over `WS /cti/v1` (DESIGN section 4).
 *
 * - Requests: `{"op":"request","id","request"}` answered by `{"op":"result","id","ok","value"|"error"}`.
 *   An unanswered request is resent with the SAME id after a reconnect (the server answers a repeated id from
 *   memory, so a resend never hangs up twice); ids carry a per-page prefix so a reload never reuses one.
 * - Events: `{"op":"event","event"}` with `seq`. Events are handed on gap-free and once: a duplicate is
 *   dropped, a gap asks the server to resume from the last applied `seq`.
 * - Resume: after a reconnect, `{"op":"resume","token","lastSeq"}` gets the missed events or a snapshot; after a
 *   reload (no `lastSeq`), a snapshot.
 * - Heartbeats: `{"op":"ping"}` every `heartbeatIntervalMs`; silence for `heartbeatTimeoutMs` drops the socket.
 * - Reconnects with jittered exponential backoff; while the socket is down the desk sees a local
 *   `LinkStateEvent` `Reconnecting` (no `seq`), and the server's last link state once it is back.
 * The WebSocket constructor, the timers, the clock and the randomness are injectable, so tests run it against
 * a fake socket on fake time.
 * @module
 */
import { OpenCtiError } from '../interface/errors.js';
import { Action, ErrorCode, EventType, LinkState } from '../interface/states.js';

/** Where the session (token and desk identity) is kept in the `storage` option, so a reload resumes it. */
export const SESSION_STORAGE_KEY = 'opencti.gateway.session';

/**
 * @typedef {object} GatewayOptions
 * @property {string} url the socket URL, e.g. `wss://cti.example.com/cti/v1`
 * @property {new (url: string) => WebSocket} [WebSocket] the socket constructor (default: the global one)
 * @property {{setTimeout: Function, clearTimeout: Function}} [timers] (default: the global ones)
 * @property {() => number} [random] in [0, 1): backoff jitter and the request-id prefix
 * @property {() => Date} [now] the clock for local events
 * @property {number} [heartbeatIntervalMs] default 10000
 * @property {number} [heartbeatTimeoutMs] default 30000
 * @property {number} [requestTimeoutMs] a request unanswered this long rejects with OPENCTI_TIMEOUT; default 15000
 * @property {number} [initialDelayMs] first reconnect delay before jitter; default 500
 * @property {number} [maxDelayMs] cap of the reconnect delay; default 15000
 * @property {{getItem(k: string): string | null, setItem(k: string, v: string): void, removeItem(k: string): void}} [storage]
 *   where the session token survives a reload (e.g. `sessionStorage`)
 * @property {EventTarget} [network] fires `online` when the network is back (e.g. `window`): reconnect at once
 */

/** The gateway implementation. */
export class GatewayImplementation {
  #options;
  #WebSocket;
  #timers;
  #emit = () => {};
  #socket = null;
  #open = false;
  #closed = false;
  #attempt = 0;
  #reconnectTimer = null;
  #pingTimer = null;
  #watchdogTimer = null;
  #idPrefix;
  #nextId = 1;
  /** @type {Map<string, {frame: object, what: string, resolve: Function, reject: Function, timer: unknown}>} */
  #pending = new Map();
  #token = null;
  #lastSeq = null;
  #identity = null;
  #serverLink = LinkState.CONNECTED;
  #reportedDown = false;

  /** @param {GatewayOptions} options */
  constructor(options) {
    if (!options?.url) throw new TypeError('GatewayImplementation needs options.url, e.g. wss://host/cti/v1');
    this.#options = {
      random: Math.random, now: () => new Date(), heartbeatIntervalMs: 10_000, heartbeatTimeoutMs: 30_000,
      requestTimeoutMs: 15_000, initialDelayMs: 500, maxDelayMs: 15_000, ...options,
    };
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    if (typeof this.#WebSocket !== 'function') throw new TypeError('No WebSocket constructor: pass options.WebSocket');
    this.#timers = options.timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: t => clearTimeout(t) };
    this.#idPrefix = `r-${Math.floor(this.#options.random() * 36 ** 6).toString(36)}`;
    ({ token: this.#token, identity: this.#identity } = readSession(options.storage));
    options.network?.addEventListener?.('online', () => this.#reconnectNow());
  }

  /** @returns {string | null} the session token, once logged in */
  get token() { return this.#token; }

  /** @param {import('./implementation.js').Emit} emit */
  connect(emit) {
    this.#emit = emit;
    this.#closed = false;
    this.#dial();
  }

  /**
   * Sends a request; it waits for the socket if it is down and is resent with its id after a reconnect.
   * @param {Record<string, unknown>} request
   * @returns {Promise<unknown>}
   */
  send(request) {
    if (request.type === Action.LOGIN) this.#lastSeq = null; // a new session numbers events from 1
    return this.#call({ op: 'request', request }, String(request.type));
  }

  /**
   * Forwards one canonical event of a client-side implementation to the platform (`{"op":"forward"}`, DESIGN
   * section 4), after a platform-only login (`options.clientSide: true`). Resolves when the server accepted it;
   * like a request, it waits for the socket and is resent with its id after a reconnect.
   * @param {Record<string, unknown>} event a canonical event without `seq`
   * @returns {Promise<unknown>}
   */
  forward(event) {
    return this.#call({ op: 'forward', event }, `forward ${event?.type}`);
  }

  #call(body, what) {
    if (this.#closed) {
      return Promise.reject(new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN,
        `Cannot ${what}: the gateway connection is closed; create a new one.`, { action: what }));
    }
    const id = `${this.#idPrefix}-${this.#nextId++}`;
    const frame = { ...body, id };
    return new Promise((resolve, reject) => {
      const timer = this.#timers.setTimeout(() => {
        this.#pending.delete(id);
        reject(new OpenCtiError(ErrorCode.OPENCTI_TIMEOUT, `${what} (request ${id}) got no answer within `
          + `${this.#options.requestTimeoutMs} ms; check the connection and retry.`, { requestId: id, action: what },
        { requestId: id }));
      }, this.#options.requestTimeoutMs);
      this.#pending.set(id, { frame, what, resolve, reject, timer });
      if (this.#open) this.#write(frame);
    });
  }

  /**
   * Adopts a session another tab of the agent opened (its token): this connection resumes it, so it may forward
   * events and make requests for that session. Used when a tab takes over a client-side desk (shared-tabs).
   * @param {string} token the session token the login returned
   */
  adoptSession(token) {
    this.#token = token;
    this.#lastSeq = null; // a resume without lastSeq gets a snapshot of the session
    if (this.#open) this.#write({ op: 'resume', token });
  }

  /** Asks the server for a fresh snapshot (after a gap the framework saw). */
  resync() {
    if (this.#open && this.#token) this.#write({ op: 'resume', token: this.#token });
  }

  /** Closes the socket for good; pending requests reject with OPENCTI_LINK_DOWN. */
  close() {
    this.#closed = true;
    this.#open = false;
    this.#stopTimers();
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'closed by the desktop');
    for (const [id, entry] of this.#pending) {
      this.#timers.clearTimeout(entry.timer);
      entry.reject(new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN,
        `${entry.what} (request ${id}) was not answered before the connection was closed.`, { requestId: id }));
    }
    this.#pending.clear();
  }

  #dial() {
    this.#reconnectTimer = null;
    const socket = new this.#WebSocket(this.#options.url);
    this.#socket = socket;
    socket.addEventListener('open', () => { if (socket === this.#socket) this.#onOpen(); });
    socket.addEventListener('message', e => { if (socket === this.#socket) this.#onMessage(e.data); });
    socket.addEventListener('close', () => { if (socket === this.#socket) this.#onDown(); });
  }

  #onOpen() {
    this.#open = true;
    this.#attempt = 0;
    this.#armWatchdog();
    this.#schedulePing();
    if (this.#token) {
      this.#write({ op: 'resume', token: this.#token, ...(this.#lastSeq === null ? {} : { lastSeq: this.#lastSeq }) });
    }
    if (this.#reportedDown) {
      this.#reportedDown = false;
      this.#local(this.#serverLink);
    }
    for (const { frame } of this.#pending.values()) this.#write(frame);
  }

  #onMessage(data) {
    this.#armWatchdog();
    let message;
    try {
      message = JSON.parse(String(data));
    } catch (error) {
      this.#localError(`The gateway sent a frame that is not JSON (${error.message}); it was ignored.`);
      return;
    }
    switch (message?.op) {
      case 'result': this.#onResult(message); break;
      case 'event': this.#onEvent(message.event); break;
      case 'ping': this.#write({ op: 'pong' }); break;
      case 'error': this.#onSessionError(message.error); break;
      default: break; // 'pong' and unknown ops: the frame already proved the socket alive
    }
  }

  #onResult({ id, ok, value, error }) {
    const entry = this.#pending.get(id);
    if (!entry) return; // answered before: a resend's second answer
    this.#pending.delete(id);
    this.#timers.clearTimeout(entry.timer);
    if (!ok) {
      entry.reject(OpenCtiError.from({ ...error, requestId: id }));
      return;
    }
    if (entry.frame.request?.type === Action.LOGIN && value?.token) {
      this.#token = value.token;
      this.#saveSession();
    }
    entry.resolve(value);
  }

  #onEvent(event) {
    if (!event || typeof event !== 'object') return;
    const seq = Number.isInteger(event.seq) ? event.seq : null;
    if (seq !== null && this.#lastSeq !== null) {
      if (seq <= this.#lastSeq) return; // a duplicate of what was already handed on
      if (seq > this.#lastSeq + 1 && event.type !== EventType.SNAPSHOT && this.#token) {
        this.#write({ op: 'resume', token: this.#token, lastSeq: this.#lastSeq }); // the replay fills the gap
        return;
      }
    }
    if (seq !== null) this.#lastSeq = seq;
    // The desk's own identity comes from its snapshot; a supervisor's socket also carries team members' events.
    const own = event.type === EventType.SNAPSHOT || !this.#identity;
    if (own && event.agentId && event.device && !sameIdentity(this.#identity, event)) {
      this.#identity = { agentId: event.agentId, device: event.device };
      this.#saveSession(); // so a reloaded page can report a refused resume as an ErrorEvent of this desk
    }
    if (event.type === EventType.SNAPSHOT) this.#serverLink = event.linkState;
    if (event.type === EventType.LINK_STATE) this.#serverLink = event.name;
    this.#emit(event);
  }

  /** A session-level refusal (e.g. an expired token on resume): forget the token and report it. */
  #onSessionError(error) {
    const failure = OpenCtiError.from(error);
    if (failure.code === ErrorCode.OPENCTI_NOT_AUTHORIZED) {
      this.#token = null;
      this.#options.storage?.removeItem(SESSION_STORAGE_KEY);
    }
    this.#localError(failure.message, failure.code, failure.details);
  }

  #onDown() {
    this.#open = false;
    this.#socket = null;
    this.#stopTimers();
    if (this.#closed) return;
    if (this.#identity && !this.#reportedDown) {
      this.#reportedDown = true;
      this.#local(LinkState.RECONNECTING);
    }
    const { initialDelayMs, maxDelayMs, random } = this.#options;
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** this.#attempt++);
    this.#reconnectTimer = this.#timers.setTimeout(() => this.#dial(), ceiling / 2 + random() * (ceiling / 2));
  }

  #reconnectNow() {
    if (this.#closed || this.#open || !this.#reconnectTimer) return;
    this.#timers.clearTimeout(this.#reconnectTimer);
    this.#attempt = 0;
    this.#dial();
  }

  #schedulePing() {
    this.#pingTimer = this.#timers.setTimeout(() => {
      this.#write({ op: 'ping' });
      this.#schedulePing();
    }, this.#options.heartbeatIntervalMs);
  }

  #armWatchdog() {
    if (this.#watchdogTimer !== null) this.#timers.clearTimeout(this.#watchdogTimer);
    this.#watchdogTimer = this.#timers.setTimeout(() => {
      const socket = this.#socket;
      this.#onDown(); // a silent socket is a dead one: do not wait for the browser to notice
      socket?.close(4000, 'heartbeat timeout');
    }, this.#options.heartbeatTimeoutMs);
  }

  #saveSession() {
    if (this.#token) this.#options.storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token: this.#token, identity: this.#identity }));
  }

  #stopTimers() {
    for (const timer of [this.#pingTimer, this.#watchdogTimer, this.#reconnectTimer]) {
      if (timer !== null) this.#timers.clearTimeout(timer);
    }
    this.#pingTimer = this.#watchdogTimer = this.#reconnectTimer = null;
  }

  #write(message) {
    this.#socket?.send(JSON.stringify(message));
  }

  #local(name) {
    if (!this.#identity) return;
    this.#emit({ type: EventType.LINK_STATE, name, at: this.#options.now().toISOString(), ...this.#identity, media: 'phone' });
  }

  #localError(message, code = ErrorCode.OPENCTI_INVALID_EVENT, details = {}) {
    if (!this.#identity) return;
    this.#emit({
      type: EventType.ERROR, name: 'Error', at: this.#options.now().toISOString(), ...this.#identity, media: 'phone',
      code, message, details: { ...details },
    });
  }
}

function readSession(storage) {
  try {
    const saved = JSON.parse(storage?.getItem(SESSION_STORAGE_KEY) ?? 'null');
    const identity = saved?.identity?.agentId && saved.identity.device
      ? { agentId: String(saved.identity.agentId), device: String(saved.identity.device) } : null;
    return { token: typeof saved?.token === 'string' ? saved.token : null, identity };
  } catch {
    return { token: null, identity: null }; // an unreadable stored session is no session: the agent logs in again
  }
}

function sameIdentity(identity, event) {
  return identity?.agentId === event.agentId && identity?.device === event.device;
}
