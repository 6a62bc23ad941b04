/**
 * The checks every request passes before it reaches an implementation, in this order: the telephony mode
 * allows it, its arguments are well formed (the same rules as the Java records), and the current state allows
 * it (`state-tables.json` and the calls' `allowedActions`). Each failure is an {@link OpenCtiError} whose
 * message says what was wrong, the value, and what is accepted.
 * @module
 */
import { OpenCtiError } from './errors.js';
import { Action, AgentState, ConnectionState, ErrorCode, LinkState, TelephonyMode, WorkMode } from './states.js';
import { agentOutcome, legOf, makeCallStates, statesAllowing, tableActions } from '../state/tables.js';

export const DESTINATION = /^\+?[0-9*#]{1,32}$/;
export const DESTINATION_ACCEPTED =
  "1 to 32 digits, '*' or '#', with an optional leading '+' (an extension, an external number or a queue DNIS)";
export const DTMF = /^[0-9*#A-Da-d]{1,64}$/;
export const DTMF_ACCEPTED = '1 to 64 DTMF characters: 0-9, *, #, A-D';
const MAX_CALL_DATA_ENTRIES = 64;
const MAX_CALL_DATA_VALUE = 4096;
const MAX_NOTES = 4000;

const AGENT_ACTIONS = [Action.LOGIN, Action.LOGOUT, Action.AGENT_READY, Action.AGENT_NOT_READY];

/** The requests each telephony mode accepts. */
export const MODE_ACTIONS = Object.freeze({
  [TelephonyMode.SIMPLE]: Object.freeze([Action.LOGIN, Action.LOGOUT]),
  [TelephonyMode.SIMPLE_AGENT_STATE]: Object.freeze([...AGENT_ACTIONS]),
  [TelephonyMode.FULL]: Object.freeze(Object.values(Action)),
});

/** Which fields of a call-scoped request name calls, and the role each plays. */
const CALL_FIELDS = Object.freeze({
  [Action.ALTERNATE_CALL]: ['heldCallId', 'activeCallId'],
  [Action.TRANSFER_COMPLETE]: ['heldCallId', 'activeCallId'],
  [Action.CONFERENCE_COMPLETE]: ['heldCallId', 'activeCallId'],
  [Action.CANCEL_CONSULT]: ['consultCallId'],
});

/** Argument rules per request: each gets the flat request and throws on the first bad field. */
const ARGUMENTS = Object.freeze({
  [Action.LOGIN]: r => {
    nonBlank(r, 'agentId');
    if (typeof r.password !== 'string') bad('password', r.password, 'a string');
    optional(r, 'extension', () => destination(r, 'extension'));
    optional(r, 'options', () => loginOptions(r.options));
  },
  [Action.LOGOUT]: r => optional(r, 'reasonCode', () => nonBlank(r, 'reasonCode')),
  [Action.AGENT_READY]: r => optional(r, 'workMode', () => oneOf(r, 'workMode', Object.values(WorkMode))),
  [Action.AGENT_NOT_READY]: r => {
    nonBlank(r, 'reasonCode');
    optional(r, 'workMode', () => oneOf(r, 'workMode', Object.values(WorkMode)));
  },
  [Action.MAKE_CALL]: r => { destination(r, 'destination'); optional(r, 'callData', () => callData(r, 'callData')); },
  [Action.ANSWER_CALL]: r => nonBlank(r, 'callId'),
  [Action.HANG_UP_CALL]: r => nonBlank(r, 'callId'),
  [Action.HOLD_CALL]: r => nonBlank(r, 'callId'),
  [Action.RETRIEVE_CALL]: r => nonBlank(r, 'callId'),
  [Action.ALTERNATE_CALL]: r => twoCalls(r),
  [Action.CONSULTATION_CALL]: r => dial(r),
  [Action.TRANSFER_INITIATE]: r => dial(r),
  [Action.TRANSFER_COMPLETE]: r => twoCalls(r),
  [Action.BLIND_TRANSFER]: r => dial(r),
  [Action.CONFERENCE_INITIATE]: r => dial(r),
  [Action.CONFERENCE_COMPLETE]: r => twoCalls(r),
  [Action.DROP_PARTY]: r => { nonBlank(r, 'callId'); destination(r, 'dn'); },
  [Action.CANCEL_CONSULT]: r => nonBlank(r, 'consultCallId'),
  [Action.SEND_DTMF]: r => {
    nonBlank(r, 'callId');
    if (typeof r.digits !== 'string' || !DTMF.test(r.digits)) bad('digits', r.digits, DTMF_ACCEPTED);
  },
  [Action.SET_CALL_DATA]: r => {
    nonBlank(r, 'callId');
    if (r.data === undefined) bad('data', r.data, 'an object of string keys to string values');
    callData(r, 'data');
  },
  [Action.WRAP_UP]: r => {
    nonBlank(r, 'callId');
    nonBlank(r, 'wrapUpCode');
    optional(r, 'notes', () => {
      if (typeof r.notes !== 'string') bad('notes', r.notes, 'a string');
      if (r.notes.length > MAX_NOTES) {
        throw badRequest(`notes are ${r.notes.length} characters long; at most ${MAX_NOTES} are accepted`,
          { field: 'notes', length: String(r.notes.length), path: '$.notes' });
      }
    });
  },
});

/**
 * Builds the flat wire request and checks its arguments.
 * @param {string} action the request name
 * @param {Record<string, unknown>} fields the arguments by wire name; undefined ones are left out
 * @returns {Record<string, unknown>} `{type: action, ...fields}`
 * @throws {OpenCtiError} OPENCTI_BAD_REQUEST
 */
export function buildRequest(action, fields) {
  if (!Object.hasOwn(FIELDS, action)) {
    throw badRequest(`Unknown request type ${show(action)}; expected one of ${Object.keys(FIELDS).join(', ')}`,
      { type: String(action), path: '$.type' });
  }
  const request = { type: action };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (!FIELDS[action].includes(key)) {
      throw badRequest(`${action} has no field '${key}'; its fields are ${FIELDS[action].join(', ') || 'none'}`,
        { field: key, path: '$' });
    }
    request[key] = value;
  }
  ARGUMENTS[action](request);
  return request;
}

/** The fields of each request, in the order of DESIGN section 3. */
export const FIELDS = Object.freeze({
  [Action.LOGIN]: ['agentId', 'password', 'extension', 'options'],
  [Action.LOGOUT]: ['reasonCode'],
  [Action.AGENT_READY]: ['workMode'],
  [Action.AGENT_NOT_READY]: ['reasonCode', 'workMode'],
  [Action.MAKE_CALL]: ['destination', 'callData'],
  [Action.ANSWER_CALL]: ['callId'],
  [Action.HANG_UP_CALL]: ['callId'],
  [Action.HOLD_CALL]: ['callId'],
  [Action.RETRIEVE_CALL]: ['callId'],
  [Action.ALTERNATE_CALL]: ['heldCallId', 'activeCallId'],
  [Action.CONSULTATION_CALL]: ['callId', 'destination', 'callData'],
  [Action.TRANSFER_INITIATE]: ['callId', 'destination', 'callData'],
  [Action.TRANSFER_COMPLETE]: ['heldCallId', 'activeCallId'],
  [Action.BLIND_TRANSFER]: ['callId', 'destination', 'callData'],
  [Action.CONFERENCE_INITIATE]: ['callId', 'destination', 'callData'],
  [Action.CONFERENCE_COMPLETE]: ['heldCallId', 'activeCallId'],
  [Action.DROP_PARTY]: ['callId', 'dn'],
  [Action.CANCEL_CONSULT]: ['consultCallId'],
  [Action.SEND_DTMF]: ['callId', 'digits'],
  [Action.SET_CALL_DATA]: ['callId', 'data'],
  [Action.WRAP_UP]: ['callId', 'wrapUpCode', 'notes'],
});

/**
 * Refuses a request the telephony mode does not offer.
 * @param {Record<string, unknown>} request
 * @param {string} mode
 * @throws {OpenCtiError} OPENCTI_NOT_AUTHORIZED
 */
export function checkMode(request, mode) {
  if (MODE_ACTIONS[mode].includes(request.type)) return;
  const needs = Object.keys(MODE_ACTIONS).filter(m => MODE_ACTIONS[m].includes(request.type)).join(' or ');
  throw new OpenCtiError(ErrorCode.OPENCTI_NOT_AUTHORIZED,
    `${request.type} is not available in telephony mode '${mode}'; it needs mode ${needs}.`,
    { action: request.type, mode });
}

/**
 * Refuses a request the current state does not allow, before any side effect.
 * @param {Record<string, any>} request
 * @param {import('../state/store.js').DeskState} state
 * @throws {OpenCtiError}
 */
export function checkState(request, state) {
  const action = request.type;
  const agentState = state.agent.state;
  if (AGENT_ACTIONS.includes(action)) {
    const outcome = agentOutcome(agentState, action);
    if ('error' in outcome) {
      throw new OpenCtiError(outcome.error, `Cannot ${action}: the agent is ${agentState}; `
        + (outcome.error === ErrorCode.OPENCTI_AGENT_LOGGED_IN ? 'log out first.' : 'log in first.'),
      { action, agentState });
    }
    return;
  }
  if (agentState === AgentState.LOGGED_OUT) {
    throw new OpenCtiError(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN,
      `Cannot ${action}: the agent is LoggedOut; log in first.`, { action, agentState });
  }
  if (state.linkState === LinkState.DISCONNECTED) {
    throw new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN,
      `Cannot ${action}: the CTI link is Disconnected; retry when it is Connected again.`,
      { action, linkState: state.linkState });
  }
  if (action === Action.MAKE_CALL) {
    if (!makeCallStates().includes(agentState)) {
      throw new OpenCtiError(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, `Cannot makeCall: the agent is ${agentState}; `
        + `makeCall needs ${makeCallStates().join(' or ')}.`, { action, agentState });
    }
    return;
  }
  if (action === Action.WRAP_UP) {
    const awaiting = state.awaitingWrapUp.some(c => c.callId === request.callId)
      || state.calls.some(c => c.callId === request.callId && c.allowedActions.includes(Action.WRAP_UP));
    if (!awaiting) {
      const waiting = state.awaitingWrapUp.map(c => c.callId).join(', ') || 'none';
      throw new OpenCtiError(ErrorCode.OPENCTI_UNKNOWN_CALL, `Cannot wrapUp call ${request.callId}: it does not await `
        + `wrap-up; calls awaiting wrap-up: ${waiting}.`, { action, callId: request.callId });
    }
    return;
  }
  const fields = CALL_FIELDS[action] ?? ['callId'];
  for (const field of fields) checkCall(action, request[field], field, state.calls);
  if (fields.includes('heldCallId')) checkPair(action, request, state.calls);
}

