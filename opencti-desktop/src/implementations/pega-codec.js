/**
 * The one place where Pega's OpenCTI vocabulary meets ours (`reference/pega-opencti.md`), both directions:
 * - events: Pega's flat `py`-prefixed JSON (`pyEventType`, `pyEventName`, `pyCallId`, ...) to canonical v1
 *   events and back;
 * - requests: a canonical request to the Pega function and its leading arguments (callbacks are added by
 *   `pega-compat`);
 * - errors: Pega's `{errCode, errMessage}` to `OpenCtiError` and back.
 *
 * Pega's `Login` agent state is our `NotReady` with reason `login`; its `Logout` is `LoggedOut`; a NotReady
 * with work mode `ACW` is `AfterCallWork`. Pega's call states `Connected` and `Retrieved` are `Established`,
 * `Ringing`/`Delivered` are `Offering`, `Abandoned` is `Disconnected` with cause `Abandoned`; `Alerting` is
 * `Offering` for a call we did not dial and `Alerting` for one we did. Two fields are OpenCTI's extensions (a
 * Pega desktop ignores them): `pyPendingState`/`pyPendingReasonCode` on a Busy agent, and `pyQueue` on a call.
 * @module
 */
import { OpenCtiError } from '../interface/errors.js';
import {
  Action, AgentState, CallType, ConnectionState, DisconnectCause, ErrorCode, EventType, LinkState, PartyRole, WorkMode,
} from '../interface/states.js';

/** The reason code of the NotReady state Pega calls `Login`. */
export const LOGIN_REASON = 'login';
/** The reason given to a Pega NotReady that names none (our schema requires one). */
export const UNSPECIFIED_REASON = 'unspecified';

const PEGA_WORK_MODES = Object.freeze({ [WorkMode.AUTO_IN]: 'MODE_AUTO_IN', [WorkMode.MANUAL_IN]: 'MODE_MANUAL_IN' });
const CALL_TYPES = Object.freeze({
  INBOUND: CallType.INBOUND, OUTBOUND: CallType.OUTBOUND, INTERNAL: CallType.INTERNAL, CONSULT: CallType.CONSULT,
});
const CALL_STATES = Object.freeze({
  Offering: ConnectionState.OFFERING, Ringing: ConnectionState.OFFERING, Delivered: ConnectionState.OFFERING,
  Initiated: ConnectionState.INITIATED, Alerting: ConnectionState.ALERTING, Established: ConnectionState.ESTABLISHED,
  Connected: ConnectionState.ESTABLISHED, Retrieved: ConnectionState.ESTABLISHED, Held: ConnectionState.HELD,
  Disconnected: ConnectionState.DISCONNECTED, Abandoned: ConnectionState.DISCONNECTED,
});
const ROLES = Object.freeze(Object.fromEntries(Object.values(PartyRole).map(r => [r.toUpperCase(), r])));

/**
 * @typedef {object} DeskContext what the conversion needs beyond the Pega event itself
 * @property {string} agentId @property {string} device
 * @property {string} at the event time to use (ISO, three fractional digits) when Pega gives none
 * @property {(callId: string) => ({dialled?: boolean, conversationId?: string, ani?: string} | undefined)} [call]
 *   what the desk knows of a call already
 * @typedef {{type: string, name: string, [key: string]: unknown}} CanonicalEvent (without seq)
 */

/**
 * Converts one Pega event (an object, or its JSON text) to a canonical event.
 * @param {Record<string, unknown> | string} input
 * @param {DeskContext} context
 * @returns {CanonicalEvent}
 * @throws {OpenCtiError} OPENCTI_INVALID_EVENT for an event that has no canonical meaning, naming what it got
 */
