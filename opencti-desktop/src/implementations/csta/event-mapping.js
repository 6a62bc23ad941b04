/**
 * CSTA events to canonical events, for one agent's desk: the one place in the browser where ECMA-323 call and agent
 * events become OpenCTI's, with ONE rule per CSTA event (`RULES`). It mirrors the Java connector's `EventMapping`,
 * and the shared golden vectors (`opencti-connector-csta/src/test/resources/vectors`) hold both to the same output.
 * The rules of DESIGN section 3 live here: a remote party holding or leaving changes `parties` only; after a transfer
 * or conference a remaining party whose call id changed gets a CallStateEvent with `replacesCallId`; the
 * transferring agent gets `Disconnected` with cause `Transferred` for both legs; a FailedEvent and the clearing
 * after it make one `Disconnected`.
 * @module
 */
import { AgentState, CallType, ConnectionState, ConsultPurpose, DisconnectCause, EventType } from '../../interface/states.js';
import { defined, newCall } from './desk.js';

/**
 * The canonical events `event` means at `desk`; updates the desk.
 * @param {import('./desk.js').Desk} desk
 * @param {import('./decoder.js').CstaEvent} event
 * @param {string} at the event time (ISO, three fractional digits)
 * @returns {object[]} canonical events without `seq`
 */
export function applyEvent(desk, event, at) {
  const out = [];
  RULES[event.kind](desk, event, at, out);
  return out;
}

