/**
 * One connection to the CTI server for all tabs of an agent: wraps a client-side implementation so that exactly
 * one tab (the *owner*) runs it, and the others (*followers*) send their requests through the owner and receive
 * its events, over a `BroadcastChannel`. Only the owner forwards events to the platform, so each is recorded once.
 *
 * ```js
 * const tabs = new SharedTabsImplementation({ create: () => makeClientSideImplementation(),
 *   channel: new BroadcastChannel('opencti.desk'), forward: event => gateway.forward(event) });
 * const cti = new OpenCti({ implementation: tabs });
 * addEventListener('pagehide', () => tabs.close());
 * ```
 * Ownership is a lease: the owner announces itself every `heartbeatMs`; followers that hear nothing for
 * `leaseMs` elect a new owner (a closing owner resigns, so the others elect at once). An election is a claim for
 * the next term, held for `electionMs`; a higher term wins, and on a tie the smaller tab id. A new owner creates
 * the implementation and asks it to `takeOver(session)` (re-attach to the agent already logged in and emit a
 * SnapshotEvent), else to `resync()`. Events carry the owner's term and a per-term index: followers drop what
 * they already have, and a tab that joins gets the events since the last snapshot from the owner. A request
 * sent to an owner that vanished before answering is rejected with OPENCTI_LINK_DOWN, never sent twice.
 * @module
 */
import { OpenCtiError } from '../interface/errors.js';
import { Action, ErrorCode, EventType } from '../interface/states.js';

/**
 * @typedef {object} SharedTabsOptions
 * @property {() => import('./implementation.js').Implementation & {takeOver?: (session: object) => unknown}} create
 *   makes the wrapped implementation (called in the owner tab only)
 * @property {{postMessage(m: unknown): void, addEventListener(t: string, f: Function): void, close?(): void}} channel
 *   a BroadcastChannel (or a fake) shared by the agent's tabs
 * @property {(event: object) => (Promise<unknown> | void)} [forward] hands one event to the platform (owner only)
 * @property {string} [tabId] unique per tab (default: random)
 * @property {{setTimeout: Function, clearTimeout: Function}} [timers]
 * @property {() => Date} [now]
 * @property {number} [heartbeatMs] default 1000 @property {number} [leaseMs] default 3500
 * @property {number} [electionMs] default 300 @property {number} [requestTimeoutMs] default 15000
 * @property {number} [replayLimit] events kept for joining tabs; default 500
 * @property {(part: 'owner' | 'follower' | 'closed') => void} [onPart] told when this tab starts to own the
 *   connection (once the implementation is connected), follows another tab, or closes: e.g. to show it
 */

/** The tab-sharing implementation. */
export class SharedTabsImplementation {
  #o;
  #timers;
  #id;
  #emit = () => {};
  #role = 'idle';
  #term = 0;
  #owner = null;
  #claim = null;
  #implementation = null;
  #ready = false;
  #session = null;
  #index = 0;
  #log = [];
  #truncated = false;
  #lastIndex = 0;
  #leaseTimer = null;
  #heartbeatTimer = null;
  #electionTimer = null;
  #nextId = 1;
  /** @type {Map<string, {request: object, resolve: Function, reject: Function, timer: unknown, sentTo: string | null}>} */
  #pending = new Map();
  #decided = null;
  #listener = e => this.#onMessage(e.data);

