/**
 * The `pega-compat` implementation: runs an implementation object written to Pega's OpenCTI callback interface
 * (`login(agentID, agentPwd, extension, linkDefinition, options, success, failure, forwardEvent)`, `agentReady`,
 * `answerCall`, ... and `py`-prefixed events; `reference/pega-opencti.md`) unchanged under `OpenCti`.
 *
 * ```js
 * const cti = new OpenCti({ implementation: new PegaCompatImplementation({ pega: new pega.cti.desktopApi.Vendor() }) });
 * ```
 * The conversion itself lives in `pega-codec.js`. What Pega leaves out, this adapter supplies from the desk it
 * keeps: each call's `allowedActions` (the state tables, minus requests the Pega object has no function for),
 * consult links (`relatedCallId`, `consultPurpose`) from the consult request that made the leg, and the agent's
 * `Busy` state while any call is live (a Pega agent state reported during calls applies when they end; a
 * Ready, NotReady or Logout shows meanwhile as the pending state). Requests Pega has no function for: `wrapUp` is
 * accepted here (the platform records it), `cancelConsult` hangs up the consult leg (the held call stays
 * held, as with every implementation); the others are refused. Events carry no `seq` (client-side: the gateway numbers them when forwarded).
 * @module
 */
import { OpenCtiError } from '../interface/errors.js';
import { Action, AgentState, CallType, ConnectionState, ErrorCode, EventType } from '../interface/states.js';
import { legOf, tableActions } from '../state/tables.js';
import { fromPegaError, fromPegaEvent, toPegaCall } from './pega-codec.js';

const CONSULT_PURPOSES = Object.freeze({
  [Action.CONSULTATION_CALL]: 'Consult', [Action.TRANSFER_INITIATE]: 'Transfer', [Action.CONFERENCE_INITIATE]: 'Conference',
});
const LIVE = call => call.state !== ConnectionState.DISCONNECTED;

/**
 * @typedef {object} PegaCompatOptions
 * @property {Record<string, Function>} pega the Pega-style implementation object (its functions are called with
 *   `this` bound to it)
 * @property {object} [linkDefinition] passed to `login` and `agentNotReady` (Pega's link: `pyExtension`, ...)
 * @property {object} [options] passed as every function's `options`
 * @property {() => Date} [now] the clock for event times
 * @property {{setTimeout: Function, clearTimeout: Function}} [timers]
 * @property {number} [requestTimeoutMs] a request whose callbacks never run rejects with OPENCTI_TIMEOUT; default 15000
 */

/** Runs a Pega-style implementation as an OpenCTI Implementation. */
export class PegaCompatImplementation {
  #pega;
  #linkDefinition;
  #options;
  #now;
  #timers;
  #timeoutMs;
  #emit = () => {};
  #closed = false;
  #pending = new Set();
  #session = null;
  #agent = null;
  #beforeBusy = null;
  #afterCalls = null;
  #pegaReportsBusy = false;
  /** @type {Array<{callId: string, state: string, conversationId: string, dialled: boolean, ani?: string,
   *   queue?: string, answered?: boolean, relatedCallId?: string, consultPurpose?: string, event: object}>} */
  #calls = [];
  #dialling = [];

  /** @param {PegaCompatOptions} options */
  constructor({ pega, linkDefinition = {}, options = {}, now = () => new Date(), timers, requestTimeoutMs = 15_000 } = {}) {
    if (!pega || typeof pega.login !== 'function') {
      throw new TypeError('PegaCompatImplementation needs options.pega, an object with Pega\'s login(agentID, agentPwd, '
        + `extension, linkDefinition, options, success, failure, forwardEvent); got ${String(pega)}`);
    }
    this.#pega = pega;
    this.#linkDefinition = linkDefinition;
    this.#options = options;
    this.#now = now;
    this.#timers = timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: t => clearTimeout(t) };
    this.#timeoutMs = requestTimeoutMs;
  }

  /** @param {import('./implementation.js').Emit} emit */
  connect(emit) {
    this.#emit = emit;
    this.#closed = false;
  }

