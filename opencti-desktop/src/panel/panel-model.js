/**
 * The Call Control Panel's view model: a pure function from the desk state to what the panel shows and which
 * controls are enabled. Every call button is enabled from the call's `allowedActions` (the state table), never
 * from ad-hoc rules in the view; the telephony mode decides which groups of controls exist at all.
 * @module
 */
import { Action, AgentState, CallType, ConnectionState, LinkState, TelephonyMode } from '../interface/states.js';

/** The accessible name of each action's button: stable API, tests and Playwright locate buttons by them. */
export const BUTTON_NAMES = Object.freeze({
  [Action.ANSWER_CALL]: 'Answer',
  [Action.HANG_UP_CALL]: 'Hang up',
  [Action.HOLD_CALL]: 'Hold',
  [Action.RETRIEVE_CALL]: 'Retrieve',
  [Action.ALTERNATE_CALL]: 'Alternate',
  [Action.CONSULTATION_CALL]: 'Consult',
  [Action.TRANSFER_INITIATE]: 'Start transfer',
  [Action.TRANSFER_COMPLETE]: 'Complete transfer',
  [Action.BLIND_TRANSFER]: 'Blind transfer',
  [Action.CONFERENCE_INITIATE]: 'Conference',
  [Action.CONFERENCE_COMPLETE]: 'Complete conference',
  [Action.CANCEL_CONSULT]: 'Cancel consult',
  [Action.DROP_PARTY]: 'Drop party',
  [Action.SEND_DTMF]: 'Send DTMF',
  [Action.SET_CALL_DATA]: 'Set call data',
  [Action.MAKE_CALL]: 'Make call',
  [Action.WRAP_UP]: 'Wrap up',
  [Action.LOGOUT]: 'Log out',
});

/** The buttons of one call row, in display order. */
export const ROW_ACTIONS = Object.freeze([Action.HANG_UP_CALL, Action.HOLD_CALL, Action.RETRIEVE_CALL,
  Action.CONSULTATION_CALL, Action.TRANSFER_INITIATE, Action.CONFERENCE_INITIATE, Action.BLIND_TRANSFER]);
/** Actions that need the row's destination input. */
export const DIAL_ACTIONS = Object.freeze([Action.CONSULTATION_CALL, Action.TRANSFER_INITIATE,
  Action.CONFERENCE_INITIATE, Action.BLIND_TRANSFER]);
/** Actions on a pair of calls (held + active), shown once for the pair, not per row. */
export const PAIR_ACTIONS = Object.freeze([Action.ALTERNATE_CALL, Action.TRANSFER_COMPLETE,
  Action.CONFERENCE_COMPLETE, Action.CANCEL_CONSULT]);

const STATE_LABELS = Object.freeze({
  LoggedOut: 'Logged out', NotReady: 'Not ready', Ready: 'Ready', Busy: 'Busy', AfterCallWork: 'After-call work',
});

/**
 * @typedef {{id: string, label: string}} Code a reason or wrap-up code
 * @typedef {{action: string, name: string, enabled: boolean}} ButtonModel
 */

/**
 * Computes everything the panel draws.
 * @param {import('../state/store.js').DeskState} state
 * @param {{mode?: string, reasonCodes?: Code[], wrapUpCodes?: Code[], now?: number}} [options]
 * @returns {object} the view model (see the fields below; all plain data)
 */
export function panelModel(state, { mode = TelephonyMode.FULL, reasonCodes = [], wrapUpCodes = [], now = Date.now() } = {}) {
  const loggedIn = state.agent.state !== AgentState.LOGGED_OUT;
  const full = mode === TelephonyMode.FULL;
  const agentControl = mode !== TelephonyMode.SIMPLE;
  const calls = state.calls;
  return {
    loggedIn,
    linkLost: loggedIn && state.linkState !== LinkState.CONNECTED,
    linkState: state.linkState,
    agent: agentModel(state.agent, reasonCodes, loggedIn && agentControl, now),
    logout: { action: Action.LOGOUT, name: BUTTON_NAMES.logout, enabled: loggedIn },
    ringing: calls.filter(c => c.state === ConnectionState.OFFERING).map(call => ({
      callId: call.callId, ani: call.ani ?? call.otherDn ?? 'unknown number', queue: call.queue,
      callData: Object.entries(call.callData), customer: call.customer,
      answer: button(Action.ANSWER_CALL, full && call.allowedActions.includes(Action.ANSWER_CALL)),
    })),
    calls: calls.map(call => callModel(call, full, now)),
    pair: full ? pairModel(calls) : null,
    makeCall: button(Action.MAKE_CALL, full && loggedIn),
    wrapUps: state.awaitingWrapUp.map(ended => ({
      callId: ended.callId, title: `${ended.ani ?? ended.callId}${ended.queue ? ` (${ended.queue})` : ''}`,
      cause: ended.cause, codes: wrapUpCodes, wrapUp: button(Action.WRAP_UP, full),
    })),
  };
}

