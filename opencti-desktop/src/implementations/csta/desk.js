/**
 * One agent's desk as the CSTA monitor of its device shows it: agent state and the calls at the device, each call's
 * leg for the state tables (so `allowedActions` come from `state-tables.json`), ended ACD calls awaiting wrap-up,
 * and the canonical events that describe them. The JavaScript twin of the Java connector's `Desk`, `DeskCall` and
 * `Directory`: the shared golden vectors hold both to the same output.
 * @module
 */
import { OpenCtiError } from '../../interface/errors.js';
import { Action, AgentState, CallType, ConnectionState, DisconnectCause, ErrorCode, EventType, PartyRole } from '../../interface/states.js';
import { tableActions } from '../../state/tables.js';

const ACTION_ORDER = Object.values(Action);

/**
 * What is known across calls because one device's events alone cannot say it: which call ids belong to which
 * conversation, which devices are queues (and their queue ids), which are agents' devices, how internal numbers look.
 */
export class Directory {
  #conversations = new Map();
  #queues = new Set();
  #agentDevices = new Set();
  #queueIds;
  #extensionMaxDigits;

  /**
   * @param {Record<string, string>} [queueIds] queue device (DNIS) to queue id, e.g. `{8001: 'sales'}`; unknown
   *   queues show their DN
   * @param {number} [extensionMaxDigits] dial strings of at most this many characters are internal (default 6)
   */
  constructor(queueIds = {}, extensionMaxDigits = 6) {
    this.#queueIds = { ...queueIds };
    this.#extensionMaxDigits = extensionMaxDigits;
    for (const dn of Object.keys(queueIds)) this.#queues.add(dn);
  }