function checkCall(action, callId, field, calls) {
  const call = calls.find(c => c.callId === callId);
  if (!call) {
    const known = calls.map(c => `${c.callId} (${c.state})`).join(', ') || 'none';
    throw new OpenCtiError(ErrorCode.OPENCTI_UNKNOWN_CALL,
      `Cannot ${action}: no call ${callId} at this device (${field}); known calls: ${known}.`,
      { action, callId, field });
  }
  const leg = legOf(call, calls);
  const allowed = call.allowedActions.length > 0 ? call.allowedActions : tableActions(call.state, leg);
  if (allowed.includes(action)) return;
  const needs = statesAllowing(action, leg);
  const where = leg === 'only' || leg === 'other' ? '' : ` (${leg} leg)`;
  throw new OpenCtiError(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE,
    `Cannot ${action} call ${callId}: it is ${call.state}${where}; ${action} `
      + (needs.length ? `needs ${needs.join(' or ')}.` : 'is not allowed on such a call.'),
    { callId, state: call.state, leg, action });
}

/** The held call of a two-call request must be the Held one, and the active one must not be. */
function checkPair(action, request, calls) {
  const held = calls.find(c => c.callId === request.heldCallId);
  const active = calls.find(c => c.callId === request.activeCallId);
  if (held.state !== ConnectionState.HELD || active.state === ConnectionState.HELD) {
    throw new OpenCtiError(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE,
      `Cannot ${action}: heldCallId ${held.callId} is ${held.state} and activeCallId ${active.callId} is `
        + `${active.state}; heldCallId must name the Held call and activeCallId the other one.`,
      { action, heldCallId: held.callId, heldState: held.state, activeCallId: active.callId, activeState: active.state });
  }
}