export function fromPegaEvent(input, context) {
  const py = typeof input === 'string' ? parseJson(input) : input;
  if (!py || typeof py !== 'object') invalid(`a Pega event must be an object, got ${JSON.stringify(py)}`, {});
  const header = {
    at: typeof py.pyTimestamp === 'string' && /Z$/.test(py.pyTimestamp) ? new Date(py.pyTimestamp).toISOString() : context.at,
    agentId: str(py.pyAgentId) ?? context.agentId, device: str(py.pyThisDN) ?? context.device, media: 'phone',
  };
  switch (py.pyEventType) {
    case EventType.SNAPSHOT: return { type: EventType.SNAPSHOT, name: 'Snapshot', ...header, ...snapshotFields(py, context, header.at) };
    case EventType.AGENT_STATE: {
      const agent = agentFields(py.pyEventName, py);
      return { type: EventType.AGENT_STATE, name: agent.state, ...header, ...omit(agent, 'state') };
    }
    case EventType.CALL_STATE: return { type: EventType.CALL_STATE, ...header, ...callFields(py, context) };
    case EventType.PARTY_INFO: return {
      type: EventType.PARTY_INFO, name: 'PartyInfo', ...header, callId: required(py, 'pyCallId'),
      parties: parties(py.pyParties, header.device, context.call?.(py.pyCallId)?.ani),
    };
    case EventType.CALL_INFO: return {
      type: EventType.CALL_INFO, name: 'CallInfo', ...header, callId: required(py, 'pyCallId'), callData: callData(py),
    };
    default: return invalid(`Unknown pyEventType '${py.pyEventType}'; expected one of SnapshotEvent, AgentStateEvent, `
      + 'CallStateEvent, PartyInfoEvent, CallInfoEvent', { pyEventType: String(py.pyEventType) });
  }
}

/**
 * Converts a canonical event to Pega's `py` form (for Pega-side consumers), or null for the kinds Pega has no
 * event for (LinkStateEvent outside a snapshot, QueueEvent, ErrorEvent).
 * @param {CanonicalEvent} event
 * @returns {Record<string, unknown> | null}
 */
export function toPegaEvent(event) {
  const header = { pyEventType: event.type, pyAgentId: event.agentId, pyThisDN: event.device, pyMedia: 'Phone', pyTimestamp: event.at };
  switch (event.type) {
    case EventType.SNAPSHOT: return {
      ...header, pyEventName: 'Snapshot', ...pegaAgent(event.agent.state, event.agent.reasonCode, event.agent.workMode, 'pyAgentState'),
      pyDeviceState: event.deviceMonitored ? 'OPENED' : 'CLOSED',
      pyLinkState: event.linkState === LinkState.CONNECTED ? 'CONNECTED' : 'DISCONNECTED',
      pyCalls: event.calls.map(c => pegaCall({ ...c, name: c.state })),
    };
    case EventType.AGENT_STATE: return { ...header, ...pegaAgent(event.name, event.reasonCode, event.workMode, 'pyEventName'),
      ...pegaPending(event) };
    case EventType.CALL_STATE: return { ...header, ...pegaCall(event) };
    case EventType.PARTY_INFO: return { ...header, pyEventName: 'PartyInfo', pyCallId: event.callId,
      pyParties: event.parties.map(p => ({ pyDN: p.dn, pyRole: p.role.toUpperCase(), pyState: p.state })) };
    case EventType.CALL_INFO: return { ...header, pyEventName: 'CallInfo', pyCallId: event.callId, pyNamedVariables: { ...event.callData } };
    default: return null;
  }
}

/**
 * The Pega function a canonical request calls, with its arguments before `success, failure` (and, for login,
 * before `forwardEvent`). Requests Pega has no function for name the closest one or none (see `pega-compat`).
 * @param {Record<string, any>} request a flat canonical request
 * @param {{linkDefinition?: object, options?: object, agentId?: string}} [session]
 * @returns {{fn: string, args: unknown[], aliases?: string[]}}
 */
