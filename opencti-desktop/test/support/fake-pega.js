/**
 * A small implementation written to Pega's OpenCTI callback interface, as a vendor would write it: a
 * constructor with prototype functions taking `success`/`failure` callbacks, and `py`-prefixed events pushed
 * through the `forwardEvent` it got at login (sometimes as JSON text, as embedded connectors do). It scripts a
 * tiny CTI server: `ring()` and `remoteAnswer()` play the other side.
 */
export function FakePegaDesktop() {
  this.name = 'FakePegaDesktop';
  this.implementationVersion = '1';
  this.calls = new Map();
  this.nextCall = 1;
  this.log = [];
}

const proto = FakePegaDesktop.prototype;

proto.login = function login(agentID, agentPwd, extension, linkDefinition, options, success, failure, forwardEvent) {
  this.log.push(['login', agentID, extension, linkDefinition.pyLabel]);
  if (agentPwd !== 'demo') {
    failure({ errCode: 'OPENCTI_HTTP_ERROR_401', errMessage: `Wrong password for agent ${agentID}` });
    return;
  }
  this.agentID = agentID;
  this.extension = extension || '5001';
  this.forwardEvent = forwardEvent;
  this.forward({ pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentState: 'Login', pyDeviceState: 'OPENED',
    pyLinkState: 'CONNECTED', pyMedia: 'Phone' });
  success();
};

proto.logout = function logout(agentID, reasonCode, options, success) {
  this.log.push(['logout', agentID, reasonCode]);
  success();
  this.forward({ pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentState: 'Logout', pyDeviceState: 'CLOSED',
    pyLinkState: 'CONNECTED', pyMedia: 'Phone' });
};

proto.agentReady = function agentReady(agentId, workMode, options, success) {
  this.log.push(['agentReady', agentId, workMode]);
  success();
  this.forward({ pyEventType: 'AgentStateEvent', pyEventName: 'Ready', pyWorkMode: workMode, pyMedia: 'Phone' });
};

proto.agentNotReady = function agentNotReady(agentID, workMode, reasonCode, linkDefinition, options, success) {
  this.log.push(['agentNotReady', agentID, workMode, reasonCode]);
  success();
  this.forward({ pyEventType: 'AgentStateEvent', pyEventName: 'NotReady', pyReasonCode: reasonCode, pyMedia: 'Phone' });
};

proto.answerCall = function answerCall(callId, options, success, failure) {
  if (!this.calls.has(callId)) {
    failure({ errCode: 'OPENCTI_UNKNOWN_CALL', errMessage: `No call ${callId}` });
    return;
  }
  success();
  this.callEvent(callId, 'Established');
};

proto.hangUpCall = function hangUpCall(callId, options, success) {
  success();
  this.callEvent(callId, 'Disconnected');
  this.calls.delete(callId);
};

proto.holdCall = function holdCall(callId, options, success) { success(); this.callEvent(callId, 'Held'); };

proto.retrieveCall = function retrieveCall(callId, options, success) { success(); this.callEvent(callId, 'Retrieved'); };

proto.makeCall = function makeCall(destination, options, success) {
  const callId = `p-${this.nextCall++}`;
  this.calls.set(callId, { pyCallType: 'OUTBOUND', pyOtherDN: destination, pyDNIS: destination, vars: options.pyNamedVariables });
  success();
  this.callEvent(callId, 'Initiated');
  this.callEvent(callId, 'Alerting');
};

proto.sendDTMF = function sendDTMF(callId, digits, options, success) { this.log.push(['sendDTMF', callId, digits]); success(); };

// The vendor stub's misspelling, as found in public connector code: pega-compat must still find it.
proto.consulationCall = function consulationCall(callId, destination, options, success) {
  this.log.push(['consulationCall', callId, destination]);
  this.calls.get(callId) && this.callEvent(callId, 'Held');
  this.makeCall(destination, options, success);
};

proto.transferInitiate = proto.consulationCall;

proto.transferComplete = function transferComplete(heldcallId, activecallId, options, success) {
  success();
  this.callEvent(activecallId, 'Disconnected');
  this.callEvent(heldcallId, 'Disconnected');
  this.calls.delete(activecallId);
  this.calls.delete(heldcallId);
};

// ---- the other side (script) ----------------------------------------------------------------------------

/** A customer call rings at the extension (Pega-style: Alerting, INBOUND). */
proto.ring = function ring({ ani = '0612345678', vars = { accountId: 'A-1001' } } = {}) {
  const callId = `p-${this.nextCall++}`;
  this.calls.set(callId, { pyCallType: 'INBOUND', pyANI: ani, pyOtherDN: ani, pyDNIS: '8001', vars });
  this.callEvent(callId, 'Alerting', true);
  return callId;
};

