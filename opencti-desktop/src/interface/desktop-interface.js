/**
 * The Desktop Interface: one stable API over any implementation.
 *
 * ```js
 * const cti = new OpenCti({ implementation: new GatewayImplementation({ url }) });
 * cti.addEventListener('callstatechange', e => render(e.call), { signal });
 * await cti.login('1001', 'demo', '5001');
 * await cti.agentReady();
 * ```
 * Every request is a method returning a Promise that resolves when the CTI server accepted it (its outcome
 * arrives as events) and rejects with an {@link OpenCtiError}. Arguments, the telephony mode and the current
 * state are checked before anything reaches the implementation. Every event the implementation forwards is
 * validated against the v1 JSON Schema and checked for `seq` gaps and duplicates before the store applies it.
 * @module
 */
import { OpenCtiError } from './errors.js';
import { OpenCtiErrorEvent } from './events.js';
import { validateEvent } from './event-schema.js';
import { buildRequest, checkMode, checkState } from './requests.js';
import { Action, ErrorCode, EventType, TelephonyMode } from './states.js';
import { Store } from '../state/store.js';

/**
 * @typedef {object} OpenCtiOptions
 * @property {import('../implementations/implementation.js').Implementation} implementation the back end
 * @property {string} [mode] telephony mode: `simple`, `simple-agent-state` or `full` (default)
 * @property {(event: unknown) => import('./event-schema.js').SchemaVerdict} [validateEvent] the event check
 *   (default: the v1 JSON Schema)
 */

/** The DOM event types each telephony mode hides (the state still records them). */
const HIDDEN_EVENTS = Object.freeze({
  [TelephonyMode.SIMPLE]: ['agentstatechange'],
  [TelephonyMode.SIMPLE_AGENT_STATE]: [],
  [TelephonyMode.FULL]: [],
});

/**
 * The Desktop Interface.
 * @fires agentstatechange @fires callstatechange @fires partieschange @fires callinfochange
 * @fires linkstatechange @fires queuechange @fires error @fires statechange
 */
export class OpenCti extends EventTarget {
  #implementation;
  #mode;
  #validate;
  #store = new Store();
  #lastSeq = null;
  #connecting = null;

  /** @param {OpenCtiOptions} options */
  constructor({ implementation, mode = TelephonyMode.FULL, validateEvent: validate = validateEvent } = {}) {
    super();
    if (!implementation || typeof implementation.send !== 'function' || typeof implementation.connect !== 'function') {
      throw new TypeError('OpenCti needs an implementation with connect(emit), send(request) and close(); got '
        + String(implementation));
    }
    if (!Object.values(TelephonyMode).includes(mode)) {
      throw new TypeError(`Unknown telephony mode '${mode}'; expected one of ${Object.values(TelephonyMode).join(', ')}`);
    }
    this.#implementation = implementation;
    this.#mode = mode;
    this.#validate = validate;
  }

