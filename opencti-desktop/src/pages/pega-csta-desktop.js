/**
 * A small implementation written to Pega's OpenCTI callback interface, as a vendor would write it for a CSTA switch:
 * a constructor whose prototype holds `login(agentID, agentPwd, extension, linkDefinition, options, success, failure,
 * forwardEvent)`, `agentReady`, `answerCall`, ... and that pushes `py`-prefixed events through `forwardEvent`. It
 * talks CSTA III XML over WebSocket to the lab's `/csta` with its own naive rules (none of OpenCTI's mapping), so the
 * agent page can run it unchanged through `pega-compat` (`?impl=pega-csta`): the proof that a Pega-style vendor
 * implementation works against a real CTI server. It borrows only the XML reader and writer.
 * @module
 */
import { readXml, textAt, child, XmlBuilder, CSTA_ED4, SESSION_NS, OPENCTI_NS } from '../implementations/csta/xml.js';

const ERRORS = Object.freeze({
  invalidAgentPassword: 'OPENCTI_NOT_AUTHORIZED', invalidAgentID: 'OPENCTI_NOT_AUTHORIZED', invalidCallID: 'OPENCTI_UNKNOWN_CALL',
  invalidConnectionID: 'OPENCTI_UNKNOWN_CALL', invalidDestination: 'OPENCTI_CF_INVALID_DESTINATION',
  invalidObjectState: 'OPENCTI_CF_INVALID_OBJECT_STATE',
});

/**
 * The vendor implementation (Pega reaches it as `pega.cti.API`).
 * @param {{url: string, WebSocket?: Function, timers?: {setTimeout: Function, clearTimeout: Function}}} config
 *   the lab's CSTA WebSocket, e.g. `ws://localhost:4725/csta`
 */
export function PegaCstaDesktop(config) {
  this.name = 'PegaCstaDesktop';
  this.implementationVersion = '1';
  this.config = { WebSocket: globalThis.WebSocket, timers: globalThis, ...config };
  this.pending = new Map();
  this.nextInvoke = 1;
  this.calls = new Map();
}

const api = PegaCstaDesktop.prototype;