/** One conversion rule per CSTA event. */
const RULES = Object.freeze({
  ServiceInitiated(desk, e, at) {
    const call = callAt(desk, e.connection, at, CallType.OUTBOUND, ConnectionState.INITIATED);
    if (e.cause === 'consultation') linkConsultLeg(desk, call);
  },
  Originated(desk, e, at, out) {
    const call = callAt(desk, e.connection, at, CallType.OUTBOUND, ConnectionState.INITIATED);
    call.callType = desk.directory.typeOfOutgoing(e.calledDevice);
    call.ani = e.callingDevice ?? desk.device;
    call.dnis = e.calledDevice;
    call.otherDn = e.calledDevice;
    if (!call.parties.has(desk.device)) call.parties.set(desk.device, ConnectionState.INITIATED);
    if (e.cause === 'consultation' && !call.consultPurpose) linkConsultLeg(desk, call);
    out.push(desk.stateEvent(call, at));
    desk.refreshOthers(call, at, out);
  },
  Delivered(desk, e, at, out) {
    if (desk.device === e.connection.deviceId) offered(desk, e, at, out);
    else farEndRings(desk, e.connection, e.callData, at, out);
  },
  Established(desk, e, at, out) {
    let call = desk.calls.get(e.connection.callId);
    if (desk.device === e.connection.deviceId) {
      call ??= incoming(desk, e.connection.callId, e, at);
      if (e.callingDevice && e.callingDevice !== desk.device) call.parties.set(e.callingDevice, ConnectionState.ESTABLISHED);
      call.parties.set(desk.device, ConnectionState.ESTABLISHED);
      if (nonEmpty(e.callData)) call.callData = { ...e.callData };
      moveTo(desk, call, ConnectionState.ESTABLISHED, at, out);
      return;
    }
    if (!call) return;
    if (nonEmpty(e.callData)) call.callData = { ...e.callData };
    call.parties.set(e.connection.deviceId, ConnectionState.ESTABLISHED);
    if (call.state === ConnectionState.INITIATED || call.state === ConnectionState.ALERTING) moveTo(desk, call, ConnectionState.ESTABLISHED, at, out);
    else out.push(desk.partyEvent(call, at));
  },
  Held(desk, e, at, out) {
    const call = desk.calls.get(e.connection.callId);
    if (!call) return;
    call.parties.set(e.connection.deviceId, ConnectionState.HELD);
    if (desk.device !== e.connection.deviceId) {
      out.push(desk.partyEvent(call, at));
      return;
    }
    if (e.cause === 'consultation') {
      call.consultPurpose = call.requestedPurpose ?? ConsultPurpose.CONSULT;
      call.consultLeg = false;
      call.awaitingConsultLeg = true;
    }
    moveTo(desk, call, ConnectionState.HELD, at, out);
  },
  Retrieved(desk, e, at, out) {
    const call = desk.calls.get(e.connection.callId);
    if (!call) return;
    call.parties.set(e.connection.deviceId, ConnectionState.ESTABLISHED);
    if (desk.device === e.connection.deviceId) moveTo(desk, call, ConnectionState.ESTABLISHED, at, out);
    else out.push(desk.partyEvent(call, at));
  },
  ConnectionCleared(desk, e, at, out) {
    const call = desk.calls.get(e.connection.callId);
    if (!call) return;
    if (desk.device === e.connection.deviceId) {
      desk.end(call, clearingCause(call, e.cause), at, out);
      return;
    }
    call.parties.delete(e.connection.deviceId);
    call.remoteLeft = true;
    // In a two-party call the switch clears us next; a PartyInfo first would only be noise.
    if (call.parties.size >= 2) out.push(desk.partyEvent(call, at));
  },
  CallCleared(desk, e, at, out) {
    const call = desk.calls.get(e.callId);
    if (call) desk.end(call, clearingCause(call, e.cause), at, out);
  },
  Transferred(desk, e, at, out) {
    if (desk.device === e.transferringDevice) {
      // Both legs leave together: take both off the device first, so neither is re-announced in between.
      const legs = [e.primaryOldCall, e.secondaryOldCall].map(old => {
        const call = old ? desk.calls.get(old.callId) : undefined;
        if (call) desk.calls.delete(old.callId);
        return call;
      }).filter(Boolean);
      for (const leg of legs) {
        unlink(leg);
        desk.calls.set(leg.callId, leg);
        desk.end(leg, DisconnectCause.TRANSFERRED, at, out);
      }
      return;
    }
    rejoined(desk, e.connections, e.localState, e.callData, at, out);
  },
  Conferenced(desk, e, at, out) {
    if (desk.device === e.conferencingDevice && e.primaryOldCall && e.secondaryOldCall) {
      const primary = desk.calls.get(e.primaryOldCall.callId);
      const secondary = desk.calls.get(e.secondaryOldCall.callId);
      desk.calls.delete(e.secondaryOldCall.callId);
      if (primary && secondary) {
        // Our consult leg merged into the primary call: one event with replacesCallId, no Disconnected for it.
        unlink(primary);
        primary.parties = partiesOf(e.connections, desk.device, ConnectionState.ESTABLISHED);
        if (nonEmpty(e.callData)) primary.callData = { ...e.callData };
        primary.state = ConnectionState.ESTABLISHED;
        primary.since = at;
        out.push(desk.stateEvent(primary, at, null, secondary.callId));
        out.push(desk.partyEvent(primary, at));
        desk.refreshOthers(primary, at, out);
        return;
      }
      if (secondary) desk.calls.set(secondary.callId, secondary);
    }
    rejoined(desk, e.connections, e.localState, e.callData, at, out);
  },
  Diverted(desk, e, at, out) {
    const call = desk.calls.get(e.connection.callId);
    if (!call) return;
    if (desk.device === e.connection.deviceId) {
      desk.end(call, e.cause === 'callNotAnswered' ? DisconnectCause.NO_ANSWER : DisconnectCause.REDIRECTED, at, out);
      return;
    }
    call.parties.delete(e.connection.deviceId);
    if (e.newDestination) call.parties.set(e.newDestination, ConnectionState.OFFERING);
    if (!desk.directory.isQueue(e.newDestination)) out.push(desk.partyEvent(call, at));
  },
  Failed(desk, e) {
    const call = desk.calls.get(e.connection.callId);
    if (call) call.failure = FAILURES[e.cause ?? ''] ?? DisconnectCause.FAILED;
  },
  Queued(desk, e, at, out) {
    desk.directory.queueSeen(e.queue);
    const call = desk.calls.get(e.connection.callId);
    if (call?.state === ConnectionState.INITIATED) moveTo(desk, call, ConnectionState.ALERTING, at, out);
  },
  CallInformation(desk, e, at, out) {
    const call = desk.calls.get(e.connection.callId);
    if (!call) return;
    call.callData = { ...e.callData };
    out.push({ type: EventType.CALL_INFO, name: 'CallInfo', ...desk.header(at), callId: call.callId, callData: { ...call.callData } });
  },
  AgentChanged(desk, e, at, out) {
    const state = AGENT_STATES[e.change];
    if (!state) return; // logged on: the switch follows with AgentNotReady (reason login), and that is the event
    const reason = state === AgentState.NOT_READY ? e.reasonCode ?? 'unspecified' : null;
    const pending = agentStateOf(e.pendingAgentState);
    const pendingReason = pending ? e.pendingReasonCode ?? null : null;
    if (state === desk.agentState && reason === desk.reasonCode && pending === desk.pendingState
      && pendingReason === desk.pendingReasonCode) return;
    const previous = desk.agentState;
    if (state !== previous) desk.agentSince = at;
    Object.assign(desk, { agentState: state, reasonCode: reason, pendingState: pending, pendingReasonCode: pendingReason });
    out.push(agentEvent(desk, state, reason, previous, pending, pendingReason, at));
  },
});