/**
 * Elapsed time since an ISO instant as `m:ss` or `h:mm:ss`: timers count from the server's `since`, so they
 * survive a reload.
 * @param {string | null | undefined} since
 * @param {number} now epoch milliseconds
 * @returns {string}
 */
export function elapsed(since, now) {
  if (!since) return '';
  const total = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The agent-state `<select>` value for a state: `Ready` or `NotReady:<reason>`.
 * @param {{state: string, reasonCode?: string}} agent
 * @returns {string}
 */
export function agentValue(agent) {
  return agent.state === AgentState.NOT_READY ? `NotReady:${agent.reasonCode ?? ''}` : agent.state;
}

function agentModel(agent, reasonCodes, enabled, now) {
  const options = [{ value: AgentState.READY, label: 'Ready' },
    ...reasonCodes.map(code => ({ value: `NotReady:${code.id}`, label: `Not ready: ${code.label}` }))];
  const current = agentValue(agent);
  if (!options.some(o => o.value === current)) {
    const label = agent.state === AgentState.NOT_READY
      ? `Not ready: ${agent.reasonCode}` : STATE_LABELS[agent.state] ?? agent.state;
    options.unshift({ value: current, label, disabled: true });
  }
  const pendingReason = reasonCodes.find(c => c.id === agent.pendingReasonCode)?.label ?? agent.pendingReasonCode;
  return {
    state: agent.state, label: STATE_LABELS[agent.state] ?? agent.state, since: agent.since,
    elapsed: elapsed(agent.since, now), value: current, options, enabled,
    pending: agent.pendingState
      ? `Next: ${STATE_LABELS[agent.pendingState] ?? agent.pendingState}${pendingReason ? ` (${pendingReason})` : ''}` : '',
  };
}

function callModel(call, full, now) {
  const allowed = a => full && call.allowedActions.includes(a);
  // On an outbound call the ANI is this agent's own extension: name the call after the number dialled.
  const far = call.callType === CallType.OUTBOUND ? call.dnis ?? call.otherDn : call.ani ?? call.otherDn;
  const who = call.customer?.name ?? far ?? call.dnis ?? call.callId;
  return {
    callId: call.callId, state: call.state, since: call.since, elapsed: elapsed(call.since, now),
    title: `${call.callType} call ${who}`, queue: call.queue, customer: call.customer,
    callData: Object.entries(call.callData),
    buttons: ROW_ACTIONS.map(a => button(a, allowed(a))),
    dial: DIAL_ACTIONS.some(allowed),
    dtmf: button(Action.SEND_DTMF, allowed(Action.SEND_DTMF)),
    setCallData: button(Action.SET_CALL_DATA, allowed(Action.SET_CALL_DATA)),
    parties: call.parties.map(p => ({ ...p, drop: { ...button(Action.DROP_PARTY, allowed(Action.DROP_PARTY)),
      name: `Drop party ${p.dn}` } })),
  };
}

/** The held call and the active one of a consult (or of two unrelated calls), with the pair buttons. */
function pairModel(calls) {
  const held = calls.find(c => c.state === ConnectionState.HELD);
  const active = held && (calls.find(c => c.callId === held.relatedCallId && c.state !== ConnectionState.HELD)
    ?? calls.find(c => c !== held && c.state !== ConnectionState.HELD && c.state !== ConnectionState.OFFERING));
  if (!held || !active) return null;
  const both = a => held.allowedActions.includes(a) && active.allowedActions.includes(a);
  const consultLeg = [held, active].find(c => c.allowedActions.includes(Action.CANCEL_CONSULT));
  return {
    heldCallId: held.callId, activeCallId: active.callId, consultCallId: consultLeg?.callId,
    buttons: [
      button(Action.ALTERNATE_CALL, both(Action.ALTERNATE_CALL)),
      button(Action.TRANSFER_COMPLETE, both(Action.TRANSFER_COMPLETE)),
      button(Action.CONFERENCE_COMPLETE, both(Action.CONFERENCE_COMPLETE)),
      button(Action.CANCEL_CONSULT, Boolean(consultLeg)),
    ],
  };
}

function button(action, enabled) {
  return { action, name: BUTTON_NAMES[action], enabled: Boolean(enabled) };
}