  /** @param {string} callId @returns {string} the conversation the call belongs to (itself unless linked) */
  conversationOf(callId) { return this.#conversations.get(callId) ?? callId; }

  /** @param {string} callId @param {string} conversationId */
  linkConversation(callId, conversationId) { if (conversationId !== callId) this.#conversations.set(callId, conversationId); }

  /** @param {string | null} dn */
  queueSeen(dn) { if (dn) this.#queues.add(dn); }

  /** @param {string | null} dn @returns {boolean} */
  isQueue(dn) { return Boolean(dn) && this.#queues.has(dn); }

  /** @param {string | null} dn @returns {string | null} the canonical queue id of a queue device */
  queueName(dn) { return dn ? this.#queueIds[dn] ?? dn : null; }

  /** @param {string} dn @param {boolean} monitored */
  agentDevice(dn, monitored) { if (monitored) this.#agentDevices.add(dn); else this.#agentDevices.delete(dn); }

  /** @param {string | null} dn @returns {boolean} */
  isInternal(dn) { return Boolean(dn) && dn.length <= this.#extensionMaxDigits; }

  /** @param {string} dn @returns {string} the PartyRole of a device on a call */
  role(dn) {
    if (this.#agentDevices.has(dn)) return PartyRole.AGENT;
    if (this.isQueue(dn)) return PartyRole.THIRD_PARTY;
    return this.isInternal(dn) ? PartyRole.AGENT : PartyRole.CUSTOMER;
  }

  /** @param {string | null} callingDevice @returns {string} the CallType of a call this device did not place */
  typeOfIncoming(callingDevice) { return !callingDevice || !this.isInternal(callingDevice) ? CallType.INBOUND : CallType.INTERNAL; }

  /** @param {string | null} calledDevice @returns {string} */
  typeOfOutgoing(calledDevice) { return this.isInternal(calledDevice) ? CallType.INTERNAL : CallType.OUTBOUND; }
}

/**
 * One call at the device. `parties` holds every device on the call (ours too) with its connection state, in the
 * order they joined.
 * @typedef {object} DeskCall
 * @property {string} callId @property {string} conversationId @property {string} callType @property {string} state
 * @property {string} since @property {string | null} ani @property {string | null} dnis @property {string | null} otherDn
 * @property {string | null} queue @property {string | null} relatedCallId the other leg of a consult
 * @property {string | null} consultPurpose @property {boolean} consultLeg true on the consult leg, false on the primary
 * @property {boolean} awaitingConsultLeg a consult was announced and its leg has not appeared yet
 * @property {string | null} requestedPurpose what our own consult request asked for
 * @property {boolean} acd came through a queue: awaits wrap-up after it ends
 * @property {boolean} hangUpRequested @property {boolean} remoteLeft @property {string | null} failure
 * @property {boolean} published @property {Record<string, string>} callData @property {Map<string, string>} parties
 * @property {string[]} lastActions
 */

/**
 * A new call record.
 * @param {string} callId @param {string} conversationId @param {string} callType @param {string} state @param {string} since
 * @returns {DeskCall}
 */
export function newCall(callId, conversationId, callType, state, since) {
  return { callId, conversationId, callType, state, since, ani: null, dnis: null, otherDn: null, queue: null,
    relatedCallId: null, consultPurpose: null, consultLeg: false, awaitingConsultLeg: false, requestedPurpose: null,
    acd: false, hangUpRequested: false, remoteLeft: false, failure: null, published: false, callData: {},
    parties: new Map(), lastActions: [] };
}

/** One logged-in agent's desk. */
export class Desk {
  /** @type {Map<string, DeskCall>} */
  calls = new Map();
  /** @type {Map<string, object>} ended ACD calls awaiting wrap-up, as SnapshotEvent's `awaitingWrapUp` items */
  awaitingWrapUp = new Map();
  agentState = AgentState.LOGGED_OUT;
  /** @type {string | null} */ reasonCode = null;
  /** @type {string | null} */ pendingState = null;
  /** @type {string | null} */ pendingReasonCode = null;

  /** @param {string} agentId @param {string} device @param {Directory} directory @param {string} now ISO time */
  constructor(agentId, device, directory, now) {
    this.agentId = agentId;
    this.device = device;
    this.directory = directory;
    this.agentSince = now;
  }

  /** @param {string} at @returns {{at: string, agentId: string, device: string, media: string}} */
  header(at) { return { at, agentId: this.agentId, device: this.device, media: 'phone' }; }

  /** Where a call stands among the device's calls, as a state-table leg key. @param {DeskCall} call @returns {string} */
  legOf(call) {
    if (call.consultPurpose) {
      const partnerHere = Boolean(call.relatedCallId) && this.calls.has(call.relatedCallId);
      if (call.consultLeg && partnerHere) return `consult:${call.consultPurpose}`;
      if (!call.consultLeg && (partnerHere || call.awaitingConsultLeg)) return `primary:${call.consultPurpose}`;
    }
    return this.calls.size > 1 ? 'other' : 'only';
  }

  /** The call's allowedActions, in the order of Action, so events are stable. @param {DeskCall} call @returns {string[]} */
  actions(call) {
    if (call.state === ConnectionState.DISCONNECTED) return this.awaitingWrapUp.has(call.callId) ? [Action.WRAP_UP] : [];
    return [...tableActions(call.state, this.legOf(call))].sort((a, b) => ACTION_ORDER.indexOf(a) - ACTION_ORDER.indexOf(b));
  }

  /**
   * The CallStateEvent of a call as it is now.
   * @param {DeskCall} call @param {string} at @param {string | null} [cause] @param {string | null} [replacesCallId]
   * @returns {object}
   */
  stateEvent(call, at, cause = null, replacesCallId = null) {
    call.published = true;
    call.lastActions = this.actions(call);
    const linked = Boolean(call.consultPurpose && call.relatedCallId);
    return {
      type: EventType.CALL_STATE, name: call.state, ...this.header(at), callId: call.callId, conversationId: call.conversationId,
      callType: call.callType, ...defined({ ani: call.ani, dnis: call.dnis, otherDn: call.otherDn, queue: call.queue,
        relatedCallId: linked ? call.relatedCallId : null, replacesCallId, consultPurpose: linked ? call.consultPurpose : null }),
      callData: { ...call.callData }, allowedActions: [...call.lastActions], ...defined({ cause }),
    };
  }

  /** @param {DeskCall} call @param {string} at @returns {object} the PartyInfoEvent of the call */
  partyEvent(call, at) {
    return { type: EventType.PARTY_INFO, name: 'PartyInfo', ...this.header(at), callId: call.callId, parties: this.parties(call) };
  }

  /** @param {DeskCall} call @returns {{dn: string, role: string, state: string}[]} */
  parties(call) {
    return [...call.parties].map(([dn, state]) => ({ dn, role: this.directory.role(dn), state }));
  }

  /**
   * Re-announces calls whose allowedActions changed because another call came, went or changed.
   * @param {DeskCall} changed @param {string} at @param {object[]} out
   */
  refreshOthers(changed, at, out) {
    for (const call of this.calls.values()) {
      if (call === changed || !call.published) continue;
      if (!sameList(this.actions(call), call.lastActions)) out.push(this.stateEvent(call, at));
    }
  }

  /**
   * Ends a call here: Disconnected with `cause`, kept for wrap-up if it was an ACD call.
   * @param {DeskCall} call @param {string} cause @param {string} at @param {object[]} out
   */
  end(call, cause, at, out) {
    this.calls.delete(call.callId);
    call.state = ConnectionState.DISCONNECTED;
    call.parties.delete(this.device);
    if (call.acd && cause !== DisconnectCause.NO_ANSWER && cause !== DisconnectCause.REDIRECTED) {
      this.awaitingWrapUp.set(call.callId, { callId: call.callId, conversationId: call.conversationId, callType: call.callType,
        ...defined({ queue: call.queue, ani: call.ani }), endedAt: at, cause, callData: { ...call.callData } });
    }
    const partner = call.relatedCallId ? this.calls.get(call.relatedCallId) : null;
    if (partner) Object.assign(partner, { relatedCallId: null, consultPurpose: null, awaitingConsultLeg: false });
    out.push(this.stateEvent(call, at, cause));
    this.refreshOthers(call, at, out);
  }

  // ---- checks made before a request is sent -------------------------------------------------------------------

  /**
   * The call at this device, or OPENCTI_UNKNOWN_CALL naming the calls that are here.
   * @param {string} callId @returns {DeskCall}
   */
  require(callId) {
    const call = this.calls.get(callId);
    if (call) return call;
    throw new OpenCtiError(ErrorCode.OPENCTI_UNKNOWN_CALL, `Unknown call '${callId}' at device ${this.device}; calls here: `
      + `${this.calls.size ? [...this.calls.keys()].join(', ') : 'none'}`, { callId, device: this.device });
  }

  /**
   * Refuses `action` on the call unless the state tables allow it there.
   * @param {string} action @param {string} callId @returns {DeskCall}
   */
  check(action, callId) {
    const call = this.require(callId);
    const leg = this.legOf(call);
    if (tableActions(call.state, leg).includes(action)) return call;
    const needs = Object.values(ConnectionState).filter(s => tableActions(s, leg).includes(action)).join(' or ');
    const where = leg === 'only' || leg === 'other' ? '' : ` (${leg} leg)`;
    throw new OpenCtiError(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, `Cannot ${action} call ${callId}: it is ${call.state}`
      + `${where}; ${action}${needs ? ` needs ${needs}.` : ' is not allowed on such a call.'}`,
    { callId, state: call.state, leg, action });
  }

  /** wrapUp: forgets the ended call (the platform records the code); unknown ones are refused. @param {string} callId */
  wrapUp(callId) {
    if (this.awaitingWrapUp.delete(callId)) return;
    if (this.calls.has(callId)) this.check(Action.WRAP_UP, callId);
    throw new OpenCtiError(ErrorCode.OPENCTI_UNKNOWN_CALL, `No ended call '${callId}' awaits wrap-up at device ${this.device}; `
      + `awaiting: ${this.awaitingWrapUp.size ? [...this.awaitingWrapUp.keys()].join(', ') : 'none'}`, { callId, device: this.device });
  }

  /**
   * The whole desk as a SnapshotEvent.
   * @param {string} at @param {string} linkState
   * @returns {object}
   */
  snapshot(at, linkState) {
    const calls = [...this.calls.values()].map(call => {
      const linked = Boolean(call.consultPurpose && call.relatedCallId);
      return { callId: call.callId, conversationId: call.conversationId, callType: call.callType, state: call.state, since: call.since,
        ...defined({ ani: call.ani, dnis: call.dnis, otherDn: call.otherDn, queue: call.queue,
          relatedCallId: linked ? call.relatedCallId : null, consultPurpose: linked ? call.consultPurpose : null }),
        parties: this.parties(call), callData: { ...call.callData }, allowedActions: this.actions(call) };
    });
    const agent = { state: this.agentState, since: this.agentSince,
      ...defined({ reasonCode: this.agentState === AgentState.NOT_READY ? this.reasonCode : null, pendingState: this.pendingState,
        pendingReasonCode: this.pendingState ? this.pendingReasonCode : null }) };
    return { type: EventType.SNAPSHOT, name: 'Snapshot', ...this.header(at), agent, deviceMonitored: true, linkState, calls,
      awaitingWrapUp: [...this.awaitingWrapUp.values()].map(c => ({ ...c, callData: { ...c.callData } })) };
  }
}

/**
 * The object without its null and undefined fields (the wire leaves absent fields out).
 * @param {Record<string, unknown>} object
 * @returns {Record<string, unknown>}
 */
export function defined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));
}

function sameList(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