/** Pega `login`: opens the CSTA session, monitors the extension, logs the agent on, forwards a Snapshot. */
api.login = function login(agentID, agentPwd, extension, linkDefinition, options, success, failure, forwardEvent) {
  this.agentID = agentID;
  this.extension = extension || linkDefinition?.pyExtension;
  this.forwardEvent = forwardEvent;
  const password = [...new TextEncoder().encode(agentPwd)].map(b => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  this.open()
    .then(() => this.request('MonitorStart', b => b.open('monitorObject').text('deviceObject', this.extension).close('monitorObject')))
    .then(() => this.request('SetAgentState', b => b.text('device', this.extension).text('requestedAgentState', 'loggedOn')
      .text('agentID', agentID).text('password', password)))
    .then(() => {
      this.forward({ pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentState: 'Login', pyDeviceState: 'OPENED',
        pyLinkState: 'CONNECTED' });
      success();
    }, error => { this.socket?.close(); failure(error); });
};

/** Pega `logout`: logs the agent off; the Snapshot follows the switch's AgentLoggedOff. */
api.logout = function logout(agentID, reasonCode, options, success, failure) {
  this.call(b => b.text('device', this.extension).text('requestedAgentState', 'loggedOff'), 'SetAgentState', success, failure);
};

/** Pega `agentReady`. */
api.agentReady = function agentReady(agentId, workMode, options, success, failure) {
  this.call(b => b.text('device', this.extension).text('requestedAgentState', 'ready'), 'SetAgentState', success, failure);
};

/** Pega `agentNotReady`: the reason rides in OpenCTI's private data, as the lab wants it. */
api.agentNotReady = function agentNotReady(agentID, workMode, reasonCode, linkDefinition, options, success, failure) {
  this.call(b => b.text('device', this.extension).text('requestedAgentState', 'notReady').privateData(null, reasonCode),
    'SetAgentState', success, failure);
};

/** Pega `makeCall`. */
api.makeCall = function makeCall(destination, options, success, failure) {
  this.call(b => b.text('callingDevice', this.extension).text('calledDirectoryNumber', destination)
    .privateData(options?.pyNamedVariables, null), 'MakeCall', success, failure);
};

/** Pega `answerCall`. */
api.answerCall = function answerCall(callId, options, success, failure) {
  this.call(b => b.connection('callToBeAnswered', callId, this.extension), 'AnswerCall', success, failure);
};

/** Pega `hangUpCall`. */
api.hangUpCall = function hangUpCall(callId, options, success, failure) {
  this.call(b => b.connection('connectionToBeCleared', callId, this.extension), 'ClearConnection', success, failure);
};

/** Pega `holdCall`. */
api.holdCall = function holdCall(callId, options, success, failure) {
  this.call(b => b.connection('callToBeHeld', callId, this.extension), 'HoldCall', success, failure);
};

/** Pega `retrieveCall`. */
api.retrieveCall = function retrieveCall(callId, options, success, failure) {
  this.call(b => b.connection('callToBeRetrieved', callId, this.extension), 'RetrieveCall', success, failure);
};

/** Pega `sendDTMF`. */
api.sendDTMF = function sendDTMF(callId, digits, options, success, failure) {
  this.call(b => b.connection('connectionToSendDigits', callId, this.extension).text('charactersToSend', digits), 'GenerateDigits', success, failure);
};

/** Called by pega-compat on close: stops the session. */
api.unload = function unload() {
  this.socket?.close();
};

// ---- the vendor's plumbing ------------------------------------------------------------------------------------

/** Sends one service and settles Pega's callbacks with its answer. */
api.call = function call(body, service, success, failure) {
  this.request(service, body).then(() => success(), failure);
};

/** Opens the WebSocket and the ECMA-354 session, with its keep-alive at a third of 180 s. */
api.open = function open() {
  return new Promise((resolve, reject) => {
    this.socket = new this.config.WebSocket(this.config.url);
    this.socket.addEventListener('open', () => this.request('StartApplicationSession', b => b.open('applicationInfo')
      .text('applicationID', 'pega-csta').close('applicationInfo').text('requestedSessionDuration', '180'), SESSION_NS)
      .then(response => {
        const sessionId = textAt(response, 'sessionID');
        this.keepAlive = this.config.timers.setTimeout(function again() {
          this.request('ResetApplicationSessionTimer', b => b.text('sessionID', sessionId).text('requestedSessionDuration', '180'), SESSION_NS)
            .catch(() => {});
          this.keepAlive = this.config.timers.setTimeout(again.bind(this), 60_000);
        }.bind(this), 60_000);
        resolve();
      }, reject));
    this.socket.addEventListener('message', e => this.receive(String(e.data)));
    this.socket.addEventListener('close', () => {
      this.config.timers.clearTimeout(this.keepAlive);
      for (const { reject: fail } of this.pending.values()) fail({ errCode: 'OPENCTI_LINK_DOWN', errMessage: 'The CSTA link closed' });
      this.pending.clear();
      reject({ errCode: 'OPENCTI_LINK_DOWN', errMessage: `Cannot reach ${this.config.url}` });
    });
  });
};

/** Sends one request with the next invokeID; resolves with the response, rejects with a Pega error object. */
api.request = function request(service, body, namespace = CSTA_ED4) {
  const invokeId = String(this.nextInvoke++).padStart(4, '0');
  const xml = new XmlBuilder(service, namespace, invokeId);
  body(xml);
  return new Promise((resolve, reject) => {
    this.pending.set(invokeId, { resolve, reject });
    this.socket.send(xml.build());
  });
};

/** Handles one frame: responses, errors, the switch's SystemStatus, and events. */
api.receive = function receive(text) {
  for (const message of readXml(text)) {
    const invokeId = message.attributes.invokeID;
    if (message.name === 'CSTAErrorCode') {
      const [reason] = message.children;
      this.settle(invokeId, entry => entry.reject({ errCode: ERRORS[reason?.text] ?? 'OPENCTI_CF_GENERIC_OPERATION',
        errMessage: `${reason?.name}/${reason?.text}: ${textAt(message, 'message') ?? ''}` }));
    } else if (message.name.endsWith('Response')) {
      this.settle(invokeId, entry => entry.resolve(message));
    } else if (message.name === 'SystemStatus') {
      this.socket.send(new XmlBuilder('SystemStatusResponse', CSTA_ED4, invokeId).build());
    } else {
      this.onEvent(message);
    }
  }
};

/** Settles the request waiting for `invokeId`, if any. */
api.settle = function settle(invokeId, finish) {
  const entry = this.pending.get(invokeId);
  if (!entry) return;
  this.pending.delete(invokeId);
  finish(entry);
};

/** The vendor's own event rules: CSTA in, Pega `py` events out. */
api.onEvent = function onEvent(e) {
  const at = name => textAt(e, name, 'callID') && { callId: textAt(e, name, 'callID'), device: textAt(e, name, 'deviceID') };
  const dn = name => textAt(e, name, 'deviceIdentifier') ?? textAt(e, name);
  const mine = connection => connection?.device === this.extension;
  switch (e.name) {
    case 'ServiceInitiatedEvent': if (mine(at('initiatedConnection'))) this.callEvent(at('initiatedConnection').callId, 'Initiated', { pyCallType: 'OUTBOUND' }); break;
    case 'DeliveredEvent': {
      const c = at('connection');
      if (mine(c)) {
        const calling = dn('callingDevice');
        this.callEvent(c.callId, 'Alerting', { pyCallType: textAt(e, 'cause') === 'consultation' ? 'CONSULT' : calling?.length > 6 ? 'INBOUND' : 'INTERNAL',
          pyANI: calling, pyDNIS: dn('calledDevice'), pyOtherDN: calling, pyQueue: privateText(e, 'queue'), pyNamedVariables: callData(e) });
      } else if (this.calls.has(c.callId)) {
        this.callEvent(c.callId, 'Alerting', { pyOtherDN: c.device, pyDNIS: dn('calledDevice') });
      }
      break;
    }
    case 'EstablishedEvent': {
      const c = at('establishedConnection');
      if (mine(c) || this.calls.has(c.callId)) this.callEvent(c.callId, 'Established', { pyNamedVariables: callData(e) });
      break;
    }
    case 'HeldEvent': if (mine(at('heldConnection'))) this.callEvent(at('heldConnection').callId, 'Held'); break;
    case 'RetrievedEvent': if (mine(at('retrievedConnection'))) this.callEvent(at('retrievedConnection').callId, 'Retrieved'); break;
    case 'ConnectionClearedEvent': {
      const c = at('droppedConnection');
      if (mine(c) && this.calls.has(c.callId)) {
        this.callEvent(c.callId, 'Disconnected');
        this.calls.delete(c.callId);
      }
      break;
    }
    case 'AgentReadyEvent': this.forward({ pyEventType: 'AgentStateEvent', pyEventName: 'Ready' }); break;
    case 'AgentNotReadyEvent': {
      const reason = privateText(e, 'reasonCode');
      this.forward(reason === 'login' ? { pyEventType: 'AgentStateEvent', pyEventName: 'Login' }
        : { pyEventType: 'AgentStateEvent', pyEventName: 'NotReady', pyReasonCode: reason ?? '' });
      break;
    }
    case 'AgentWorkingAfterCallEvent': this.forward({ pyEventType: 'AgentStateEvent', pyEventName: 'NotReady', pyWorkMode: 'ACW' }); break;
    case 'AgentLoggedOffEvent':
      this.forward({ pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentState: 'Logout', pyDeviceState: 'CLOSED', pyLinkState: 'CONNECTED' });
      this.socket.close();
      break;
    default: break; // AgentLoggedOn, AgentBusy, Queued...: nothing a Pega desktop shows
  }
};

/** Forwards a CallStateEvent, with what the vendor remembers of the call. */
api.callEvent = function callEvent(callId, name, fields = {}) {
  const call = { ...this.calls.get(callId), ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) };
  this.calls.set(callId, call);
  this.forward({ pyEventType: 'CallStateEvent', pyEventName: name, pyCallId: callId, ...call });
};

/** Hands one `py` event to Pega (the `forwardEvent` of login). */
api.forward = function forward(event) {
  this.forwardEvent?.({ pyMedia: 'Phone', pyAgentId: this.agentID, pyThisDN: this.extension, ...event });
};

function privateText(e, name) {
  const found = [...walk(child(e, 'extensions'))].find(x => x.name === name && x.namespace === OPENCTI_NS);
  return found?.text || null;
}

function callData(e) {
  const data = [...walk(child(e, 'extensions'))].find(x => x.name === 'callData' && x.namespace === OPENCTI_NS);
  return Object.fromEntries((data?.children ?? []).map(item => [item.attributes.key, item.text]));
}

function* walk(element) {
  for (const c of element?.children ?? []) {
    yield c;
    yield* walk(c);
  }
}