  /** @param {SharedTabsOptions} options */
  constructor(options) {
    if (typeof options?.create !== 'function') throw new TypeError('SharedTabsImplementation needs options.create(), a factory of the wrapped implementation');
    if (typeof options.channel?.postMessage !== 'function') throw new TypeError('SharedTabsImplementation needs options.channel, e.g. new BroadcastChannel(\'opencti.desk\')');
    this.#o = { heartbeatMs: 1000, leaseMs: 3500, electionMs: 300, requestTimeoutMs: 15_000, replayLimit: 500,
      now: () => new Date(), ...options };
    this.#timers = options.timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: t => clearTimeout(t) };
    this.#id = options.tabId ?? globalThis.crypto?.randomUUID?.() ?? `tab-${Math.random().toString(36).slice(2)}`;
  }

  /** @returns {'idle' | 'electing' | 'owner' | 'follower' | 'closed'} this tab's part */
  get role() { return this.#role; }

  /** @returns {string} this tab's id */
  get tabId() { return this.#id; }

  /**
   * @returns {{agentId: string, device?: string, token?: string} | null} who is logged in, as the owner told every
   *   tab (with the platform token when a platform link logged in), or null before any login
   */
  get session() { return this.#session ? { ...this.#session } : null; }

  /**
   * Joins the tabs: resolves once this tab owns the connection (the implementation is connected) or follows an owner.
   * @param {import('./implementation.js').Emit} emit
   * @returns {Promise<void>}
   */
  connect(emit) {
    this.#emit = emit;
    this.#o.channel.addEventListener('message', this.#listener);
    this.#decided = deferred();
    this.#elect();
    return this.#decided.promise;
  }

  /**
   * Sends a request: executed here when this tab owns the connection, else through the owner.
   * @param {Record<string, unknown>} request
   * @returns {Promise<unknown>}
   */
  send(request) {
    if (this.#role === 'closed') {
      return Promise.reject(new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN, `Cannot ${request.type}: this tab closed its desk.`,
        { action: String(request.type) }));
    }
    const id = `${this.#id}:${this.#nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = this.#timers.setTimeout(() => this.#settle(id, new OpenCtiError(ErrorCode.OPENCTI_TIMEOUT,
        `${request.type} got no answer within ${this.#o.requestTimeoutMs} ms (no tab owns the connection, or it is stuck); retry.`,
        { action: String(request.type) })), this.#o.requestTimeoutMs);
      this.#pending.set(id, { request, resolve, reject, timer, sentTo: null });
      this.#dispatch(id);
    });
  }

  /** Asks for a fresh snapshot (the framework calls it after a `seq` gap). */
  resync() {
    if (this.#role === 'owner') this.#implementation?.resync?.();
    else if (this.#owner) this.#post({ kind: 'resync', to: this.#owner.id });
  }

  /** Leaves the tabs: an owner resigns (another tab takes over at once) and closes the implementation. */
  async close() {
    if (this.#role === 'closed') return;
    const owned = this.#role === 'owner';
    if (owned) this.#post({ kind: 'resign', term: this.#term });
    this.#role = 'closed';
    this.#o.onPart?.('closed');
    for (const t of [this.#leaseTimer, this.#heartbeatTimer, this.#electionTimer]) if (t !== null) this.#timers.clearTimeout(t);
    for (const id of [...this.#pending.keys()]) {
      this.#settle(id, new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN, 'The desk of this tab was closed before the request was answered.', {}));
    }
    this.#o.channel.close?.();
    if (owned) await this.#implementation?.close();
  }

  // ---- election --------------------------------------------------------------------------------------------

  #elect() {
    this.#role = 'electing';
    this.#owner = null;
    this.#claim = { term: this.#term + 1, id: this.#id };
    this.#post({ kind: 'claim', term: this.#claim.term });
    this.#restart('electionTimer', this.#o.electionMs, () => {
      if (this.#role === 'electing' && this.#claim?.id === this.#id) this.#becomeOwner(this.#claim.term);
    });
  }

  async #becomeOwner(term) {
    this.#term = term;
    this.#role = 'owner';
    this.#owner = { id: this.#id, term };
    this.#index = 0;
    this.#log = [];
    this.#truncated = false;
    this.#restart('leaseTimer', null);
    this.#heartbeat();
    this.#orphanRequests();
    const implementation = this.#o.create();
    this.#implementation = implementation;
    this.#ready = false;
    try {
      await implementation.connect(event => this.#onOwnEvent(implementation, event));
      if (this.#session) {
        if (typeof implementation.takeOver === 'function') await implementation.takeOver(this.#session);
        else implementation.resync?.();
      }
    } catch (error) {
      // The tab keeps the lease but cannot reach the CTI server: say so; its requests fail with this reason.
      this.#decided.reject(OpenCtiError.wrap(error, 'connect'));
      for (const id of [...this.#pending.keys()]) this.#settle(id, OpenCtiError.wrap(error, 'connect'));
      return;
    }
    if (implementation !== this.#implementation) return; // stepped down meanwhile
    this.#ready = true;
    this.#o.onPart?.('owner');
    this.#decided.resolve();
    for (const id of [...this.#pending.keys()]) this.#dispatch(id);
  }

  /** Requests a vanished owner never answered: rejected, never resent (a resend could hang up twice). */
  #orphanRequests() {
    const current = this.#owner?.id;
    for (const [id, entry] of [...this.#pending]) {
      if (entry.sentTo && entry.sentTo !== current) {
        this.#settle(id, new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN, `${entry.request.type} was sent to a tab that `
          + 'closed before answering; check the desk and retry if it is still needed.', { action: String(entry.request.type) }));
      }
    }
  }

  #heartbeat() {
    if (this.#role !== 'owner') return;
    this.#post({ kind: 'heartbeat', term: this.#term, session: this.#session });
    this.#restart('heartbeatTimer', this.#o.heartbeatMs, () => this.#heartbeat());
  }

  #follow(owner, session) {
    const changed = this.#owner?.id !== owner.id || this.#owner?.term !== owner.term;
    if (this.#role === 'owner') this.#stepDown();
    if (this.#role !== 'follower') queueMicrotask(() => this.#o.onPart?.('follower'));
    this.#role = 'follower';
    this.#claim = null;
    this.#term = Math.max(this.#term, owner.term);
    this.#session = session ?? this.#session;
    this.#restart('electionTimer', null);
    this.#restart('leaseTimer', this.#o.leaseMs, () => this.#elect());
    if (!changed) return;
    this.#owner = owner;
    this.#lastIndex = 0;
    this.#orphanRequests();
    for (const id of [...this.#pending.keys()]) this.#dispatch(id);
    this.#decided?.resolve();
  }

  /** Two owners (a partition healed): the loser closes its implementation and follows. */
  #stepDown() {
    this.#restart('heartbeatTimer', null);
    this.#ready = false;
    const implementation = this.#implementation;
    this.#implementation = null;
    implementation?.close();
  }

  // ---- messages --------------------------------------------------------------------------------------------

  #onMessage(m) {
    if (!m || m.from === this.#id || this.#role === 'closed' || (m.to && m.to !== this.#id)) return;
    switch (m.kind) {
      case 'claim': return this.#onClaim(m);
      case 'heartbeat': return this.#onHeartbeat(m);
      case 'resign': if (this.#owner?.id === m.from) this.#elect(); return undefined;
      case 'request': return this.#onRequest(m);
      case 'result': return this.#onResult(m);
      case 'event': return this.#onEvent(m);
      case 'replay': return this.#onReplay(m);
      case 'resync': if (this.#role === 'owner') this.#replayTo(m.from); return undefined;
      default: return undefined; // a newer tab's message kind: ignore
    }
  }

  #onClaim({ from, term }) {
    if (this.#role === 'owner') {
      // Only a claim for a later term means the others think we are gone: the claimant will win, we step down on its
      // heartbeat. A tab that just opened claims the term it guesses is next, which may be ours: a working owner
      // keeps the connection (whatever the ids) and answers with a heartbeat and the events so far.
      if (term > this.#term) return;
      this.#post({ kind: 'heartbeat', term: this.#term, session: this.#session });
      this.#replayTo(from);
      return;
    }
    this.#term = Math.max(this.#term, term - 1);
    if (this.#role === 'electing' && better({ term, id: from }, this.#claim)) {
      this.#claim = { term, id: from };
      this.#restart('electionTimer', null);
      this.#restart('leaseTimer', this.#o.leaseMs, () => this.#elect()); // the winner must show up
    }
  }

  #onHeartbeat({ from, term, session }) {
    if (term < this.#term && this.#owner?.id !== from && this.#role !== 'electing') return; // a stale owner
    if (this.#role === 'owner' && !better({ term, id: from }, { term: this.#term, id: this.#id })) return;
    this.#follow({ id: from, term }, session);
  }

  async #onRequest({ from, id, request }) {
    if (this.#role !== 'owner') return; // the sender will be told by the next heartbeat who owns the connection
    let answer;
    try {
      const value = await this.#execute(request);
      answer = { ok: true, ...(value === undefined ? {} : { value }) };
    } catch (error) {
      answer = { ok: false, error: OpenCtiError.wrap(error, String(request?.type)).toJSON() };
    }
    this.#post({ kind: 'result', to: from, id, ...answer });
  }

  #onResult({ id, ok, value, error }) {
    if (!this.#pending.has(id)) return;
    if (ok) this.#settle(id, null, value);
    else this.#settle(id, OpenCtiError.from(error));
  }

  #onEvent({ from, term, index, event }) {
    if (this.#role !== 'follower' || this.#owner?.id !== from || term !== this.#owner.term) return;
    if (index <= this.#lastIndex) return; // had it already (from a replay)
    if (index > this.#lastIndex + 1) { // joined late or missed some: the owner replays from its log
      this.#post({ kind: 'resync', to: from });
      return;
    }
    this.#lastIndex = index;
    this.#emit(event);
  }

  #onReplay({ from, term, events }) {
    if (this.#role !== 'follower' || this.#owner?.id !== from || term !== this.#owner.term) return;
    for (const { index, event } of events) {
      if (index <= this.#lastIndex) continue;
      this.#lastIndex = index;
      this.#emit(event);
    }
  }

  #replayTo(tab) {
    if (this.#truncated) { this.#implementation?.resync?.(); return; } // too long a log: a fresh snapshot for all
    this.#post({ kind: 'replay', to: tab, term: this.#term, events: this.#log });
  }

  // ---- requests and events of the owner ---------------------------------------------------------------------

  #dispatch(id) {
    const entry = this.#pending.get(id);
    if (!entry || entry.sentTo) return;
    if (this.#role === 'owner' && this.#ready) {
      entry.sentTo = this.#id;
      this.#execute(entry.request).then(value => this.#settle(id, null, value), error => this.#settle(id, OpenCtiError.wrap(error, String(entry.request.type))));
    } else if (this.#role === 'follower' && this.#owner) {
      entry.sentTo = this.#owner.id;
      this.#post({ kind: 'request', to: this.#owner.id, id, request: entry.request });
    }
  }

  #execute(request) {
    if (request?.type !== Action.LOGIN) return this.#implementation.send(request);
    this.#setSession({ agentId: request.agentId, ...(request.extension ? { device: request.extension } : {}) });
    return this.#implementation.send(request).then(value => {
      // A platform token (a platform link's login) travels with the session, so the tab that takes over resumes it.
      if (typeof value?.token === 'string') this.#setSession({ ...this.#session, token: value.token });
      return value;
    });
  }

  /** The owner tells the others at once who is logged in, so any of them can take over. */
  #setSession(session) {
    if (JSON.stringify(session) === JSON.stringify(this.#session)) return;
    this.#session = session;
    this.#post({ kind: 'heartbeat', term: this.#term, session });
  }

  #onOwnEvent(implementation, event) {
    if (implementation !== this.#implementation || this.#role !== 'owner') return; // a stepped-down owner's late event
    if (event.agentId && event.device && event.type === EventType.SNAPSHOT) {
      const token = this.#session?.agentId === event.agentId ? this.#session.token : undefined;
      this.#setSession({ agentId: event.agentId, device: event.device, ...(token ? { token } : {}) });
    }
    const entry = { index: ++this.#index, event };
    if (event.type === EventType.SNAPSHOT) { this.#log = []; this.#truncated = false; }
    this.#log.push(entry);
    if (this.#log.length > this.#o.replayLimit) { this.#log.shift(); this.#truncated = true; }
    this.#post({ kind: 'event', term: this.#term, ...entry });
    this.#emit(event);
    if (this.#o.forward) {
      Promise.resolve().then(() => this.#o.forward(event)).catch(error => this.#emit({
        type: EventType.ERROR, name: 'Error', at: this.#o.now().toISOString(), agentId: event.agentId, device: event.device,
        media: 'phone', code: error?.code ?? ErrorCode.OPENCTI_CF_GENERIC_OPERATION,
        message: `The platform did not record a ${event.type}: ${error?.message ?? error}`, details: {},
      }));
    }
  }

  #settle(id, error, value) {
    const entry = this.#pending.get(id);
    if (!entry) return;
    this.#pending.delete(id);
    this.#timers.clearTimeout(entry.timer);
    if (error) entry.reject(error);
    else entry.resolve(value);
  }

  #restart(name, ms, fn) {
    const current = name === 'leaseTimer' ? this.#leaseTimer : name === 'heartbeatTimer' ? this.#heartbeatTimer : this.#electionTimer;
    if (current !== null) this.#timers.clearTimeout(current);
    const next = ms === null ? null : this.#timers.setTimeout(fn, ms);
    if (name === 'leaseTimer') this.#leaseTimer = next;
    else if (name === 'heartbeatTimer') this.#heartbeatTimer = next;
    else this.#electionTimer = next;
  }

  #post(message) {
    this.#o.channel.postMessage({ ...message, from: this.#id });
  }
}

/** Whether claim `a` beats claim `b`: a higher term, or the same term and a smaller tab id. */
function better(a, b) {
  return a.term > b.term || (a.term === b.term && a.id < b.id);
}

function deferred() {
  const d = {};
  d.promise = new Promise((resolve, reject) => { d.resolve = resolve; d.reject = reject; });
  d.promise.catch(() => {}); // the caller of connect() sees the rejection; no unhandled one here
  return d;
}