const FAILURES = Object.freeze({
  busy: DisconnectCause.BUSY, callNotAnswered: DisconnectCause.NO_ANSWER, noAnswer: DisconnectCause.NO_ANSWER,
  callRejected: DisconnectCause.REJECTED, rejected: DisconnectCause.REJECTED,
});

const AGENT_STATES = Object.freeze({
  LOGGED_ON: null, LOGGED_OFF: AgentState.LOGGED_OUT, READY: AgentState.READY, NOT_READY: AgentState.NOT_READY,
  BUSY: AgentState.BUSY, WORKING_AFTER_CALL: AgentState.AFTER_CALL_WORK,
});

/**
 * An ECMA-323 agent state (`agentNotReady`, `notReady`, ...) as a canonical one; null when absent or unknown.
 * @param {string | null | undefined} csta
 * @returns {string | null}
 */
export function agentStateOf(csta) {
  return ({
    agentNull: AgentState.LOGGED_OUT, loggedOff: AgentState.LOGGED_OUT, agentNotReady: AgentState.NOT_READY,
    notReady: AgentState.NOT_READY, agentReady: AgentState.READY, ready: AgentState.READY, agentBusy: AgentState.BUSY,
    busy: AgentState.BUSY, agentWorkingAfterCall: AgentState.AFTER_CALL_WORK, workingAfterCall: AgentState.AFTER_CALL_WORK,
  })[csta ?? ''] ?? null;
}

/**
 * A connection state (`localConnectionInfo` / `localConnectionState`) as a party state; `fallback` when absent or
 * unknown. `queued` reads as ringing: the party waits to be answered.
 * @param {string | null | undefined} csta @param {string} fallback
 * @returns {string}
 */
export function partyStateOf(csta, fallback) {
  return ({
    initiated: ConnectionState.INITIATED, alerting: ConnectionState.OFFERING, queued: ConnectionState.OFFERING,
    connected: ConnectionState.ESTABLISHED, hold: ConnectionState.HELD, null: ConnectionState.DISCONNECTED, fail: ConnectionState.DISCONNECTED,
  })[csta ?? ''] ?? fallback;
}

/**
 * The AgentStateEvent for a pending state the switch reported in a SetAgentStateResponse (no event carries it yet);
 * none when nothing changed.
 * @param {import('./desk.js').Desk} desk @param {string | null} pending @param {string | null} pendingReason @param {string} at
 * @returns {object[]}
 */
export function pendingEvents(desk, pending, pendingReason, at) {
  if (pending === desk.pendingState && pendingReason === desk.pendingReasonCode) return [];
  desk.pendingState = pending;
  desk.pendingReasonCode = pending ? pendingReason : null;
  return [agentEvent(desk, desk.agentState, desk.agentState === AgentState.NOT_READY ? desk.reasonCode : null, desk.agentState,
    pending, desk.pendingReasonCode, at)];
}

function agentEvent(desk, state, reasonCode, previous, pendingState, pendingReasonCode, at) {
  return { type: EventType.AGENT_STATE, name: state, ...desk.header(at),
    ...defined({ reasonCode, previous, pendingState, pendingReasonCode }) };
}

function callAt(desk, connection, at, type, state) {
  let call = desk.calls.get(connection.callId);
  if (!call) {
    call = newCall(connection.callId, desk.directory.conversationOf(connection.callId), type, state, at);
    call.parties.set(desk.device, state);
    desk.calls.set(connection.callId, call);
  }
  return call;
}

/** The consult leg just made at this device belongs to the held call that awaits it. */
function linkConsultLeg(desk, leg) {
  for (const primary of desk.calls.values()) {
    if (primary === leg || !primary.awaitingConsultLeg) continue;
    primary.awaitingConsultLeg = false;
    primary.relatedCallId = leg.callId;
    Object.assign(leg, { relatedCallId: primary.callId, consultPurpose: primary.consultPurpose, consultLeg: true,
      conversationId: primary.conversationId });
    desk.directory.linkConversation(leg.callId, primary.conversationId);
    return;
  }
}

function offered(desk, e, at, out) {
  let call = desk.calls.get(e.connection.callId);
  if (call?.state === ConnectionState.OFFERING && call.published) {
    if (nonEmpty(e.callData)) call.callData = { ...e.callData };
    return;
  }
  desk.awaitingWrapUp.clear(); // the next offer ends the wait for the previous call's wrap-up
  call ??= incoming(desk, e.connection.callId, e, at);
  moveTo(desk, call, ConnectionState.OFFERING, at, out);
}

