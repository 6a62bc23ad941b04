/**
 * Classifies CSTA III XML messages and reads the ECMA-323 events OpenCTI uses into plain objects, as the Java
 * connector's `CstaDecoder` does: elements matched by local name in any namespace, unknown elements skipped, ids
 * kept as opaque strings, private data ignored except OpenCTI's `od:` elements.
 * @module
 */
import { child, childrenNamed, find, OPENCTI_NS, textAt } from './xml.js';

/**
 * @typedef {import('./xml.js').XmlElement} XmlElement
 * @typedef {{callId: string, deviceId: string | null}} Connection one device's part in one call
 * @typedef {{kind: string, monitorCrossRefId: string | null, [field: string]: unknown}} CstaEvent
 *   `kind` is the event's name without `Event` (`Delivered`, `Transferred`, `AgentChanged`...)
 * @typedef {{type: 'event', event: CstaEvent}
 *   | {type: 'response', invokeId: string | null, body: XmlElement}
 *   | {type: 'error', invokeId: string | null, error: {category: string, value: string, message: string | null}}
 *   | {type: 'request', invokeId: string | null, name: string, body: XmlElement}
 *   | {type: 'unknown', invokeId: string | null, name: string}} CstaMessage
 */

/** The agent events, by element name, and the kind of change each is. */
const AGENT_EVENTS = Object.freeze({
  AgentLoggedOnEvent: 'LOGGED_ON', AgentLoggedOffEvent: 'LOGGED_OFF', AgentReadyEvent: 'READY',
  AgentNotReadyEvent: 'NOT_READY', AgentBusyEvent: 'BUSY', AgentWorkingAfterCallEvent: 'WORKING_AFTER_CALL',
});

/**
 * What one root element is: an event, the answer to a request (positive or negative), a request of the switch's
 * own (`SystemStatus`), or something OpenCTI does not use.
 * @param {XmlElement} root
 * @returns {CstaMessage}
 */
export function classify(root) {
  const invokeId = root.attributes.invokeID ?? null;
  const { name } = root;
  if (name === 'CSTAErrorCode') return { type: 'error', invokeId, error: cstaError(root) };
  if (name.endsWith('NegResponse')) {
    return { type: 'error', invokeId, error: { category: 'definedError', value: find(root, 'definedError')?.text || 'unspecified', message: null } };
  }
  if (name.endsWith('Response')) return { type: 'response', invokeId, body: root };
  if (name.endsWith('Event')) {
    const event = readEvent(root);
    return event ? { type: 'event', event } : { type: 'unknown', invokeId, name };
  }
  return { type: 'request', invokeId, name, body: root };
}

function cstaError(root) {
  const message = child(root, 'message')?.text || null;
  const first = root.children.find(c => c.name !== 'message' && c.name !== 'extensions');
  return first ? { category: first.name, value: first.text || 'unspecified', message }
    : { category: 'unspecified', value: 'unspecified', message };
}

/**
 * The typed event, or null for an event OpenCTI does not use.
 * @param {XmlElement} e
 * @returns {CstaEvent | null}
 */
