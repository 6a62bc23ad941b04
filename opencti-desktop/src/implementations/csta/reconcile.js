/**
 * Brings a desk in line with the switch (after a lost link, a resync, or when another tab takes the connection
 * over): GetAgentState, SnapshotDevice and one SnapshotCall per call give the truth; calls known before and missing
 * now end with cause `LinkLost`, calls that appeared are adopted. The twin of the Java connector's `Reconcile`.
 * @module
 */
import { AgentState, ConnectionState, DisconnectCause } from '../../interface/states.js';
import { callData, callDataByCall, device, privateText } from './decoder.js';
import { newCall } from './desk.js';
import { agentStateOf, partyStateOf } from './event-mapping.js';
import { childrenNamed, find, textAt } from './xml.js';

/**
 * @typedef {{loggedOn: boolean, state: string, reasonCode: string | null, pendingState: string | null,
 *   pendingReasonCode: string | null}} AgentTruth
 * @typedef {{callId: string, parties: Map<string, string>, callData: Record<string, string>,
 *   callingDevice: string | null, calledDevice: string | null}} CallTruth
 */

/**
 * The agent's state as a GetAgentStateResponse says; `loggedOn` false when no agent is on the device.
 * @param {import('./xml.js').XmlElement} response
 * @returns {AgentTruth}
 */
export function agentTruth(response) {
  const entry = find(response, 'agentStateEntry');
  if (!entry || textAt(entry, 'loggedOnState') === 'false') {
    return { loggedOn: false, state: AgentState.LOGGED_OUT, reasonCode: null, pendingState: null, pendingReasonCode: null };
  }
  return { loggedOn: true, state: agentStateOf(find(entry, 'agentState')?.text) ?? AgentState.NOT_READY,
    reasonCode: privateText(response, 'reasonCode'), pendingState: agentStateOf(privateText(response, 'pendingAgentState')),
    pendingReasonCode: privateText(response, 'pendingReasonCode') };
}

/**
 * The call ids at the device, oldest first, from a SnapshotDeviceResponse.
 * @param {import('./xml.js').XmlElement} response
 * @returns {string[]}
 */
export function callIdsOf(response) {
  return childrenNamed(find(response, 'snapshotData'), 'snapshotDeviceResponseInfo')
    .map(info => textAt(info, 'connectionIdentifier', 'callID')).filter(Boolean);
}

/**
 * One call's truth from its SnapshotCallResponse.
 * @param {string} callId @param {import('./xml.js').XmlElement} response
 * @returns {CallTruth}
 */
export function callTruth(callId, response) {
  const parties = new Map();
  for (const info of childrenNamed(find(response, 'snapshotData'), 'snapshotCallResponseInfo')) {
    const dn = device(info, 'deviceOnCall') ?? textAt(info, 'callIdentifier', 'deviceID');
    const state = partyStateOf(textAt(info, 'localConnectionState'), ConnectionState.ESTABLISHED);
    if (dn && state !== ConnectionState.DISCONNECTED) parties.set(dn, state);
  }
  return { callId, parties, callData: callDataByCall(response).get(callId) ?? callData(response),
    callingDevice: device(response, 'callingDevice'), calledDevice: device(response, 'calledDevice') };
}

/**
 * Applies the truth to the desk.
 * @param {import('./desk.js').Desk} desk @param {AgentTruth} agent @param {CallTruth[]} calls @param {string} at
 * @returns {object[]} the Disconnected (LinkLost) events of calls that vanished
 */
export function reconcile(desk, agent, calls, at) {
  const out = [];
  const known = new Set(calls.map(c => c.callId));
  for (const gone of [...desk.calls.values()]) if (!known.has(gone.callId)) desk.end(gone, DisconnectCause.LINK_LOST, at, out);
  const ordered = new Map();
  for (const truth of calls) {
    const state = stateOfDevice(desk.device, truth.parties);
    const call = desk.calls.get(truth.callId) ?? adopt(desk, truth, state, at);
    if (call.state !== state) call.since = at;
    call.state = state;
    call.parties = new Map(truth.parties);
    if (Object.keys(truth.callData).length) call.callData = { ...truth.callData };
    ordered.set(truth.callId, call);
  }
  desk.calls = ordered;
  for (const call of desk.calls.values()) call.lastActions = desk.actions(call);
  const state = agent.loggedOn ? agent.state : AgentState.LOGGED_OUT;
  if (state !== desk.agentState) desk.agentSince = at;
  desk.agentState = state;
  desk.reasonCode = state === AgentState.NOT_READY ? agent.reasonCode ?? 'unspecified' : null;
  desk.pendingState = agent.pendingState;
  desk.pendingReasonCode = agent.pendingState ? agent.pendingReasonCode : null;
  return out;
}

/** Connected while every other party still rings is Alerting: we dialled, the far end rings. */
function stateOfDevice(me, parties) {
  const mine = parties.get(me) ?? ConnectionState.DISCONNECTED;
  const others = [...parties].filter(([dn]) => dn !== me);
  const othersRinging = others.length > 0 && others.every(([, s]) => s === ConnectionState.OFFERING);
  return mine === ConnectionState.ESTABLISHED && othersRinging ? ConnectionState.ALERTING : mine;
}

function adopt(desk, truth, state, at) {
  const { directory } = desk;
  const placedHere = desk.device === truth.callingDevice;
  const call = newCall(truth.callId, directory.conversationOf(truth.callId),
    placedHere ? directory.typeOfOutgoing(truth.calledDevice) : directory.typeOfIncoming(truth.callingDevice), state, at);
  call.ani = truth.callingDevice;
  call.dnis = truth.calledDevice;
  call.otherDn = placedHere ? truth.calledDevice : truth.callingDevice;
  call.acd = !placedHere && directory.isQueue(truth.calledDevice);
  call.queue = call.acd ? directory.queueName(truth.calledDevice) : null;
  call.published = true;
  return call;
}

