/**
 * A scripted fake contact centre for one agent's desk, for examples and tests. It answers requests the way the
 * OpenCTI server does (same checks, same `state-tables.json`, same canonical events with `seq` from 1 per
 * login) and offers a small script API to play the other side: a customer calling, the far end answering or
 * hanging up, the CTI link dropping.
 *
 * ```js
 * const centre = new InMemoryImplementation();
 * const cti = new OpenCti({ implementation: centre });
 * await cti.login('1001', 'demo'); await cti.agentReady();
 * const callId = centre.offerCall({ ani: '0612345678', queue: 'sales', callData: { accountId: 'A-1001' } });
 * ```
 * @module
 */
import { OpenCtiError } from '../interface/errors.js';
import { buildRequest, checkState } from '../interface/requests.js';
import {
  Action, AgentState, CallType, ConnectionState, DisconnectCause, ErrorCode, EventType, LinkState, PartyRole, WorkMode,
} from '../interface/states.js';
import { agentOutcome, legOf, tableActions } from '../state/tables.js';

const LIVE = s => s !== ConnectionState.DISCONNECTED;

/**
 * @typedef {object} InMemoryOptions
 * @property {Record<string, {password: string, extension: string}>} [agents] who may log in (default 1001/demo/5001
 *   and 1002/demo/5002)
 * @property {() => Date} [now] the clock (inject a fixed one for deterministic `at`/`since`)
 * @property {string} [workMode] the agents' default work mode (ManualIn: after-call work after ACD calls)
 */

/** The in-memory implementation: a contact centre with one desk, driven by requests and by its script API. */
export class InMemoryImplementation {
  #agents;
  #now;
  #emit = () => {};
  #seq = 0;
  #nextCall = 1;
  #session = null;
  #agent = { state: AgentState.LOGGED_OUT, since: null };
  #beforeBusy = null;
  #calls = [];
  #awaitingWrapUp = [];
  #linkState = LinkState.CONNECTED;
  #workMode;
  #announced = new Map();
  /** What the desk did that leaves no event, for tests: `{type: 'sendDTMF' | 'wrapUp', ...}` in order. */
  records = [];

  /** @param {InMemoryOptions} [options] */
  constructor({ agents, now = () => new Date(), workMode = WorkMode.MANUAL_IN } = {}) {
    this.#agents = agents ?? { 1001: { password: 'demo', extension: '5001' }, 1002: { password: 'demo', extension: '5002' } };
    this.#now = now;
    this.#workMode = workMode;
  }