function dial(r) {
  nonBlank(r, 'callId');
  destination(r, 'destination');
  optional(r, 'callData', () => callData(r, 'callData'));
}

function twoCalls(r) {
  nonBlank(r, 'heldCallId');
  nonBlank(r, 'activeCallId');
  if (r.heldCallId === r.activeCallId) {
    throw badRequest(`heldCallId and activeCallId must differ, both are '${r.heldCallId}'`,
      { heldCallId: r.heldCallId, activeCallId: r.activeCallId, path: '$' });
  }
}

function loginOptions(options) {
  if (typeof options !== 'object' || Array.isArray(options)) bad('options', options, 'an object {clientSide?, mode?}');
  for (const key of Object.keys(options)) {
    if (!['clientSide', 'mode'].includes(key)) bad(`options.${key}`, options[key], 'no such option; known: clientSide, mode');
  }
  if (options.clientSide !== undefined && typeof options.clientSide !== 'boolean') {
    bad('options.clientSide', options.clientSide, 'true or false');
  }
  if (options.mode !== undefined) oneOf(options, 'mode', Object.values(TelephonyMode), 'options.mode');
}

function callData(r, field) {
  const data = r[field];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    bad(field, data, 'an object of string keys to string values');
  }
  const entries = Object.entries(data);
  if (entries.length > MAX_CALL_DATA_ENTRIES) {
    throw badRequest(`${field} has ${entries.length} entries; at most ${MAX_CALL_DATA_ENTRIES} are accepted`,
      { field, entries: String(entries.length), path: `$.${field}` });
  }
  for (const [key, value] of entries) {
    if (!key.trim()) throw badRequest(`${field} keys must be non-blank strings, got '${key}'`, { field, path: `$.${field}` });
    if (typeof value !== 'string') bad(`${field}.${key}`, value, 'a string');
    if (value.length > MAX_CALL_DATA_VALUE) {
      throw badRequest(`${field}.${key} is ${value.length} characters long; at most ${MAX_CALL_DATA_VALUE} are accepted`,
        { field: `${field}.${key}`, length: String(value.length), path: `$.${field}.${key}` });
    }
  }
}

function destination(r, field) {
  if (typeof r[field] !== 'string' || !DESTINATION.test(r[field])) bad(field, r[field], DESTINATION_ACCEPTED);
}

function nonBlank(r, field) {
  if (typeof r[field] !== 'string' || !r[field].trim()) {
    throw badRequest(`${field} must be a non-blank string, got ${show(r[field])}`,
      { field, path: r[field] === undefined ? '$' : `$.${field}` });
  }
}

function oneOf(r, field, values, label = field) {
  if (!values.includes(r[field])) bad(label, r[field], `one of ${values.join(', ')}`);
}

function optional(r, field, check) {
  if (r[field] !== undefined) check();
}

function bad(field, value, accepted) {
  throw badRequest(`${field} ${show(value)} is not valid; expected ${accepted}`,
    { field, path: value === undefined ? '$' : `$.${field}` });
}

function badRequest(message, details) {
  return new OpenCtiError(ErrorCode.OPENCTI_BAD_REQUEST, message, details);
}

function show(value) {
  if (value === undefined || value === null) return String(value);
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}