export function toPegaCall(request, { linkDefinition = {}, options = {}, agentId } = {}) {
  const opts = request.callData ? { ...options, pyNamedVariables: { ...request.callData } } : { ...options };
  const r = request;
  switch (r.type) {
    case Action.LOGIN: return { fn: 'login', args: [r.agentId, r.password, r.extension ?? '', linkDefinition, { ...opts, ...r.options }] };
    case Action.LOGOUT: return { fn: 'logout', args: [agentId, r.reasonCode ?? '', opts] };
    case Action.AGENT_READY: return { fn: 'agentReady', args: [agentId, PEGA_WORK_MODES[r.workMode] ?? 'MODE_NONE', opts] };
    case Action.AGENT_NOT_READY: return { fn: 'agentNotReady',
      args: [agentId, PEGA_WORK_MODES[r.workMode] ?? 'MODE_NONE', r.reasonCode, linkDefinition, opts] };
    case Action.MAKE_CALL: return { fn: 'makeCall', args: [r.destination, opts] };
    case Action.ANSWER_CALL: case Action.HANG_UP_CALL: case Action.HOLD_CALL: case Action.RETRIEVE_CALL:
      return { fn: r.type, args: [r.callId, opts] };
    case Action.SEND_DTMF: return { fn: 'sendDTMF', args: [r.callId, r.digits, opts] };
    case Action.CONSULTATION_CALL: return { fn: 'consultationCall', aliases: ['consulationCall'], args: [r.callId, r.destination, opts] };
    case Action.TRANSFER_INITIATE: case Action.BLIND_TRANSFER: case Action.CONFERENCE_INITIATE:
      return { fn: r.type, args: [r.callId, r.destination, opts] };
    case Action.TRANSFER_COMPLETE: case Action.CONFERENCE_COMPLETE: case Action.ALTERNATE_CALL:
      return { fn: r.type, args: [r.heldCallId, r.activeCallId, opts] };
    case Action.DROP_PARTY: return { fn: 'dropParty', aliases: ['dropparty'], args: [r.callId, r.dn, opts] };
    case Action.CANCEL_CONSULT: return { fn: 'cancelConsult', args: [r.consultCallId, opts] };
    case Action.SET_CALL_DATA: return { fn: 'setCallData', args: [r.callId, { ...r.data }, opts] };
    case Action.WRAP_UP: return { fn: 'wrapUp', args: [r.callId, r.wrapUpCode, r.notes ?? '', opts] };
    default: throw new OpenCtiError(ErrorCode.OPENCTI_BAD_REQUEST, `Unknown request type '${r.type}'; expected one of `
      + `${Object.values(Action).join(', ')}`, { type: String(r.type) });
  }
}

/** Pega's HTTP error codes, by what they mean for us. */
const HTTP_ERRORS = Object.freeze({
  OPENCTI_HTTP_ERROR_401: ErrorCode.OPENCTI_NOT_AUTHORIZED, OPENCTI_HTTP_ERROR_408: ErrorCode.OPENCTI_TIMEOUT,
  OPENCTI_HTTP_ERROR_502: ErrorCode.OPENCTI_LINK_DOWN, OPENCTI_HTTP_ERROR_503: ErrorCode.OPENCTI_LINK_DOWN,
  OPENCTI_HTTP_ERROR_504: ErrorCode.OPENCTI_TIMEOUT,
});

/**
 * A Pega `failure(errorObject)` argument as an OpenCtiError: our own OPENCTI_* codes pass through, Pega's HTTP
 * codes map to their meaning, anything else (OPENCTI_ERR_PASS, vendor codes) is OPENCTI_CF_GENERIC_OPERATION
 * with the vendor text and code.
 * @param {unknown} error `{errCode, errMessage}`, an Error, or anything
 * @param {string} action the request that failed
 * @returns {OpenCtiError}
 */
export function fromPegaError(error, action) {
  if (error instanceof OpenCtiError) return error;
  const errCode = typeof error?.errCode === 'string' ? error.errCode : null;
  const text = typeof error?.errMessage === 'string' && error.errMessage ? error.errMessage
    : error instanceof Error ? error.message : `no message (${JSON.stringify(error) ?? String(error)})`;
  const code = Object.values(ErrorCode).includes(errCode) ? errCode
    : HTTP_ERRORS[errCode] ?? ErrorCode.OPENCTI_CF_GENERIC_OPERATION;
  return new OpenCtiError(code, `${action} failed in the Pega implementation: ${text}`,
    { action, ...(errCode ? { errCode } : {}) }, error instanceof Error ? { cause: error } : {});
}

