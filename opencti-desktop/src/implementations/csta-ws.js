/**
 * The `csta-ws` implementation (client-side): the browser talks CSTA III XML over WebSocket straight to the CTI
 * server (the lab's `/csta`, docs/csta-profile.md), with an ECMA-354 application session, a device monitor on the
 * agent's extension, and the agent logged on with SetAgentState. CSTA events become canonical events through the
 * one mapping module (`csta/event-mapping.js`, pinned to the Java connector by the shared golden vectors); requests
 * become CSTA services through `csta/requests.js`, which refuses what the state tables forbid before anything is
 * sent, and maps CSTA errors to OpenCTI codes.
 *
 * ```js
 * const csta = new CstaWsImplementation({ url: 'ws://localhost:4725/csta', queues: { 8001: 'sales' } });
 * const cti = new OpenCti({ implementation: csta });
 * await cti.login('1001', 'demo', '5001');
 * ```
 * The link: when the socket drops, the desk sees `LinkStateEvent` Disconnected; the implementation reconnects with
 * jittered backoff, re-monitors the device and reconciles (GetAgentState, SnapshotDevice, SnapshotCall): calls gone
 * meanwhile end with cause `LinkLost`, then `Connected` and a SnapshotEvent. `resync()` and `takeOver(session)` (a
 * new owner tab, see shared-tabs) reconcile the same way. Events carry no `seq`: a platform link forwards them.
 * @module
 */
import { OpenCtiError } from '../interface/errors.js';
import { Action, AgentState, ErrorCode, EventType, LinkState } from '../interface/states.js';
import { privateText } from './csta/decoder.js';
import { Desk, Directory } from './csta/desk.js';
import { agentStateOf, applyEvent, pendingEvents } from './csta/event-mapping.js';
import { agentTruth, callIdsOf, callTruth, reconcile } from './csta/reconcile.js';
import { logOn, planRequest } from './csta/requests.js';
import { CstaSession } from './csta/session.js';
import { textAt } from './csta/xml.js';

const MAX_EARLY_EVENTS = 1000;

/**
 * @typedef {object} CstaWsOptions
 * @property {string} url the CSTA WebSocket, e.g. `ws://localhost:4725/csta`
 * @property {Record<string, string>} [queues] queue device (DNIS) to queue id, e.g. `{8001: 'sales'}`
 * @property {number} [extensionMaxDigits] dial strings of at most this many characters are internal; default 6
 * @property {new (url: string) => WebSocket} [WebSocket] default: the global one
 * @property {{setTimeout: Function, clearTimeout: Function}} [timers] default: the global ones
 * @property {() => Date} [now] the clock for event times
 * @property {() => number} [random] in [0, 1): reconnect jitter
 * @property {string} [protocol] the CSTA namespace asked for; default ed4
 * @property {string} [applicationId] default `opencti-desktop`
 * @property {number} [sessionDurationS] default 180; the keep-alive goes at a third of it
 * @property {number} [requestTimeoutMs] default 15000
 * @property {number} [reconnectMinMs] default 500 @property {number} [reconnectMaxMs] default 15000
 */

/** The csta-ws implementation. */
export class CstaWsImplementation {
  #o;
  #timers;
  #directory;
  #emit = () => {};
  #session = null;
  #desk = null;
  #xref = null;
  #early = [];
  #closed = false;
  #attempt = 0;
  #reconnectTimer = null;