/** The far end of a dialled call answers. */
proto.remoteAnswer = function remoteAnswer(callId) { this.callEvent(callId, 'Connected'); };

proto.callEvent = function callEvent(callId, name, asText = false) {
  const call = this.calls.get(callId) ?? {};
  const { vars, ...fields } = call;
  const event = { pyEventType: 'CallStateEvent', pyEventName: name, pyCallId: callId, pyMedia: 'Phone', ...fields,
    ...(vars ? { pyNamedVariables: vars } : {}) };
  this.forward(event, asText);
};

proto.forward = function forward(event, asText = false) {
  this.forwardEvent?.(asText ? JSON.stringify(event) : event);
};

/**
 * A Pega-style implementation over the in-memory contact centre, for the contract suite: Pega's functions turn
 * back into canonical requests, and the centre's canonical events reach `forwardEvent` in Pega's `py` form, so
 * the whole trip (codec out, codec in, pega-compat's bookkeeping) must keep the desk exactly as the centre has it.
 * It has no cancelConsult (Pega has none): pega-compat's fallback is exercised.
 * @param {import('../../src/implementations/in-memory.js').InMemoryImplementation} centre
 * @param {{toPegaEvent: Function, toPegaError: Function}} codec
 */
export function pegaOverCentre(centre, { toPegaEvent, toPegaError }) {
  const run = (request, success, failure) => centre.send(request).then(value => success(value), e => failure(toPegaError(e)));
  const vars = options => (options?.pyNamedVariables ? { callData: options.pyNamedVariables } : {});
  const modes = { MODE_AUTO_IN: 'AutoIn', MODE_MANUAL_IN: 'ManualIn' };
  return {
    login(agentID, agentPwd, extension, linkDefinition, options, success, failure, forwardEvent) {
      centre.connect(event => { const py = toPegaEvent(event); if (py) forwardEvent(py); });
      run({ type: 'login', agentId: agentID, password: agentPwd, ...(extension ? { extension } : {}) }, () => success(), failure);
    },
    logout: (agentID, reasonCode, options, s, f) => run({ type: 'logout', ...(reasonCode ? { reasonCode } : {}) }, s, f),
    agentReady: (agentId, workMode, options, s, f) => run({ type: 'agentReady', ...(modes[workMode] ? { workMode: modes[workMode] } : {}) }, s, f),
    agentNotReady: (agentID, workMode, reasonCode, link, options, s, f) => run({ type: 'agentNotReady', reasonCode,
      ...(modes[workMode] ? { workMode: modes[workMode] } : {}) }, s, f),
    makeCall: (destination, options, s, f) => run({ type: 'makeCall', destination, ...vars(options) }, s, f),
    answerCall: (callId, options, s, f) => run({ type: 'answerCall', callId }, s, f),
    hangUpCall: (callId, options, s, f) => run({ type: 'hangUpCall', callId }, s, f),
    holdCall: (callId, options, s, f) => run({ type: 'holdCall', callId }, s, f),
    retrieveCall: (callId, options, s, f) => run({ type: 'retrieveCall', callId }, s, f),
    sendDTMF: (callId, digits, options, s, f) => run({ type: 'sendDTMF', callId, digits }, s, f),
    consultationCall: (callId, destination, options, s, f) => run({ type: 'consultationCall', callId, destination, ...vars(options) }, s, f),
    transferInitiate: (callId, destination, options, s, f) => run({ type: 'transferInitiate', callId, destination, ...vars(options) }, s, f),
    conferenceInitiate: (callId, destination, options, s, f) => run({ type: 'conferenceInitiate', callId, destination, ...vars(options) }, s, f),
    blindTransfer: (callId, destination, options, s, f) => run({ type: 'blindTransfer', callId, destination, ...vars(options) }, s, f),
    transferComplete: (heldCallId, activeCallId, options, s, f) => run({ type: 'transferComplete', heldCallId, activeCallId }, s, f),
    conferenceComplete: (heldCallId, activeCallId, options, s, f) => run({ type: 'conferenceComplete', heldCallId, activeCallId }, s, f),
    alternateCall: (heldCallId, activeCallId, options, s, f) => run({ type: 'alternateCall', heldCallId, activeCallId }, s, f),
    dropparty: (callId, dn, options, s, f) => run({ type: 'dropParty', callId, dn }, s, f),
    // Vendor extensions pega-compat uses when present:
    setCallData: (callId, data, options, s, f) => run({ type: 'setCallData', callId, data }, s, f),
    wrapUp: (callId, wrapUpCode, notes, options, s, f) => run({ type: 'wrapUp', callId, wrapUpCode, ...(notes ? { notes } : {}) }, s, f),
  };
}