/**
 * An OpenCtiError as Pega's error object.
 * @param {{code: string, message: string}} error
 * @returns {{errCode: string, errMessage: string}}
 */
export function toPegaError(error) {
  return { errCode: error.code, errMessage: error.message };
}

// ---- events in ---------------------------------------------------------------------------------------------

function agentFields(pegaState, py) {
  const workMode = { MODE_AUTO_IN: WorkMode.AUTO_IN, MODE_MANUAL_IN: WorkMode.MANUAL_IN }[py.pyWorkMode];
  const reason = str(py.pyReasonCode);
  const withMode = fields => (workMode ? { ...fields, workMode } : fields);
  switch (pegaState) {
    case 'Login': return withMode({ state: AgentState.NOT_READY, reasonCode: LOGIN_REASON });
    case 'Logout': return { state: AgentState.LOGGED_OUT };
    case 'Ready': return withMode({ state: py.pyWorkMode === 'ACW' ? AgentState.AFTER_CALL_WORK : AgentState.READY });
    case 'Busy': return withMode({ state: AgentState.BUSY, ...pendingOf(py) });
    case 'NotReady':
      if (py.pyWorkMode === 'ACW') return withMode({ state: AgentState.AFTER_CALL_WORK });
      return withMode({ state: AgentState.NOT_READY, reasonCode: reason ?? UNSPECIFIED_REASON });
    default: return invalid(`Unknown Pega agent state '${pegaState}'; expected one of Login, Ready, NotReady, `
      + 'Logout, Busy (Unknown has no canonical meaning)', { pyEventName: String(pegaState) });
  }
}

/** OpenCTI's extension to Pega's vocabulary (a Pega desktop ignores it): the state pending while Busy. */
function pendingOf(py) {
  const state = { Ready: AgentState.READY, NotReady: AgentState.NOT_READY, Logout: AgentState.LOGGED_OUT }[py.pyPendingState];
  if (!state) return {};
  return { pendingState: state, ...(str(py.pyPendingReasonCode) ? { pendingReasonCode: py.pyPendingReasonCode } : {}) };
}

function snapshotFields(py, context, at) {
  const agent = agentFields(py.pyAgentState, py);
  const calls = (Array.isArray(py.pyCalls) ? py.pyCalls : []).map(c => {
    const { name, ...call } = callFields({ ...c, pyEventName: c.pyCallState ?? c.pyEventName }, context);
    return { ...call, state: name, since: at, parties: parties(c.pyParties, context.device, call.ani) };
  }).filter(c => c.state !== ConnectionState.DISCONNECTED);
  return {
    agent: { ...agent, since: at },
    deviceMonitored: py.pyDeviceState === undefined ? agent.state !== AgentState.LOGGED_OUT : py.pyDeviceState === 'OPENED',
    linkState: py.pyLinkState === 'DISCONNECTED' ? LinkState.DISCONNECTED : LinkState.CONNECTED,
    calls, awaitingWrapUp: [],
  };
}

function callFields(py, context) {
  const callId = required(py, 'pyCallId');
  const known = context.call?.(callId);
  let name = CALL_STATES[py.pyEventName];
  if (!name) {
    invalid(`Unknown Pega call state '${py.pyEventName}' on call ${callId}; expected one of ${Object.keys(CALL_STATES).join(', ')}`,
      { callId, pyEventName: String(py.pyEventName) });
  }
  if (py.pyEventName === 'Alerting' && !known?.dialled) name = ConnectionState.OFFERING;
  const type = CALL_TYPES[String(py.pyCallType ?? '').toUpperCase()]
    ?? (name === ConnectionState.OFFERING ? CallType.INBOUND : CallType.OUTBOUND);
  const fields = {
    name, callId, conversationId: str(py.pyConversationId) ?? known?.conversationId ?? callId, callType: type,
    ...defined({ ani: str(py.pyANI), dnis: str(py.pyDNIS), otherDn: str(py.pyOtherDN), queue: str(py.pyQueue) }),
    callData: callData(py),
  };
  if (name === ConnectionState.DISCONNECTED) {
    fields.cause = py.pyEventName === 'Abandoned' ? DisconnectCause.ABANDONED
      : Object.values(DisconnectCause).includes(py.pyCause) ? py.pyCause : DisconnectCause.NORMAL;
  }
  return fields;
}