  /** @param {import('./implementation.js').Emit} emit */
  connect(emit) { this.#emit = emit; }

  /** Ends the desk: nothing more is emitted. */
  close() { this.#emit = () => {}; }

  /** Emits a fresh SnapshotEvent (the framework asks after a `seq` gap). */
  resync() { if (this.#session) this.#publish(EventType.SNAPSHOT, 'Snapshot', this.#snapshot()); }

  /**
   * Handles one request as the server would: checks it, changes the state, emits the events, resolves.
   * @param {Record<string, any>} request
   * @returns {Promise<unknown>}
   */
  async send(request) {
    const { type, ...fields } = request;
    if (!Object.values(Action).includes(type)) {
      throw new OpenCtiError(ErrorCode.OPENCTI_BAD_REQUEST, `Unknown request type '${type}'; expected one of `
        + `${Object.values(Action).join(', ')}`, { type: String(type) });
    }
    buildRequest(type, fields);
    if (type !== Action.LOGIN) checkState(request, this.#view());
    return this.#handle(request);
  }

  #handle(r) {
    switch (r.type) {
      case Action.LOGIN: return this.#login(r);
      case Action.LOGOUT: return this.#logout(r);
      case Action.AGENT_READY: return this.#agentReady(r);
      case Action.AGENT_NOT_READY: return this.#agentNotReady(r);
      case Action.MAKE_CALL: return this.#makeCall(r);
      case Action.ANSWER_CALL: return this.#answerCall(r);
      case Action.HANG_UP_CALL: return this.#hangUpCall(r);
      case Action.HOLD_CALL: return this.#holdCall(r);
      case Action.RETRIEVE_CALL: return this.#retrieveCall(r);
      case Action.ALTERNATE_CALL: return this.#alternateCall(r);
      case Action.CONSULTATION_CALL: return this.#consult('Consult', r);
      case Action.TRANSFER_INITIATE: return this.#consult('Transfer', r);
      case Action.TRANSFER_COMPLETE: return this.#transferComplete(r);
      case Action.BLIND_TRANSFER: return this.#blindTransfer(r);
      case Action.CONFERENCE_INITIATE: return this.#consult('Conference', r);
      case Action.CONFERENCE_COMPLETE: return this.#conferenceComplete(r);
      case Action.DROP_PARTY: return this.#dropParty(r);
      case Action.CANCEL_CONSULT: return this.#cancelConsult(r);
      case Action.SEND_DTMF: return this.#sendDTMF(r);
      case Action.SET_CALL_DATA: return this.#setCallData(r);
      case Action.WRAP_UP: return this.#wrapUp(r);
      default: throw new TypeError(`unreachable: ${r.type}`);
    }
  }

  // ---- script API: the other side of the desk --------------------------------------------------------------

  /**
   * A call rings at the desk. With a `queue` (an ACD call) the agent must be Ready and idle, as the ACD offers
   * calls only then; without one it is an internal or direct call.
   * @param {{ani?: string, dnis?: string, queue?: string, callData?: Record<string, string>,
   *   customer?: {id: string, name: string, phone?: string, accountId?: string}, callType?: string}} [call]
   * @returns {string} the new call's id
   */
  offerCall({ ani = '0612345678', dnis = '8001', queue, callData = {}, customer, callType } = {}) {
    if (!this.#session) throw new Error('offerCall: no agent is logged in at the desk');
    if (queue && (this.#agent.state !== AgentState.READY || this.#calls.some(c => LIVE(c.state)))) {
      throw new Error(`offerCall: the ACD offers queue calls only to a Ready, idle agent; the agent is `
        + `${this.#agent.state} with ${this.#calls.length} call(s)`);
    }
    const callId = this.#newCallId();
    this.#awaitingWrapUp = [];
    this.#addCall({
      callId, conversationId: callId, callType: callType ?? (queue ? CallType.INBOUND : CallType.INTERNAL),
      state: ConnectionState.OFFERING, ani, dnis, queue, callData: { ...callData }, customer,
      parties: [party(ani, queue ? PartyRole.CUSTOMER : PartyRole.AGENT, ConnectionState.ESTABLISHED)],
    });
    return callId;
  }

  /**
   * The far end of a call we dialled (or of a consult leg) answers.
   * @param {string} callId
   */
  answerRemote(callId) {
    const call = this.#call(callId);
    call.parties = call.parties.map(p => ({ ...p, state: ConnectionState.ESTABLISHED }));
    this.#setState([[call, ConnectionState.ESTABLISHED]]);
  }

  /**
   * The far end hangs up (a ringing inbound call is then Abandoned).
   * @param {string} callId
   */
  hangUpRemote(callId) {
    const call = this.#call(callId);
    const cause = call.state === ConnectionState.OFFERING ? DisconnectCause.ABANDONED : DisconnectCause.REMOTE_HANGUP;
    this.#end([[call, cause]]);
  }

  /**
   * The CTI link changes state; while it is Disconnected, requests fail with OPENCTI_LINK_DOWN.
   * @param {string} name a LinkState
   */
  setLink(name) {
    this.#linkState = name;
    if (this.#session) this.#publish(EventType.LINK_STATE, name, {});
  }

  // ---- request handlers ---------------------------------------------------------------------------------------

  #login({ agentId, password, extension }) {
    const agent = this.#agents[agentId];
    if (!agent || agent.password !== password) {
      throw new OpenCtiError(ErrorCode.OPENCTI_NOT_AUTHORIZED,
        `Wrong agent id or password for agent '${agentId}'; check the credentials.`, { agentId });
    }
    const outcome = agentOutcome(this.#agent.state, Action.LOGIN);
    if ('error' in outcome) {
      throw new OpenCtiError(outcome.error, `Agent ${this.#session.agentId} is already logged in at ${this.#session.device}; `
        + 'log out there first.', { agentId });
    }
    this.#session = { agentId, device: extension ?? agent.extension };
    this.#seq = 0;
    this.#agent = { state: outcome.to, since: this.#at(), reasonCode: outcome.reasonCode, workMode: this.#workMode };
    this.#publish(EventType.SNAPSHOT, 'Snapshot', this.#snapshot());
    return { token: `mem-${agentId}-${this.#now().getTime()}`, expiresAt: new Date(this.#now().getTime() + 8 * 3600e3).toISOString() };
  }

  #logout() { this.#agentRequest(Action.LOGOUT, AgentState.LOGGED_OUT); }

  #agentReady({ workMode }) { this.#agentRequest(Action.AGENT_READY, AgentState.READY, undefined, workMode); }

  #agentNotReady({ reasonCode, workMode }) {
    this.#agentRequest(Action.AGENT_NOT_READY, AgentState.NOT_READY, reasonCode, workMode);
  }

  #makeCall({ destination, callData = {} }) {
    const callId = this.#newCallId();
    this.#addCall({
      callId, conversationId: callId, callType: destination.length <= 4 ? CallType.INTERNAL : CallType.OUTBOUND,
      state: ConnectionState.ALERTING, dnis: destination, otherDn: destination, callData: { ...callData },
      parties: [party(destination, destination.length <= 4 ? PartyRole.AGENT : PartyRole.CUSTOMER, ConnectionState.ALERTING)],
    });
    return { callId };
  }

  #answerCall({ callId }) {
    const call = this.#call(callId);
    call.answered = true;
    this.#setState([[call, ConnectionState.ESTABLISHED]]);
  }

  #hangUpCall({ callId }) { this.#end([[this.#call(callId), DisconnectCause.NORMAL]]); }

  #holdCall({ callId }) { this.#setState([[this.#call(callId), ConnectionState.HELD]]); }

  #retrieveCall({ callId }) { this.#setState([[this.#call(callId), ConnectionState.ESTABLISHED]]); }

  #alternateCall({ heldCallId, activeCallId }) {
    this.#setState([[this.#call(activeCallId), ConnectionState.HELD], [this.#call(heldCallId), ConnectionState.ESTABLISHED]]);
  }

  #consult(purpose, { callId, destination, callData = {} }) {
    const primary = this.#call(callId);
    const consultId = this.#newCallId();
    const internal = destination.length <= 4;
    Object.assign(primary, { relatedCallId: consultId, consultPurpose: purpose });
    if (primary.state !== ConnectionState.HELD) Object.assign(primary, { state: ConnectionState.HELD, since: this.#at() });
    this.#calls.push({
      callId: consultId, conversationId: primary.conversationId, since: this.#at(),
      callType: internal ? CallType.INTERNAL : CallType.OUTBOUND, state: ConnectionState.ALERTING,
      dnis: destination, otherDn: destination, relatedCallId: callId, consultPurpose: purpose,
      callData: { ...primary.callData, ...callData },
      parties: [party(destination, internal ? PartyRole.AGENT : PartyRole.THIRD_PARTY, ConnectionState.ALERTING)],
    });
    this.#publishCalls([callId, consultId]);
    return { callId: consultId };
  }

