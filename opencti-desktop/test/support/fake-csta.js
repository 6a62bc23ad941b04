/**
 * A scripted CSTA switch behind a fake WebSocket, speaking the lab's `/csta` dialect (docs/csta-profile.md): the
 * invokeID rides in the root's attribute, events carry `9999`. It answers the session services and every request
 * with a positive response unless a test registered a handler, records what the client sent, and lets the test
 * push events or drop the connection. Frames are delivered through microtasks, like a real socket's.
 */
import { readXml } from '../../src/implementations/csta/xml.js';

export const ED4 = 'http://www.ecma-international.org/standards/ecma-323/csta/ed4';
export const SESSION = 'http://www.ecma-international.org/standards/ecma-354/appl_session';
const OD = 'xmlns:od="urn:opencti:csta:1"';

export class FakeCstaSwitch {
  /** Every socket opened, newest last. */
  sockets = [];
  /** Every message received: `{name, root, xml}`. */
  received = [];
  /** While true, new sockets fail to connect. */
  unreachable = false;
  #handlers = new Map();

  constructor() {
    const hub = this;
    this.WebSocket = class FakeSocket extends EventTarget {
      constructor(url) {
        super();
        this.url = url;
        this.closed = false;
        hub.sockets.push(this);
        queueMicrotask(() => (hub.unreachable ? this.#shut(1006) : this.dispatchEvent(new Event('open'))));
      }
      send(text) {
        if (this.closed) throw new Error('send on a closed socket');
        for (const root of readXml(text)) hub.#answer(this, root, text);
      }
      close(code = 1000) { this.#shut(code); }
      /** @param {string} text */
      deliver(text) { queueMicrotask(() => { if (!this.closed) this.dispatchEvent(new MessageEvent('message', { data: text })); }); }
      #shut(code) {
        if (this.closed) return;
        this.closed = true;
        queueMicrotask(() => this.dispatchEvent(Object.assign(new Event('close'), { code })));
      }
    };
  }

  /** @returns {object} the socket opened last */
  get socket() { return this.sockets.at(-1); }

  /**
   * Answers `service` with `handler(root)`: a string (the positive response's children), or `{error: [category, value]}`.
   * @param {string} service @param {(root: object) => string | {error: [string, string]} | undefined} handler
   */
  on(service, handler) { this.#handlers.set(service, handler); }

  /** @param {string} name @returns {object[]} the requests of that service, oldest first */
  requests(name) { return this.received.filter(r => r.name === name); }

  /** Pushes an event (or several in one frame) to the client. @param {...string} bodies event XML without invokeID */
  event(...bodies) { this.socket.deliver(bodies.map(b => b.replace(/^<(\w+) /, '<$1 invokeID="9999" ')).join('')); }

  /** The switch drops the connection. */
  drop() { this.socket.close(1006); }

  #answer(socket, root, xml) {
    this.received.push({ name: root.name, root, xml });
    const invokeId = root.attributes.invokeID;
    if (root.name.endsWith('Response')) return;
    const handled = this.#handlers.get(root.name)?.(root);
    if (handled === null) return; // the test answers later, or never
    if (handled?.error) {
      socket.deliver(`<CSTAErrorCode xmlns="${ED4}" invokeID="${invokeId}"><${handled.error[0]}>${handled.error[1]}</${handled.error[0]}>`
        + `<od:message ${OD}>refused by the fake switch</od:message></CSTAErrorCode>`);
      return;
    }
    const body = handled ?? DEFAULTS[root.name]?.(this) ?? '';
    const name = root.name.endsWith('ApplicationSession') || root.name === 'ResetApplicationSessionTimer'
      ? `${root.name}PosResponse` : `${root.name}Response`;
    socket.deliver(`<${name} xmlns="${root.namespace}" invokeID="${invokeId}">${body}</${name}>`);
  }
}

const DEFAULTS = {
  StartApplicationSession: () => `<sessionID>1</sessionID><actualProtocolVersion>${ED4}</actualProtocolVersion>`
    + '<actualSessionDuration>180</actualSessionDuration>',
  ResetApplicationSessionTimer: () => '<actualSessionDuration>180</actualSessionDuration>',
  MonitorStart: () => '<monitorCrossRefID>1</monitorCrossRefID>',
  GetAgentState: () => '<agentStateList/>',
  SnapshotDevice: () => '<crossRefIDorSnapshotData><snapshotData/></crossRefIDorSnapshotData>',
};

// ---- event XML, as the lab writes it (docs/csta-profile.md section 7) ---------------------------------------------

const dev = (name, dn) => (dn ? `<${name}><deviceIdentifier>${dn}</deviceIdentifier></${name}>` : `<${name}><notKnown/></${name}>`);
const conn = (name, callId, dn) => `<${name}><callID>${callId}</callID><deviceID>${dn}</deviceID></${name}>`;
const data = items => (items && Object.keys(items).length ? `<extensions><privateData><private><od:callData ${OD}>`
  + Object.entries(items).map(([k, v]) => `<od:item key="${k}">${v}</od:item>`).join('') + '</od:callData></private></privateData></extensions>' : '');
const ev = (name, body) => `<${name} xmlns="${ED4}"><monitorCrossRefID>1</monitorCrossRefID>${body}</${name}>`;

/** Builders of the lab's events for monitor 1. */
export const CstaEvents = {
  agent: (kind, { device = '5001', agentId = '1001', reason } = {}) => ev(`Agent${kind}Event`, `${dev('agentDevice', device)}<agentID>${agentId}</agentID>`
    + (reason ? `<extensions><privateData><private><od:reasonCode ${OD}>${reason}</od:reasonCode></private></privateData></extensions>` : '')),
  delivered: ({ callId = '7', at = '5001', from = '0612345007', to = '8001', queue = '8001', cause = 'distributed', callData } = {}) =>
    ev('DeliveredEvent', conn('connection', callId, at) + dev('alertingDevice', at) + dev('callingDevice', from) + dev('calledDevice', to)
      + dev('lastRedirectionDevice', queue) + `<localConnectionInfo>alerting</localConnectionInfo><cause>${cause}</cause>${data(callData)}`),
  established: ({ callId = '7', at = '5001', from = '0612345007', to = '8001', queue = '8001', cause = 'distributed', callData } = {}) =>
    ev('EstablishedEvent', conn('establishedConnection', callId, at) + dev('answeringDevice', at) + dev('callingDevice', from)
      + dev('calledDevice', to) + dev('lastRedirectionDevice', queue) + `<localConnectionInfo>connected</localConnectionInfo><cause>${cause}</cause>${data(callData)}`),
  held: ({ callId = '7', at = '5001', cause = 'normal' } = {}) => ev('HeldEvent', conn('heldConnection', callId, at) + dev('holdingDevice', at)
    + `<localConnectionInfo>hold</localConnectionInfo><cause>${cause}</cause>`),
  retrieved: ({ callId = '7', at = '5001' } = {}) => ev('RetrievedEvent', conn('retrievedConnection', callId, at) + dev('retrievingDevice', at)
    + '<localConnectionInfo>connected</localConnectionInfo><cause>normal</cause>'),
  cleared: ({ callId = '7', at = '5001', local = 'null', cause = 'normalClearing' } = {}) => ev('ConnectionClearedEvent',
    conn('droppedConnection', callId, at) + dev('releasingDevice', at) + `<localConnectionInfo>${local}</localConnectionInfo><cause>${cause}</cause>`),
  callCleared: ({ callId = '7' } = {}) => ev('CallClearedEvent', `<clearedCall><callID>${callId}</callID></clearedCall>`
    + '<localConnectionInfo>null</localConnectionInfo><cause>normalClearing</cause>'),
  serviceInitiated: ({ callId = '9', at = '5001', cause = 'makeCall' } = {}) => ev('ServiceInitiatedEvent', conn('initiatedConnection', callId, at)
    + dev('initiatingDevice', at) + `<localConnectionInfo>initiated</localConnectionInfo><cause>${cause}</cause>`),
  originated: ({ callId = '9', at = '5001', to = '0612345014', cause = 'makeCall' } = {}) => ev('OriginatedEvent', conn('originatedConnection', callId, at)
    + dev('callingDevice', at) + dev('calledDevice', to) + `<localConnectionInfo>connected</localConnectionInfo><cause>${cause}</cause>`),
};