  /** @param {CstaWsOptions} options */
  constructor(options) {
    if (!options?.url) throw new TypeError('CstaWsImplementation needs options.url, e.g. ws://localhost:4725/csta');
    this.#o = { now: () => new Date(), random: Math.random, reconnectMinMs: 500, reconnectMaxMs: 15_000, ...options };
    this.#o.WebSocket ??= globalThis.WebSocket;
    if (typeof this.#o.WebSocket !== 'function') throw new TypeError('No WebSocket constructor: pass options.WebSocket');
    this.#timers = options.timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: t => clearTimeout(t) };
    this.#directory = new Directory(options.queues ?? {}, options.extensionMaxDigits ?? 6);
  }

  /**
   * Opens the application session; resolves when requests may be sent.
   * @param {import('./implementation.js').Emit} emit
   * @returns {Promise<void>} rejects with OPENCTI_LINK_DOWN when the CTI server cannot be reached
   */
  async connect(emit) {
    this.#emit = emit;
    this.#closed = false;
    await this.#open();
  }

  /**
   * Sends one canonical request as a CSTA service; resolves when the switch accepted it (`{callId}` for makeCall
   * and the consult requests). `login` monitors the device and logs the agent on; it needs the extension.
   * @param {Record<string, any>} request
   * @returns {Promise<unknown>}
   */
  async send(request) {
    if (this.#closed) throw linkDown(`Cannot ${request.type}: the CSTA connection was closed; create a new one.`);
    if (!this.#session?.up) throw linkDown(`${request.type} was not sent: the CTI link is down; retry when it is Connected.`);
    if (request.type === Action.LOGIN) return this.#login(request);
    const desk = this.#desk;
    if (!desk) {
      throw new OpenCtiError(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, `${request.type} needs a login first: no agent is logged `
        + 'on through this CSTA connection.', { action: String(request.type) });
    }
    const plan = planRequest(desk, request);
    if ('done' in plan) return undefined;
    const { service, errorContext, body } = plan.send;
    return this.#accepted(desk, await this.#session.request(service, body, errorContext));
  }

  /** Asks the switch for the whole truth and emits a fresh SnapshotEvent (the framework calls it after a gap). */
  resync() {
    if (this.#desk && this.#session?.up) this.#reconcile(false).catch(error => this.#report(error));
  }

  /**
   * Re-attaches to an agent already logged on (another tab held the connection): monitors the device, reconciles,
   * and emits a SnapshotEvent.
   * @param {{agentId: string, device?: string}} session
   * @returns {Promise<void>}
   */
  async takeOver({ agentId, device }) {
    if (!device) return;
    this.#desk = new Desk(agentId, device, this.#directory, this.#at());
    this.#directory.agentDevice(device, true);
    await this.#reconcile(false);
  }

  /** Stops the session (StopApplicationSession) and closes the socket; the agent stays logged on at the switch. */
  close() {
    this.#closed = true;
    if (this.#reconnectTimer !== null) this.#timers.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    const session = this.#session;
    this.#session = null;
    session?.close();
  }

  // ---- session and link ----------------------------------------------------------------------------------------

  async #open() {
    const session = new CstaSession({
      url: this.#o.url, WebSocket: this.#o.WebSocket, timers: this.#timers, protocol: this.#o.protocol,
      applicationId: this.#o.applicationId, sessionDurationS: this.#o.sessionDurationS, requestTimeoutMs: this.#o.requestTimeoutMs,
      onEvent: event => { if (session === this.#session) this.#onEvent(event); },
      onClosed: () => { if (session === this.#session) this.#onDown(); },
    });
    this.#session = session;
    await session.open();
  }

  #onDown() {
    this.#session = null;
    this.#xref = null;
    if (this.#desk) this.#emitLink(LinkState.DISCONNECTED);
    this.#scheduleReconnect();
  }

  #scheduleReconnect() {
    if (this.#closed) return;
    const ceiling = Math.min(this.#o.reconnectMaxMs, this.#o.reconnectMinMs * 2 ** this.#attempt++);
    // Jitter in [half, whole] keeps many desktops from reconnecting in lockstep after a switch restart.
    this.#reconnectTimer = this.#timers.setTimeout(() => {
      this.#reconnectTimer = null;
      this.#open().then(() => {
        this.#attempt = 0;
        return this.#desk ? this.#reconcile(true) : undefined;
      }).catch(error => {
        if (!this.#session?.up) this.#scheduleReconnect();
        else this.#report(error); // up again, but the switch would not say where the desk stands
      });
    }, ceiling / 2 + this.#o.random() * (ceiling / 2));
  }

  // ---- login, monitor, reconcile -------------------------------------------------------------------------------

  async #login({ agentId, password, extension }) {
    if (this.#desk) {
      throw new OpenCtiError(ErrorCode.OPENCTI_AGENT_LOGGED_IN, `Agent ${this.#desk.agentId} is already logged in at device `
        + `${this.#desk.device}; log out first.`, { device: this.#desk.device });
    }
    if (!extension) {
      throw new OpenCtiError(ErrorCode.OPENCTI_BAD_REQUEST, `login of agent ${agentId} names no extension; csta-ws logs on at a `
        + 'device: give the extension (a platform link fills in the agent\'s default one).', { agentId });
    }
    const desk = new Desk(agentId, extension, this.#directory, this.#at());
    this.#desk = desk;
    this.#directory.agentDevice(extension, true);
    try {
      await this.#monitor(desk);
      const { service, errorContext, body } = logOn(extension, agentId, password);
      await this.#session.request(service, body, errorContext).catch(error => {
        this.#stopMonitor();
        throw error;
      });
    } catch (error) {
      if (this.#desk === desk) this.#desk = null;
      this.#directory.agentDevice(extension, false);
      throw error;
    }
    // The logon is accepted, so the agent is NotReady (reason login) now, whether or not the switch's agent events
    // have arrived: a request right after login must see it. The switch's own AgentNotReady then changes nothing.
    this.#publish(applyEvent(desk, { kind: 'AgentChanged', monitorCrossRefId: this.#xref, change: 'NOT_READY',
      reasonCode: 'login', pendingAgentState: null, pendingReasonCode: null }, this.#at()));
    this.#emit(desk.snapshot(this.#at(), LinkState.CONNECTED));
    return undefined;
  }

  async #monitor(desk) {
    const response = await this.#session.request('MonitorStart', b => b.open('monitorObject').text('deviceObject', desk.device)
      .close('monitorObject').text('monitorType', 'device'));
    this.#xref = textAt(response, 'monitorCrossRefID');
    const early = this.#early.filter(e => e.monitorCrossRefId === this.#xref);
    this.#early = [];
    for (const event of early) this.#onEvent(event);
  }

  #stopMonitor() {
    const xref = this.#xref;
    this.#xref = null;
    if (xref && this.#session?.up) this.#session.request('MonitorStop', b => b.text('monitorCrossRefID', xref)).catch(() => {});
  }

  async #reconcile(afterLoss) {
    const desk = this.#desk;
    await this.#monitor(desk);
    const session = this.#session;
    const agent = agentTruth(await session.request('GetAgentState', b => b.text('device', desk.device)));
    const device = await session.request('SnapshotDevice', b => b.text('snapshotObject', desk.device));
    const calls = [];
    for (const callId of callIdsOf(device)) {
      calls.push(callTruth(callId, await session.request('SnapshotCall', b => b.open('snapshotObject').text('callID', callId)
        .close('snapshotObject'))));
    }
    if (desk !== this.#desk) return;
    const at = this.#at();
    const closed = reconcile(desk, agent, calls, at);
    if (afterLoss) this.#emitLink(LinkState.CONNECTED);
    this.#publish(closed);
    this.#emit(desk.snapshot(at, LinkState.CONNECTED));
    if (desk.agentState === AgentState.LOGGED_OUT) this.#loggedOff(desk);
  }

  // ---- events --------------------------------------------------------------------------------------------------

  #onEvent(event) {
    const desk = this.#desk;
    if (!desk) return;
    if (this.#xref === null) { // the MonitorStartResponse is still on its way: a switch may send events first
      if (this.#early.length < MAX_EARLY_EVENTS) this.#early.push(event);
      return;
    }
    if (event.monitorCrossRefId !== this.#xref) return;
    this.#publish(applyEvent(desk, event, this.#at()));
    if (event.kind === 'AgentChanged' && event.change === 'LOGGED_OFF') this.#loggedOff(desk);
  }

  #loggedOff(desk) {
    if (this.#desk !== desk) return;
    this.#stopMonitor();
    this.#directory.agentDevice(desk.device, false);
    this.#desk = null;
  }

  #accepted(desk, response) {
    switch (response.name) {
      case 'MakeCallResponse': return { callId: textAt(response, 'callingDevice', 'callID') };
      case 'ConsultationCallResponse': return { callId: textAt(response, 'initiatedCall', 'callID') };
      case 'SetAgentStateResponse': {
        const pending = agentStateOf(textAt(response, 'pendingAgentState'));
        if (pending) this.#publish(pendingEvents(desk, pending, privateText(response, 'pendingReasonCode'), this.#at()));
        return undefined;
      }
      default: return undefined;
    }
  }

  #publish(events) {
    for (const event of events) this.#emit(event);
  }

  #emitLink(name) {
    this.#emit({ type: EventType.LINK_STATE, name, ...this.#desk.header(this.#at()) });
  }

  #report(error) {
    if (!this.#desk) return;
    const failure = OpenCtiError.wrap(error, 'reconcile');
    this.#emit({ type: EventType.ERROR, name: 'Error', ...this.#desk.header(this.#at()), code: failure.code,
      message: failure.message, details: { ...failure.details } });
  }

  #at() {
    return this.#o.now().toISOString();
  }
}

function linkDown(message) {
  return new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN, message, {});
}