  #transferComplete({ heldCallId, activeCallId }) {
    this.#end([[this.#call(activeCallId), DisconnectCause.TRANSFERRED], [this.#call(heldCallId), DisconnectCause.TRANSFERRED]]);
  }

  #conferenceComplete({ heldCallId, activeCallId }) {
    const held = this.#call(heldCallId);
    const active = this.#call(activeCallId);
    const [primary, consult] = this.#calls.indexOf(held) < this.#calls.indexOf(active) ? [held, active] : [active, held];
    primary.parties = [...primary.parties, ...consult.parties.map(p => ({ ...p, state: ConnectionState.ESTABLISHED }))];
    this.#end([[consult, DisconnectCause.CONFERENCED]]);
    this.#setState([[primary, ConnectionState.ESTABLISHED]]);
    this.#publish(EventType.PARTY_INFO, 'PartyInfo', { callId: primary.callId, parties: primary.parties });
  }

  #blindTransfer({ callId }) { this.#end([[this.#call(callId), DisconnectCause.TRANSFERRED]]); }

  #dropParty({ callId, dn }) {
    const call = this.#call(callId);
    if (!call.parties.some(p => p.dn === dn)) {
      throw new OpenCtiError(ErrorCode.OPENCTI_CF_INVALID_DESTINATION, `Cannot dropParty ${dn} from call ${callId}: `
        + `it is not a party; parties: ${call.parties.map(p => p.dn).join(', ') || 'none'}.`, { callId, dn });
    }
    call.parties = call.parties.filter(p => p.dn !== dn);
    this.#publish(EventType.PARTY_INFO, 'PartyInfo', { callId, parties: call.parties });
  }

  #cancelConsult({ consultCallId }) { this.#end([[this.#call(consultCallId), DisconnectCause.NORMAL]]); }

  #sendDTMF({ callId, digits }) { this.records.push({ type: Action.SEND_DTMF, callId, digits }); }

  #setCallData({ callId, data }) {
    const call = this.#call(callId);
    call.callData = { ...call.callData, ...data };
    this.#publish(EventType.CALL_INFO, 'CallInfo', { callId, callData: call.callData, ...opt('customer', call.customer) });
  }

  #wrapUp({ callId, wrapUpCode, notes }) {
    this.#awaitingWrapUp = this.#awaitingWrapUp.filter(c => c.callId !== callId);
    this.records.push({ type: Action.WRAP_UP, callId, wrapUpCode, ...opt('notes', notes) });
  }

  // ---- the desk's state machine ---------------------------------------------------------------------------------

  #agentRequest(action, target, reasonCode, workMode) {
    if (workMode) this.#agent.workMode = workMode;
    const outcome = agentOutcome(this.#agent.state, action);
    const previous = this.#agent.state;
    if ('pending' in outcome) {
      this.#agent = { ...this.#agent, pendingState: outcome.pending, pendingReasonCode: reasonCode };
      this.#publishAgent(previous);
    } else if ('to' in outcome && !(previous === target && this.#agent.reasonCode === reasonCode)) {
      this.#moveAgent(target, reasonCode);
      if (target === AgentState.LOGGED_OUT) {
        this.#publish(EventType.SNAPSHOT, 'Snapshot', this.#snapshot());
        this.#session = null;
      }
    }
  }

  #moveAgent(state, reasonCode) {
    const previous = this.#agent.state;
    this.#agent = { state, since: this.#at(), ...opt('reasonCode', reasonCode), workMode: this.#agent.workMode };
    if (state === AgentState.LOGGED_OUT) this.#awaitingWrapUp = [];
    this.#publishAgent(previous);
  }

  #publishAgent(previous) {
    const a = this.#agent;
    this.#publish(EventType.AGENT_STATE, a.state, {
      ...opt('reasonCode', a.reasonCode), previous, ...opt('pendingState', a.pendingState),
      ...opt('pendingReasonCode', a.pendingReasonCode), ...opt('workMode', a.workMode),
    });
  }

  #addCall(call) {
    const first = !this.#calls.some(c => LIVE(c.state));
    this.#calls.push({ ...call, since: this.#at() });
    if (first && this.#agent.state !== AgentState.BUSY) {
      this.#beforeBusy = { state: this.#agent.state, reasonCode: this.#agent.reasonCode };
      this.#moveAgent(AgentState.BUSY);
    }
    this.#publishCalls([call.callId]);
  }

  #setState(changes) {
    for (const [call, state] of changes) {
      if (call.state !== state) call.since = this.#at();
      call.state = state;
    }
    this.#publishCalls(changes.map(([call]) => call.callId));
  }

  /** Ends calls: Disconnected events with their causes, wrap-up for answered ACD calls, then the agent's state. */
  #end(endings) {
    const endedIds = endings.map(([call]) => call.callId);
    for (const [call, cause] of endings) {
      const wrapUp = Boolean(call.queue) && (call.answered === true) && call.callType !== CallType.CONSULT;
      call.state = ConnectionState.DISCONNECTED;
      this.#calls = this.#calls.filter(c => c !== call);
      this.#announced.delete(call.callId);
      if (wrapUp) {
        this.#awaitingWrapUp.push({
          callId: call.callId, conversationId: call.conversationId, callType: call.callType, queue: call.queue,
          ...opt('ani', call.ani), endedAt: this.#at(), cause, callData: { ...call.callData },
        });
      }
      this.#publish(EventType.CALL_STATE, ConnectionState.DISCONNECTED,
        { ...this.#callFields(call), allowedActions: wrapUp ? [Action.WRAP_UP] : [], cause });
    }
    for (const call of this.#calls) {
      if (endedIds.includes(call.relatedCallId)) { delete call.relatedCallId; delete call.consultPurpose; }
    }
    this.#publishCalls([]);
    if (!this.#calls.some(c => LIVE(c.state)) && this.#agent.state === AgentState.BUSY) this.#afterLastCall(endings);
  }

  #afterLastCall(endings) {
    const { pendingState, pendingReasonCode, workMode } = this.#agent;
    const acd = endings.some(([call]) => call.queue && call.answered);
    if (pendingState) this.#moveAgent(pendingState, pendingReasonCode);
    else if (acd && workMode === WorkMode.MANUAL_IN) this.#moveAgent(AgentState.AFTER_CALL_WORK);
    else if (acd) this.#moveAgent(AgentState.READY);
    else this.#moveAgent(this.#beforeBusy?.state ?? AgentState.READY, this.#beforeBusy?.reasonCode);
    if (this.#agent.state === AgentState.LOGGED_OUT) {
      this.#publish(EventType.SNAPSHOT, 'Snapshot', this.#snapshot());
      this.#session = null;
    }
  }

  /** Emits a CallStateEvent for each named call and for every call whose allowedActions changed meanwhile. */
  #publishCalls(changedIds) {
    for (const call of this.#calls) {
      const allowed = this.#allowed(call);
      const key = `${call.state}|${allowed.join(',')}|${call.relatedCallId ?? ''}`;
      if (!changedIds.includes(call.callId) && this.#announced.get(call.callId) === key) continue;
      this.#announced.set(call.callId, key);
      this.#publish(EventType.CALL_STATE, call.state, { ...this.#callFields(call), allowedActions: allowed });
    }
  }

  #allowed(call) { return [...tableActions(call.state, legOf(call, this.#calls))]; }

  #callFields(call) {
    return {
      callId: call.callId, conversationId: call.conversationId, callType: call.callType,
      ...opt('ani', call.ani), ...opt('dnis', call.dnis), ...opt('otherDn', call.otherDn), ...opt('queue', call.queue),
      ...opt('relatedCallId', call.relatedCallId), ...opt('consultPurpose', call.consultPurpose),
      callData: { ...call.callData }, ...opt('customer', call.customer),
    };
  }

  #snapshot() {
    const a = this.#agent;
    return {
      agent: {
        state: a.state, since: a.since ?? this.#at(), ...opt('reasonCode', a.reasonCode),
        ...opt('pendingState', a.pendingState), ...opt('pendingReasonCode', a.pendingReasonCode), ...opt('workMode', a.workMode),
      },
      deviceMonitored: a.state !== AgentState.LOGGED_OUT,
      linkState: this.#linkState,
      calls: this.#calls.map(c => ({
        ...this.#callFields(c), state: c.state, since: c.since, parties: c.parties, allowedActions: this.#allowed(c),
      })),
      awaitingWrapUp: this.#awaitingWrapUp.map(c => ({ ...c })),
    };
  }

  /** The state as the Interface's checks read it, so the desk refuses exactly what the server would. */
  #view() {
    return {
      agent: { state: this.#agent.state }, linkState: this.#linkState, awaitingWrapUp: this.#awaitingWrapUp,
      calls: this.#calls.map(c => ({ ...c, allowedActions: this.#allowed(c) })),
    };
  }

  #publish(type, name, fields) {
    if (!this.#session) return;
    this.#emit(structuredClone({
      type, name, seq: ++this.#seq, at: this.#at(), agentId: this.#session.agentId, device: this.#session.device,
      media: 'phone', ...fields,
    }));
  }

  #call(callId) {
    const call = this.#calls.find(c => c.callId === callId);
    if (!call) {
      throw new OpenCtiError(ErrorCode.OPENCTI_UNKNOWN_CALL, `No call ${callId} at this desk; known calls: `
        + `${this.#calls.map(c => c.callId).join(', ') || 'none'}.`, { callId });
    }
    return call;
  }

  #newCallId() { return `c-${this.#nextCall++}`; }

  #at() { return this.#now().toISOString(); }
}

function party(dn, role, state) { return { dn, role, state }; }

function opt(key, value) { return value === undefined || value === null ? {} : { [key]: value }; }
