/**
 * Canonical requests to CSTA services, and CSTA errors to OpenCTI codes: the browser's twin of the Java connector's
 * `RequestMapping` and `ErrorMapping`. Every check that can be made locally is made before anything is sent: the
 * call is known at the device, its state and leg allow the request (the state tables), and the arguments fit CSTA.
 * @module
 */
import { OpenCtiError } from '../../interface/errors.js';
import { Action, AgentState, ConnectionState, ConsultPurpose, ErrorCode } from '../../interface/states.js';
import { agentOutcome, makeCallStates } from '../../state/tables.js';

/** Digits with an optional leading '+', or a feature code starting with '*' or '#'. */
const DIALABLE = /^(?:\+?[0-9]{1,32}|[*#][0-9*#]{1,31})$/;
const CSTA_DTMF = /^[0-9*#A-D]{1,32}$/;
const CONSULT_OPTIONS = Object.freeze({
  [ConsultPurpose.CONSULT]: 'unrestricted', [ConsultPurpose.TRANSFER]: 'transferOnly', [ConsultPurpose.CONFERENCE]: 'conferenceOnly',
});

/**
 * @typedef {(b: import('./xml.js').XmlBuilder) => void} Body writes a request's children
 * @typedef {{send: {service: string, errorContext: string, body: Body}} | {done: true}} Plan
 *   what executing a request takes: one CSTA service, or nothing (already so, or local only)
 */

/**
 * The plan for `request` at `desk`; refuses with an OpenCtiError before anything is sent.
 * @param {import('./desk.js').Desk} desk
 * @param {Record<string, any>} r a flat canonical request (not `login`: the implementation logs on itself)
 * @returns {Plan}
 */
export function planRequest(desk, r) {
  const me = desk.device;
  switch (r.type) {
    case Action.LOGIN: throw new OpenCtiError(ErrorCode.OPENCTI_AGENT_LOGGED_IN,
      `Agent ${desk.agentId} is already logged in at device ${me}; log out first.`, { device: me });
    case Action.LOGOUT: return agent(desk, r.type, 'loggedOff', r.reasonCode);
    case Action.AGENT_READY: return agent(desk, r.type, 'ready', null, r.workMode);
    case Action.AGENT_NOT_READY:
      if (r.reasonCode === desk.reasonCode && desk.agentState === AgentState.NOT_READY && !r.workMode) return { done: true };
      return agent(desk, r.type, 'notReady', r.reasonCode, r.workMode);
    case Action.MAKE_CALL: {
      if (!makeCallStates().includes(desk.agentState)) {
        throw new OpenCtiError(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, `Cannot makeCall: agent ${desk.agentId} is ${desk.agentState}`, {});
      }
      const to = dialable(r.destination);
      return send('MakeCall', b => b.text('callingDevice', me).text('calledDirectoryNumber', to).text('autoOriginate', 'doNotPrompt')
        .privateData(r.callData, null));
    }
    case Action.ANSWER_CALL: return call(desk, r.type, r.callId, 'AnswerCall', 'callToBeAnswered');
    case Action.HANG_UP_CALL: {
      const plan = call(desk, r.type, r.callId, 'ClearConnection', 'connectionToBeCleared');
      desk.calls.get(r.callId).hangUpRequested = true; // so the clearing that follows reads as ours (Normal), not the remote's
      return plan;
    }
    case Action.HOLD_CALL: return call(desk, r.type, r.callId, 'HoldCall', 'callToBeHeld');
    case Action.RETRIEVE_CALL: return call(desk, r.type, r.callId, 'RetrieveCall', 'callToBeRetrieved');
    case Action.ALTERNATE_CALL: return pair(desk, r.type, r.heldCallId, r.activeCallId, 'AlternateCall');
    case Action.CONSULTATION_CALL: return consult(desk, r, ConsultPurpose.CONSULT);
    case Action.TRANSFER_INITIATE: return consult(desk, r, ConsultPurpose.TRANSFER);
    case Action.CONFERENCE_INITIATE: return consult(desk, r, ConsultPurpose.CONFERENCE);
    case Action.TRANSFER_COMPLETE: return pair(desk, r.type, r.heldCallId, r.activeCallId, 'TransferCall');
    case Action.CONFERENCE_COMPLETE: return pair(desk, r.type, r.heldCallId, r.activeCallId, 'ConferenceCall');
    case Action.BLIND_TRANSFER: {
      const c = desk.check(r.type, r.callId);
      const to = dialable(r.destination);
      return c.state === ConnectionState.OFFERING
        ? send('DeflectCall', b => b.connection('callToBeDiverted', r.callId, me).text('newDestination', to).privateData(r.callData, null))
        : send('SingleStepTransferCall', b => b.connection('activeCall', r.callId, me).text('transferredTo', to).privateData(r.callData, null));
    }
    case Action.DROP_PARTY: {
      const c = desk.check(r.type, r.callId);
      if (!c.parties.has(r.dn) || r.dn === me) {
        throw new OpenCtiError(ErrorCode.OPENCTI_BAD_REQUEST, `Cannot drop '${r.dn}' from call ${r.callId}: it is not another party `
          + `of the call; parties: ${[...c.parties.keys()].join(', ')}`, { callId: r.callId, dn: r.dn });
      }
      return send('ClearConnection', b => b.connection('connectionToBeCleared', r.callId, r.dn));
    }
    case Action.CANCEL_CONSULT: {
      const leg = desk.check(r.type, r.consultCallId);
      leg.hangUpRequested = true;
      return send('ReconnectCall', b => b.connection('heldCall', leg.relatedCallId, me).connection('activeCall', r.consultCallId, me));
    }
    case Action.SEND_DTMF: {
      desk.check(r.type, r.callId);
      const digits = String(r.digits).toUpperCase();
      if (!CSTA_DTMF.test(digits)) {
        throw new OpenCtiError(ErrorCode.OPENCTI_BAD_REQUEST, `DTMF digits '${r.digits}' cannot be sent over CSTA; expected 1 to 32 of `
          + '0-9, *, #, A-D', { digits: String(r.digits) });
      }
      return send('GenerateDigits', b => b.connection('connectionToSendDigits', r.callId, me).text('charactersToSend', digits));
    }
    case Action.SET_CALL_DATA:
      desk.check(r.type, r.callId);
      return send('AssociateData', b => b.connection('existingCall', r.callId, me).privateData(r.data, null));
    case Action.WRAP_UP:
      desk.wrapUp(r.callId);
      return { done: true };
    default: throw new OpenCtiError(ErrorCode.OPENCTI_BAD_REQUEST, `Unknown request type '${r.type}'; expected one of `
      + `${Object.values(Action).join(', ')}`, { type: String(r.type) });
  }
}

/**
 * SetAgentState loggedOn with the password as hexBinary of its UTF-8 bytes, as the schema types it (`demo` is
 * `64656D6F`).
 * @param {string} device @param {string} agentId @param {string} password
 * @returns {{service: string, errorContext: string, body: Body}}
 */
export function logOn(device, agentId, password) {
  const hex = [...new TextEncoder().encode(password)].map(byte => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
  return { service: 'SetAgentState', errorContext: 'SetAgentState:loggedOn',
    body: b => b.text('device', device).text('requestedAgentState', 'loggedOn').text('agentID', agentId).text('password', hex) };
}

/**
 * A CSTA error as an OpenCtiError, as DESIGN section 4 maps them: `invalidCallID`/`invalidConnectionID` ->
 * OPENCTI_UNKNOWN_CALL; `stateIncompatibility/*` -> OPENCTI_CF_INVALID_OBJECT_STATE (OPENCTI_AGENT_LOGGED_IN for a
 * logon: the agent or device is in use); `invalidDestination` -> OPENCTI_CF_INVALID_DESTINATION;
 * `invalidAgentPassword` -> OPENCTI_NOT_AUTHORIZED; anything else OPENCTI_CF_GENERIC_OPERATION with the CSTA text.
 * @param {{category: string, value: string, message: string | null}} error
 * @param {string} service the refused service; `SetAgentState:loggedOn` marks a logon
 * @returns {OpenCtiError}
 */
export function fromCstaError(error, service) {
  const code = {
    invalidCallID: ErrorCode.OPENCTI_UNKNOWN_CALL, invalidConnectionID: ErrorCode.OPENCTI_UNKNOWN_CALL,
    invalidDestination: ErrorCode.OPENCTI_CF_INVALID_DESTINATION, invalidCalledDevice: ErrorCode.OPENCTI_CF_INVALID_DESTINATION,
    invalidAgentPassword: ErrorCode.OPENCTI_NOT_AUTHORIZED,
  }[error.value] ?? (error.category === 'stateIncompatibility'
    ? (service === 'SetAgentState:loggedOn' ? ErrorCode.OPENCTI_AGENT_LOGGED_IN : ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE)
    : ErrorCode.OPENCTI_CF_GENERIC_OPERATION);
  return new OpenCtiError(code, `The CTI server refused ${service}: ${error.category}/${error.value}`
    + `${error.message ? ` - ${error.message}` : ''}`, { service, cstaError: `${error.category}/${error.value}` });
}

/**
 * The destination if a switch can dial it; else OPENCTI_CF_INVALID_DESTINATION naming what is accepted.
 * @param {string} destination
 * @returns {string}
 */
export function dialable(destination) {
  if (typeof destination === 'string' && DIALABLE.test(destination)) return destination;
  throw new OpenCtiError(ErrorCode.OPENCTI_CF_INVALID_DESTINATION, `Destination '${destination}' cannot be dialled over CSTA; `
    + "expected digits with an optional leading '+', or a feature code starting with '*' or '#'", { destination: String(destination) });
}

function agent(desk, action, requested, reasonCode, workMode) {
  const outcome = agentOutcome(desk.agentState, action);
  if ('error' in outcome) {
    throw new OpenCtiError(outcome.error, `Cannot ${action}: agent ${desk.agentId} is ${desk.agentState}`, { state: desk.agentState });
  }
  if ('same' in outcome && !workMode) return { done: true };
  const mode = { AutoIn: 'autoIn', ManualIn: 'manualIn' }[workMode];
  return send('SetAgentState', b => b.text('device', desk.device).text('requestedAgentState', requested)
    .privateData(null, reasonCode, mode));
}

function call(desk, action, callId, service, element) {
  desk.check(action, callId);
  return send(service, b => b.connection(element, callId, desk.device));
}

function pair(desk, action, held, active, service) {
  desk.check(action, held);
  desk.check(action, active);
  const state = desk.calls.get(held).state;
  if (state !== ConnectionState.HELD) {
    throw new OpenCtiError(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, `Cannot ${action}: call ${held} is ${state}, not Held`, { callId: held });
  }
  return send(service, b => b.connection('heldCall', held, desk.device).connection('activeCall', active, desk.device));
}

function consult(desk, r, purpose) {
  const primary = desk.check(r.type, r.callId);
  const to = dialable(r.destination);
  primary.requestedPurpose = purpose;
  return send('ConsultationCall', b => b.connection('existingCall', r.callId, desk.device).text('consultedDevice', to)
    .text('consultOptions', CONSULT_OPTIONS[purpose]).privateData(r.callData, null));
}

function send(service, body) {
  return { send: { service, errorContext: service, body } };
}