/** Pega's `pyParties` lists everyone on the call (this device too), each `{pyDN}`; role and state are extras. */
function parties(list, device, customerDn) {
  if (!Array.isArray(list)) return [];
  const states = Object.values(ConnectionState);
  return list.filter(p => str(p?.pyDN)).map(p => {
    const dn = str(p.pyDN);
    const role = ROLES[String(p.pyRole ?? '').toUpperCase()]
      ?? (dn === device ? PartyRole.AGENT : dn === customerDn ? PartyRole.CUSTOMER : PartyRole.THIRD_PARTY);
    return { dn, role, state: states.includes(p.pyState) ? p.pyState : ConnectionState.ESTABLISHED };
  });
}

function callData(py) {
  const source = py.pyNamedVariables && typeof py.pyNamedVariables === 'object' ? py.pyNamedVariables : {};
  return Object.fromEntries(Object.entries(source).filter(([k, v]) => k.trim() && v !== null && v !== undefined)
    .map(([k, v]) => [k, String(v)]));
}

// ---- events out --------------------------------------------------------------------------------------------

function pegaAgent(state, reasonCode, workMode, key) {
  const mode = PEGA_WORK_MODES[workMode] ? { pyWorkMode: PEGA_WORK_MODES[workMode] } : {};
  switch (state) {
    case AgentState.NOT_READY: return reasonCode === LOGIN_REASON ? { [key]: 'Login', ...mode }
      : { [key]: 'NotReady', pyReasonCode: reasonCode, ...mode };
    case AgentState.AFTER_CALL_WORK: return { [key]: 'NotReady', pyWorkMode: 'ACW' };
    case AgentState.LOGGED_OUT: return { [key]: 'Logout' };
    default: return { [key]: state, ...mode }; // Ready, Busy
  }
}

function pegaPending(event) {
  const state = { [AgentState.READY]: 'Ready', [AgentState.NOT_READY]: 'NotReady', [AgentState.LOGGED_OUT]: 'Logout' }[event.pendingState];
  return state ? { pyPendingState: state, ...(event.pendingReasonCode ? { pyPendingReasonCode: event.pendingReasonCode } : {}) } : {};
}

function pegaCall(call) {
  const name = call.name === ConnectionState.DISCONNECTED && call.cause === DisconnectCause.ABANDONED ? 'Abandoned' : call.name;
  return {
    pyEventName: name, pyCallId: call.callId, pyConversationId: call.conversationId, pyCallType: call.callType.toUpperCase(),
    ...defined({ pyANI: call.ani, pyDNIS: call.dnis, pyOtherDN: call.otherDn, pyQueue: call.queue }),
    ...(call.cause && name !== 'Abandoned' ? { pyCause: call.cause } : {}),
    pyNamedVariables: { ...call.callData },
  };
}

// ---- small helpers -----------------------------------------------------------------------------------------

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    return invalid(`a Pega event is not JSON (${error.message})`, {});
  }
}

function required(py, key) {
  const value = str(py[key]);
  if (!value) invalid(`${py.pyEventType} needs ${key} (a non-blank string), got ${JSON.stringify(py[key])}`, { key });
  return value;
}

function str(value) {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function defined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

function omit(object, key) {
  const { [key]: _, ...rest } = object;
  return rest;
}

function invalid(message, details) {
  throw new OpenCtiError(ErrorCode.OPENCTI_INVALID_EVENT, `Pega event refused: ${message}.`, details);
}