  /** Stops forwarding events; requests still waiting for their callbacks reject with OPENCTI_LINK_DOWN. */
  close() {
    this.#closed = true;
    for (const entry of this.#pending) entry.fail(new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN,
      `${entry.type} was not answered before the Pega implementation was closed.`, { action: entry.type }));
    this.#pending.clear();
    this.#pega.unload?.();
  }

  /**
   * Calls the Pega function for a canonical request and settles with its `success`/`failure` callbacks.
   * @param {Record<string, any>} request
   * @returns {Promise<unknown>}
   */
  send(request) {
    if (this.#closed) {
      return Promise.reject(new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN,
        `Cannot ${request.type}: the Pega implementation was closed.`, { action: String(request.type) }));
    }
    const { fn, args, aliases = [] } = toPegaCall(request, { linkDefinition: this.#linkDefinition, options: this.#options,
      agentId: this.#session?.agentId });
    const name = [fn, ...aliases].find(n => typeof this.#pega[n] === 'function');
    if (!name) return this.#without(request, fn);
    if (request.type === Action.LOGIN) {
      this.#session = { agentId: request.agentId,
        device: request.extension ?? this.#linkDefinition.pyExtension ?? this.#session?.device ?? request.agentId };
    }
    if (request.type === Action.MAKE_CALL) this.#dialling.push({});
    if (CONSULT_PURPOSES[request.type]) this.#dialling.push({ relatedCallId: request.callId, consultPurpose: CONSULT_PURPOSES[request.type] });
    const extra = request.type === Action.LOGIN ? [event => this.#onPegaEvent(event)] : [];
    return this.#invoke(request.type, name, args, extra).then(value => {
      this.#showPending(request);
      return value;
    });
  }

  #invoke(type, name, args, extra) {
    return new Promise((resolve, reject) => {
      let settled = false;
      const entry = {
        type,
        fail: error => settle(() => reject(error)),
      };
      const settle = finish => {
        if (settled) return;
        settled = true;
        this.#timers.clearTimeout(timer);
        this.#pending.delete(entry);
        finish();
      };
      const timer = this.#timers.setTimeout(() => entry.fail(new OpenCtiError(ErrorCode.OPENCTI_TIMEOUT,
        `${type}: the Pega implementation's ${name}() called neither success nor failure within ${this.#timeoutMs} ms.`,
        { action: type })), this.#timeoutMs);
      this.#pending.add(entry);
      const success = value => settle(() => resolve(resultOf(value)));
      const failure = error => entry.fail(fromPegaError(error, type));
      try {
        this.#pega[name](...args, success, failure, ...extra);
      } catch (error) {
        failure(error);
      }
    });
  }

  /** A request the Pega object has no function for. */
  async #without(request, fn) {
    if (request.type === Action.WRAP_UP) return undefined; // wrap-up is the platform's record, not the CTI server's
    if (request.type === Action.CANCEL_CONSULT && typeof this.#pega.hangUpCall === 'function') {
      return this.#invoke(request.type, 'hangUpCall', [request.consultCallId, { ...this.#options }], []).then(() => undefined);
    }
    throw new OpenCtiError(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, `Cannot ${request.type}: the Pega implementation `
      + `has no ${fn}() function; implement it, or do not offer ${request.type}.`, { action: String(request.type) });
  }

  /**
   * An agent-state request accepted during a call is pending until the calls end (DESIGN section 3). A Pega
   * implementation usually reports nothing until then: show the pending state as the server would.
   */
  #showPending(request) {
    const target = { [Action.AGENT_READY]: AgentState.READY, [Action.AGENT_NOT_READY]: AgentState.NOT_READY,
      [Action.LOGOUT]: AgentState.LOGGED_OUT }[request.type];
    if (!target || this.#agent?.state !== AgentState.BUSY || !this.#calls.some(LIVE)) return;
    const reasonCode = request.type === Action.AGENT_NOT_READY ? request.reasonCode : undefined;
    if (this.#agent.pendingState === target && this.#agent.pendingReasonCode === reasonCode) return;
    this.#afterCalls = { state: target, ...(reasonCode ? { reasonCode } : {}) };
    this.#emitAgent({ state: AgentState.BUSY, pendingState: target, ...(reasonCode ? { pendingReasonCode: reasonCode } : {}) },
      this.#now().toISOString());
  }

  /** Whether the Pega object can do `action` (so `allowedActions` never offers what would fail). */
  #can(action) {
    if (action === Action.WRAP_UP) return true;
    if (action === Action.CANCEL_CONSULT) return typeof this.#pega.cancelConsult === 'function' || typeof this.#pega.hangUpCall === 'function';
    const { fn, aliases = [] } = toPegaCall({ type: action });
    return [fn, ...aliases].some(n => typeof this.#pega[n] === 'function');
  }

  // ---- events from the Pega implementation -----------------------------------------------------------------

  #onPegaEvent(input) {
    if (this.#closed) return;
    let event;
    try {
      event = fromPegaEvent(input, {
        agentId: this.#session?.agentId, device: this.#session?.device, at: this.#now().toISOString(),
        call: callId => this.#calls.find(c => c.callId === callId) ?? { dialled: this.#dialling.length > 0 },
      });
    } catch (error) {
      this.#reportError(error);
      return;
    }
    this.#session = { agentId: event.agentId, device: event.device };
    switch (event.type) {
      case EventType.SNAPSHOT: this.#onSnapshot(event); break;
      case EventType.AGENT_STATE: this.#onAgent(event); break;
      case EventType.CALL_STATE: this.#onCall(event); break;
      default: this.#emit(event); // PartyInfo, CallInfo: nothing of ours to add
    }
  }

  #onSnapshot(event) {
    this.#calls = event.calls.map(c => ({ callId: c.callId, state: c.state, conversationId: c.conversationId,
      dialled: c.callType === CallType.OUTBOUND, ani: c.ani, queue: c.queue, event: c }));
    this.#dialling = [];
    this.#afterCalls = null;
    const live = this.#calls.length > 0 && event.agent.state !== AgentState.LOGGED_OUT;
    this.#beforeBusy = live && event.agent.state !== AgentState.BUSY ? event.agent : null;
    this.#agent = live ? { state: AgentState.BUSY } : event.agent;
    const calls = event.calls.map(c => ({ ...c, allowedActions: this.#allowed(c) }));
    for (const call of this.#calls) {
      const { state, since, parties, ...fields } = calls.find(c => c.callId === call.callId);
      call.event = { type: EventType.CALL_STATE, name: state, at: event.at, agentId: event.agentId, device: event.device,
        media: 'phone', ...fields };
    }
    this.#emit({ ...event, agent: live ? { ...this.#agent, since: event.at } : event.agent, calls });
  }

  #onAgent(event) {
    const state = { state: event.name, ...(event.reasonCode ? { reasonCode: event.reasonCode } : {}),
      ...(event.workMode ? { workMode: event.workMode } : {}), ...(event.pendingState ? { pendingState: event.pendingState } : {}),
      ...(event.pendingReasonCode ? { pendingReasonCode: event.pendingReasonCode } : {}) };
    if (event.name === AgentState.BUSY) {
      this.#pegaReportsBusy = true; // it will report what follows the calls too: nothing to restore here
      if (event.pendingState) this.#afterCalls = { state: event.pendingState,
        ...(event.pendingReasonCode ? { reasonCode: event.pendingReasonCode } : {}) };
    }
    if (this.#calls.some(LIVE) && event.name !== AgentState.BUSY) {
      this.#afterCalls = state; // Pega said it during a call: it applies when the calls end
      const pending = [AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT].includes(event.name);
      this.#emitAgent({ state: AgentState.BUSY,
        ...(pending ? { pendingState: event.name, ...(event.reasonCode ? { pendingReasonCode: event.reasonCode } : {}) } : {}) }, event.at);
      return;
    }
    this.#emitAgent(state, event.at);
  }

  #onCall(event) {
    let call = this.#calls.find(c => c.callId === event.callId);
    if (!call && event.name === ConnectionState.DISCONNECTED) { // a call we never saw live: report it as it is
      this.#emit({ ...event, allowedActions: [] });
      return;
    }
    if (!call) {
      const dial = [ConnectionState.INITIATED, ConnectionState.ALERTING].includes(event.name) ? this.#dialling.shift() : undefined;
      call = { callId: event.callId, conversationId: event.conversationId, dialled: Boolean(dial), ani: event.ani, ...dial };
      if (dial?.relatedCallId) {
        const primary = this.#calls.find(c => c.callId === dial.relatedCallId);
        if (primary) Object.assign(primary, { relatedCallId: call.callId, consultPurpose: dial.consultPurpose });
        call.conversationId = primary?.conversationId ?? call.conversationId;
      }
      if (!this.#calls.some(LIVE) && this.#agent?.state !== AgentState.BUSY) {
        this.#beforeBusy = this.#agent;
        this.#emitAgent({ state: AgentState.BUSY }, event.at);
      }
      this.#calls.push(call);
    }
    Object.assign(call, { state: event.name, queue: event.queue ?? call.queue });
    if (event.name === ConnectionState.ESTABLISHED) call.answered = true;
    const links = call.relatedCallId ? { relatedCallId: call.relatedCallId, consultPurpose: call.consultPurpose } : {};
    const ended = event.name === ConnectionState.DISCONNECTED;
    if (ended) {
      this.#calls = this.#calls.filter(c => c !== call);
      for (const other of this.#calls) if (other.relatedCallId === call.callId) { delete other.relatedCallId; delete other.consultPurpose; }
    }
    const wrapUp = ended && Boolean(call.queue) && call.answered && event.callType !== CallType.CONSULT;
    call.event = { ...event, conversationId: call.conversationId, ...links,
      allowedActions: ended ? (wrapUp ? [Action.WRAP_UP] : []) : this.#allowed(call) };
    this.#emit(call.event);
    this.#refreshOthers(call);
    if (!this.#calls.some(LIVE) && this.#agent?.state === AgentState.BUSY) this.#afterLastCall(event.at);
  }

  /** Another call's allowed actions may change with this one (a consult leg answered, a call ended). */
  #refreshOthers(changed) {
    for (const other of this.#calls) {
      if (other === changed) continue;
      const { relatedCallId, consultPurpose, allowedActions, ...rest } = other.event;
      const links = other.relatedCallId ? { relatedCallId: other.relatedCallId, consultPurpose: other.consultPurpose } : {};
      const event = { ...rest, ...links, allowedActions: this.#allowed(other) };
      if (JSON.stringify([relatedCallId, consultPurpose, allowedActions]) === JSON.stringify([links.relatedCallId, links.consultPurpose, event.allowedActions])) continue;
      other.event = { ...event, at: this.#now().toISOString() };
      this.#emit(other.event);
    }
  }

  #afterLastCall(at) {
    if (this.#pegaReportsBusy) { // the Pega implementation says itself what follows
      this.#afterCalls = null;
      this.#beforeBusy = null;
      return;
    }
    const next = this.#afterCalls ?? this.#beforeBusy ?? { state: AgentState.READY };
    this.#afterCalls = null;
    this.#beforeBusy = null;
    this.#emitAgent(next, at);
  }

  #emitAgent(agent, at) {
    const previous = this.#agent?.state;
    this.#agent = agent;
    const { state, ...fields } = agent;
    this.#emit({ type: EventType.AGENT_STATE, name: state, at, ...this.#session, media: 'phone', ...fields,
      ...(previous ? { previous } : {}) });
  }

  #allowed(call) {
    const state = call.state ?? call.name;
    const view = this.#calls.map(c => ({ callId: c.callId, state: c.state, relatedCallId: c.relatedCallId, consultPurpose: c.consultPurpose }));
    const mine = view.find(c => c.callId === call.callId) ?? { callId: call.callId, state };
    return tableActions(state, legOf(mine, view)).filter(action => this.#can(action));
  }

  #reportError(error) {
    if (!this.#session) throw error; // before login there is no desk to report on
    this.#emit({ type: EventType.ERROR, name: 'Error', at: this.#now().toISOString(), ...this.#session, media: 'phone',
      code: error.code ?? ErrorCode.OPENCTI_INVALID_EVENT, message: error.message, details: { ...error.details } });
  }
}

/** Pega's `success` passes nothing for most requests; a call id it names becomes our `{callId}`. */
function resultOf(value) {
  const callId = value?.callId ?? value?.pyCallId;
  return typeof callId === 'string' && callId ? { callId } : undefined;
}