  /** @returns {import('../state/store.js').DeskState} the current frozen state */
  get state() { return this.#store.state; }

  /** @returns {string} the telephony mode (set by the constructor, or by `login`'s `options.mode`) */
  get mode() { return this.#mode; }

  /**
   * Connects the implementation (idempotent; `login` calls it too).
   * @returns {Promise<void>}
   */
  connect() {
    this.#connecting ??= Promise.resolve()
      .then(() => this.#implementation.connect(event => this.#receive(event)))
      .catch(error => {
        this.#connecting = null;
        throw OpenCtiError.wrap(error, 'connect');
      });
    return this.#connecting;
  }

  /**
   * Closes the implementation; pending requests reject with OPENCTI_LINK_DOWN.
   * @returns {Promise<void>}
   */
  async close() {
    this.#connecting = null;
    await this.#implementation.close();
  }

  /**
   * Logs the agent in; the agent starts NotReady with reason `login`. Resolves with the implementation's value
   * (the gateway's `{token, expiresAt}`).
   * @param {string} agentId @param {string} password @param {string} [extension] the device (default: the agent's)
   * @param {{clientSide?: boolean, mode?: string}} [options] `mode` also becomes this Interface's mode
   * @returns {Promise<unknown>}
   */
  login(agentId, password, extension, options) {
    const mode = options?.mode ?? this.#mode;
    const opts = { ...options, ...(mode === TelephonyMode.FULL ? {} : { mode }) };
    return this.#request(Action.LOGIN, { agentId, password, extension, options: Object.keys(opts).length ? opts : undefined });
  }

  /** Logs the agent out (pending while Busy). @param {string} [reasonCode] @returns {Promise<unknown>} */
  logout(reasonCode) { return this.#request(Action.LOGOUT, { reasonCode }); }

  /** Makes the agent Ready (pending while Busy). @param {string} [workMode] AutoIn | ManualIn @returns {Promise<unknown>} */
  agentReady(workMode) { return this.#request(Action.AGENT_READY, { workMode }); }

  /**
   * Makes the agent NotReady with a reason (pending while Busy).
   * @param {string} reasonCode @param {string} [workMode] @returns {Promise<unknown>}
   */
  agentNotReady(reasonCode, workMode) { return this.#request(Action.AGENT_NOT_READY, { reasonCode, workMode }); }

  /**
   * Dials an extension, an external number or a queue DNIS. Resolves with `{callId}` where the back end says it.
   * @param {string} destination @param {Record<string, string>} [callData] @returns {Promise<unknown>}
   */
  makeCall(destination, callData) { return this.#request(Action.MAKE_CALL, { destination, callData }); }

  /** Answers a ringing call. @param {string} callId @returns {Promise<unknown>} */
  answerCall(callId) { return this.#request(Action.ANSWER_CALL, { callId }); }

  /** Hangs up a call, or rejects a ringing one. @param {string} callId @returns {Promise<unknown>} */
  hangUpCall(callId) { return this.#request(Action.HANG_UP_CALL, { callId }); }

  /** Puts an established call on hold. @param {string} callId @returns {Promise<unknown>} */
  holdCall(callId) { return this.#request(Action.HOLD_CALL, { callId }); }

  /** Takes a held call off hold. @param {string} callId @returns {Promise<unknown>} */
  retrieveCall(callId) { return this.#request(Action.RETRIEVE_CALL, { callId }); }

  /**
   * Swaps between the held call and the active one.
   * @param {string} heldCallId @param {string} activeCallId @returns {Promise<unknown>}
   */
  alternateCall(heldCallId, activeCallId) { return this.#request(Action.ALTERNATE_CALL, { heldCallId, activeCallId }); }

  /**
   * Holds the call and dials a consult leg that may end in a transfer or a conference.
   * @param {string} callId @param {string} destination @param {Record<string, string>} [callData]
   * @returns {Promise<unknown>} `{callId}` of the consult leg where the back end says it
   */
  consultationCall(callId, destination, callData) {
    return this.#request(Action.CONSULTATION_CALL, { callId, destination, callData });
  }

  /**
   * Holds the call and dials a consult leg meant for a transfer.
   * @param {string} callId @param {string} destination @param {Record<string, string>} [callData]
   * @returns {Promise<unknown>}
   */
  transferInitiate(callId, destination, callData) {
    return this.#request(Action.TRANSFER_INITIATE, { callId, destination, callData });
  }

  /**
   * Joins the held call and the consult leg and leaves both.
   * @param {string} heldCallId @param {string} activeCallId @returns {Promise<unknown>}
   */
  transferComplete(heldCallId, activeCallId) {
    return this.#request(Action.TRANSFER_COMPLETE, { heldCallId, activeCallId });
  }

  /**
   * Sends the call elsewhere without consulting (also deflects a ringing call).
   * @param {string} callId @param {string} destination @param {Record<string, string>} [callData]
   * @returns {Promise<unknown>}
   */
  blindTransfer(callId, destination, callData) {
    return this.#request(Action.BLIND_TRANSFER, { callId, destination, callData });
  }

  /**
   * Holds the call and dials a consult leg meant for a conference.
   * @param {string} callId @param {string} destination @param {Record<string, string>} [callData]
   * @returns {Promise<unknown>}
   */
  conferenceInitiate(callId, destination, callData) {
    return this.#request(Action.CONFERENCE_INITIATE, { callId, destination, callData });
  }

  /**
   * Joins the held call and the consult leg into one conference.
   * @param {string} heldCallId @param {string} activeCallId @returns {Promise<unknown>}
   */
  conferenceComplete(heldCallId, activeCallId) {
    return this.#request(Action.CONFERENCE_COMPLETE, { heldCallId, activeCallId });
  }

  /** Removes one party from a conference. @param {string} callId @param {string} dn @returns {Promise<unknown>} */
  dropParty(callId, dn) { return this.#request(Action.DROP_PARTY, { callId, dn }); }

  /** Drops a consult leg and returns to the held call. @param {string} consultCallId @returns {Promise<unknown>} */
  cancelConsult(consultCallId) { return this.#request(Action.CANCEL_CONSULT, { consultCallId }); }

  /** Sends DTMF digits on a call. @param {string} callId @param {string} digits @returns {Promise<unknown>} */
  sendDTMF(callId, digits) { return this.#request(Action.SEND_DTMF, { callId, digits }); }

  /**
   * Replaces the keys it names in the call's attached data.
   * @param {string} callId @param {Record<string, string>} data @returns {Promise<unknown>}
   */
  setCallData(callId, data) { return this.#request(Action.SET_CALL_DATA, { callId, data }); }

  /**
   * Records the wrap-up code and notes of an ended call; the call then no longer awaits wrap-up.
   * @param {string} callId @param {string} wrapUpCode @param {string} [notes] @returns {Promise<unknown>}
   */
  wrapUp(callId, wrapUpCode, notes) { return this.#request(Action.WRAP_UP, { callId, wrapUpCode, notes }); }

  async #request(action, fields) {
    const request = buildRequest(action, fields);
    checkMode(request, action === Action.LOGIN ? request.options?.mode ?? TelephonyMode.FULL : this.#mode);
    checkState(request, this.#store.state);
    await this.connect();
    if (action === Action.LOGIN) {
      this.#mode = request.options?.mode ?? TelephonyMode.FULL;
      this.#lastSeq = null; // a new session numbers its events from 1 again
    }
    let value;
    try {
      value = await this.#implementation.send(request);
    } catch (error) {
      throw OpenCtiError.wrap(error, action);
    }
    if (action === Action.WRAP_UP) this.#dispatchAll(this.#store.wrappedUp(request.callId));
    return value;
  }

  /** The one callback every implementation emits canonical events through. */
  #receive(event) {
    const verdict = this.#check(event);
    const seq = Number.isInteger(event?.seq) ? event.seq : null;
    if (!verdict.valid) {
      if (seq !== null && (this.#lastSeq === null || seq > this.#lastSeq)) this.#lastSeq = seq;
      this.#fail(new OpenCtiError(ErrorCode.OPENCTI_INVALID_EVENT, verdict.message, verdict.details));
      return;
    }
    if (seq !== null && !this.#inSequence(event, seq)) return;
    this.#dispatchAll(this.#store.apply(structuredClone(event)));
  }

  #check(event) {
    try {
      return this.#validate(event);
    } catch (error) { // e.g. an `undefined` value, which JSON cannot carry and the validator refuses to read
      return { valid: false, message: `Invalid ${event?.type ?? 'event'}: it cannot be validated (${error.message}); `
        + 'it was not applied.', details: { type: String(event?.type) } };
    }
  }

  /** False for a duplicate (dropped); a gap is reported and the implementation asked to resync. */
  #inSequence(event, seq) {
    const last = this.#lastSeq;
    if (event.type === EventType.SNAPSHOT || last === null) {
      this.#lastSeq = seq;
      return true;
    }
    if (seq <= last) return false;
    if (seq > last + 1) {
      this.#fail(new OpenCtiError(ErrorCode.OPENCTI_INVALID_EVENT,
        `Event seq ${seq} (${event.type}) arrived after seq ${last}: events ${last + 1} to ${seq - 1} are missing; `
          + 'the state may be stale until the next snapshot.',
        { seq: String(seq), lastSeq: String(last) }));
      this.#implementation.resync?.();
    }
    this.#lastSeq = seq;
    return true;
  }

  #fail(error) {
    this.#dispatchAll([new OpenCtiErrorEvent(error)]);
  }

  #dispatchAll(events) {
    const hidden = HIDDEN_EVENTS[this.#mode];
    for (const event of events) if (!hidden.includes(event.type)) this.dispatchEvent(event);
  }
}