export function readEvent(e) {
  const head = { monitorCrossRefId: textAt(e, 'monitorCrossRefID'), localState: textAt(e, 'localConnectionInfo'), cause: textAt(e, 'cause') };
  switch (e.name) {
    case 'ServiceInitiatedEvent': return { kind: 'ServiceInitiated', ...head, connection: connection(e, 'initiatedConnection'),
      initiatingDevice: device(e, 'initiatingDevice') };
    case 'OriginatedEvent': return { kind: 'Originated', ...head, connection: connection(e, 'originatedConnection'),
      callingDevice: device(e, 'callingDevice'), calledDevice: device(e, 'calledDevice') };
    case 'DeliveredEvent': return { kind: 'Delivered', ...head, connection: connection(e, 'connection'),
      alertingDevice: device(e, 'alertingDevice'), callingDevice: device(e, 'callingDevice'), calledDevice: device(e, 'calledDevice'),
      lastRedirectionDevice: device(e, 'lastRedirectionDevice'), callData: callData(e) };
    case 'EstablishedEvent': return { kind: 'Established', ...head, connection: connection(e, 'establishedConnection'),
      answeringDevice: device(e, 'answeringDevice'), callingDevice: device(e, 'callingDevice'), calledDevice: device(e, 'calledDevice'),
      lastRedirectionDevice: device(e, 'lastRedirectionDevice'), callData: callData(e) };
    case 'HeldEvent': return { kind: 'Held', ...head, connection: connection(e, 'heldConnection'), holdingDevice: device(e, 'holdingDevice') };
    case 'RetrievedEvent': return { kind: 'Retrieved', ...head, connection: connection(e, 'retrievedConnection'),
      retrievingDevice: device(e, 'retrievingDevice') };
    case 'ConnectionClearedEvent': return { kind: 'ConnectionCleared', ...head, connection: connection(e, 'droppedConnection'),
      releasingDevice: device(e, 'releasingDevice') };
    case 'CallClearedEvent': return { kind: 'CallCleared', ...head, callId: textAt(e, 'clearedCall', 'callID') };
    case 'TransferedEvent': case 'TransferredEvent': return { kind: 'Transferred', ...head,
      primaryOldCall: connection(e, 'primaryOldCall'), secondaryOldCall: connection(e, 'secondaryOldCall'),
      transferringDevice: device(e, 'transferringDevice'), transferredToDevice: device(e, 'transferredToDevice'),
      connections: connections(child(e, 'transferredConnections')), callData: callData(e) };
    case 'ConferencedEvent': return { kind: 'Conferenced', ...head,
      primaryOldCall: connection(e, 'primaryOldCall'), secondaryOldCall: connection(e, 'secondaryOldCall'),
      conferencingDevice: device(e, 'conferencingDevice'), addedParty: device(e, 'addedParty'),
      connections: connections(child(e, 'conferenceConnections')), callData: callData(e) };
    case 'DivertedEvent': return { kind: 'Diverted', ...head, connection: connection(e, 'connection'),
      divertingDevice: device(e, 'divertingDevice'), newDestination: device(e, 'newDestination'),
      callingDevice: device(e, 'callingDevice'), calledDevice: device(e, 'calledDevice'), callData: callData(e) };
    case 'FailedEvent': return { kind: 'Failed', ...head, connection: connection(e, 'failedConnection'),
      failingDevice: device(e, 'failingDevice'), callingDevice: device(e, 'callingDevice'), calledDevice: device(e, 'calledDevice') };
    case 'QueuedEvent': return { kind: 'Queued', ...head, connection: connection(e, 'queuedConnection'), queue: device(e, 'queue'),
      callingDevice: device(e, 'callingDevice'), calledDevice: device(e, 'calledDevice'), callData: callData(e) };
    case 'CallInformationEvent': return { kind: 'CallInformation', ...head, connection: connection(e, 'connection'),
      device: device(e, 'device'), callData: callData(e) };
    default: {
      const change = AGENT_EVENTS[e.name];
      if (!change) return null;
      return { kind: 'AgentChanged', monitorCrossRefId: head.monitorCrossRefId, change, agentDevice: device(e, 'agentDevice'),
        agentId: textAt(e, 'agentID'), reasonCode: privateText(e, 'reasonCode'), acdGroup: device(e, 'acdGroup'),
        pendingAgentState: textAt(e, 'pendingAgentState') ?? privateText(e, 'pendingAgentState'),
        pendingReasonCode: privateText(e, 'pendingReasonCode') };
    }
  }
}

/**
 * A `{callID, deviceID}` child, or null.
 * @param {XmlElement} parent @param {string} name
 * @returns {Connection | null}
 */
export function connection(parent, name) {
  const c = child(parent, name);
  const callId = textAt(c, 'callID');
  return callId === null ? null : { callId, deviceId: textAt(c, 'deviceID') };
}

/**
 * A device in an event: wrapped in `deviceIdentifier`, or `notKnown` (null), or plain text.
 * @param {XmlElement | null} parent @param {string} name
 * @returns {string | null}
 */
export function device(parent, name) {
  const d = child(parent, name);
  if (!d) return null;
  if (child(d, 'deviceIdentifier')) return textAt(d, 'deviceIdentifier');
  if (child(d, 'notKnown')) return null;
  return d.text || null;
}

function connections(list) {
  return childrenNamed(list, 'connectionListItem').map(item => {
    const endpoint = child(item, 'endpoint');
    return {
      newConnection: connection(item, 'newConnection'), oldConnection: connection(item, 'oldConnection'),
      endpoint: !endpoint ? null : textAt(endpoint, 'deviceID') ?? device(item, 'endpoint'),
    };
  });
}

/**
 * OpenCTI's call data of a message (the first `od:callData`), items in order; empty when absent.
 * @param {XmlElement} message
 * @returns {Record<string, string>}
 */
export function callData(message) {
  const data = privateElement(message, 'callData');
  return data ? items(data) : {};
}

/**
 * Every `od:callData callID="..."` of a snapshot response, by call id.
 * @param {XmlElement} message
 * @returns {Map<string, Record<string, string>>}
 */
export function callDataByCall(message) {
  const byCall = new Map();
  const collect = at => {
    for (const c of at?.children ?? []) {
      if (c.name === 'callData' && c.namespace === OPENCTI_NS && c.attributes.callID !== undefined) byCall.set(c.attributes.callID, items(c));
      else collect(c);
    }
  };
  collect(child(message, 'extensions'));
  return byCall;
}

function items(data) {
  const out = {};
  for (const item of childrenNamed(data, 'item')) if (item.attributes.key !== undefined) out[item.attributes.key] = item.text;
  return out;
}

/**
 * The text of an OpenCTI private element, or null.
 * @param {XmlElement} message @param {string} name
 * @returns {string | null}
 */
export function privateText(message, name) {
  const element = privateElement(message, name);
  return element && element.text ? element.text : null;
}

function privateElement(message, name) {
  const search = at => {
    for (const c of at?.children ?? []) {
      if (c.name === name && c.namespace === OPENCTI_NS) return c;
      const below = search(c);
      if (below) return below;
    }
    return null;
  };
  return search(child(message, 'extensions'));
}