function incoming(desk, callId, { callingDevice, calledDevice, lastRedirectionDevice, cause, callData }, at) {
  const { directory } = desk;
  const acd = cause === 'distributed';
  if (acd) directory.queueSeen(lastRedirectionDevice);
  const type = cause === 'consultation' ? CallType.CONSULT : directory.typeOfIncoming(callingDevice);
  const call = newCall(callId, directory.conversationOf(callId), type, ConnectionState.OFFERING, at);
  Object.assign(call, { acd, ani: callingDevice, dnis: calledDevice, otherDn: callingDevice, callData: { ...callData },
    queue: acd ? directory.queueName(lastRedirectionDevice) : directory.isQueue(calledDevice) ? directory.queueName(calledDevice) : null });
  if (callingDevice && callingDevice !== desk.device) call.parties.set(callingDevice, ConnectionState.ESTABLISHED);
  call.parties.set(desk.device, ConnectionState.OFFERING);
  desk.calls.set(callId, call);
  return call;
}

function farEndRings(desk, connection, callData, at, out) {
  const call = desk.calls.get(connection.callId);
  if (!call) return;
  if (nonEmpty(callData)) call.callData = { ...callData };
  call.parties.set(connection.deviceId, ConnectionState.OFFERING);
  if (call.state === ConnectionState.INITIATED) moveTo(desk, call, ConnectionState.ALERTING, at, out);
  else out.push(desk.partyEvent(call, at));
}

function moveTo(desk, call, state, at, out) {
  if (call.state !== state) call.since = at;
  call.state = state;
  // parties hold connection states: while the far end rings, our own connection is already connected.
  call.parties.set(desk.device, state === ConnectionState.ALERTING ? ConnectionState.ESTABLISHED : state);
  out.push(desk.stateEvent(call, at));
  desk.refreshOthers(call, at, out);
}

/** Why our connection was cleared, from what we saw before and the CSTA cause. */
function clearingCause(call, cause) {
  if (call.failure) return call.failure;
  const direct = {
    busy: DisconnectCause.BUSY, callNotAnswered: DisconnectCause.NO_ANSWER, noAnswer: DisconnectCause.NO_ANSWER,
    redirected: DisconnectCause.REDIRECTED, transfer: DisconnectCause.TRANSFERRED, singleStepTransfer: DisconnectCause.TRANSFERRED,
    callRejected: DisconnectCause.REJECTED,
  }[cause ?? ''];
  if (direct) return direct;
  if (call.hangUpRequested) return call.state === ConnectionState.OFFERING ? DisconnectCause.REJECTED : DisconnectCause.NORMAL;
  if (call.remoteLeft) return call.state === ConnectionState.OFFERING ? DisconnectCause.ABANDONED : DisconnectCause.REMOTE_HANGUP;
  return DisconnectCause.NORMAL;
}

/** After a transfer or conference: our connection may now belong to another call id. */
function rejoined(desk, items, localState, callData, at, out) {
  for (const item of items) {
    const endpoint = item.endpoint ?? item.newConnection?.deviceId ?? null;
    if (desk.device !== endpoint || !item.newConnection) continue;
    const newId = item.newConnection.callId;
    const call = desk.calls.get(item.oldConnection ? item.oldConnection.callId : newId);
    if (!call) return; // not ours yet: a DeliveredEvent will introduce it
    const state = partyStateOf(localState, call.state);
    const parties = partiesOf(items, desk.device, state);
    if (nonEmpty(callData)) call.callData = { ...callData };
    if (newId === call.callId) {
      call.parties = parties;
      out.push(desk.partyEvent(call, at));
      return;
    }
    const replaced = call.callId;
    desk.calls.delete(replaced);
    unlink(call);
    call.callId = newId;
    call.conversationId = desk.directory.conversationOf(newId);
    call.parties = parties;
    call.otherDn = [...parties.keys()].find(dn => dn !== desk.device) ?? null;
    if (call.callType === CallType.CONSULT) {
      // The consult leg became the conversation itself: it now comes from the party we are joined with.
      call.callType = desk.directory.typeOfIncoming(call.otherDn);
      call.ani = call.otherDn;
    }
    call.state = state;
    desk.calls.set(newId, call);
    out.push(desk.stateEvent(call, at, null, replaced));
    out.push(desk.partyEvent(call, at));
    desk.refreshOthers(call, at, out);
    return;
  }
}

function unlink(call) {
  call.relatedCallId = null;
  call.consultPurpose = null;
  call.awaitingConsultLeg = false;
}

function partiesOf(items, me, mine) {
  const parties = new Map();
  for (const item of items) {
    const dn = item.endpoint ?? item.newConnection?.deviceId ?? null;
    if (dn) parties.set(dn, dn === me ? mine : ConnectionState.ESTABLISHED);
  }
  if (!parties.has(me)) parties.set(me, mine);
  return parties;
}

function nonEmpty(data) {
  return Boolean(data) && Object.keys(data).length > 0;
}
