/**
 * The canonical OpenCTI v1 vocabulary as frozen objects: the same wire names the Java enums of `opencti-model`
 * and the JSON Schema use. One name per thing: use these constants, never string literals, in consumer code.
 * @module
 */

/** The agent's state at the ACD. `NotReady` always carries a reason code (`login` right after login). */
export const AgentState = Object.freeze({
  LOGGED_OUT: 'LoggedOut',
  NOT_READY: 'NotReady',
  READY: 'Ready',
  /** Logged in and on at least one call (ringing, connected or held). */
  BUSY: 'Busy',
  /** Wrap-up after an ACD call, for the queue's wrap time or until the agent leaves it. */
  AFTER_CALL_WORK: 'AfterCallWork',
});

/** How the ACD treats the agent after each ACD call. */
export const WorkMode = Object.freeze({ AUTO_IN: 'AutoIn', MANUAL_IN: 'ManualIn' });

/** The state of this agent's device's connection to a call. */
export const ConnectionState = Object.freeze({
  /** An inbound call rings here. */
  OFFERING: 'Offering',
  /** We went off-hook to dial; the far end is not reached yet. */
  INITIATED: 'Initiated',
  /** We dialled and the far end rings. */
  ALERTING: 'Alerting',
  ESTABLISHED: 'Established',
  /** This device put the call on hold (a remote party holding never changes this). */
  HELD: 'Held',
  /** This device left the call; the event carries a cause. */
  DISCONNECTED: 'Disconnected',
});

/** Where a call came from, from this agent's point of view. */
export const CallType = Object.freeze({
  INBOUND: 'Inbound', OUTBOUND: 'Outbound', INTERNAL: 'Internal', CONSULT: 'Consult',
});

/** Why a consult leg was made; it decides which completion the leg offers. */
export const ConsultPurpose = Object.freeze({ CONSULT: 'Consult', TRANSFER: 'Transfer', CONFERENCE: 'Conference' });

/** Why this device's connection to a call ended. */
export const DisconnectCause = Object.freeze({
  NORMAL: 'Normal', REMOTE_HANGUP: 'RemoteHangup', BUSY: 'Busy', NO_ANSWER: 'NoAnswer', REJECTED: 'Rejected',
  REDIRECTED: 'Redirected', TRANSFERRED: 'Transferred', CONFERENCED: 'Conferenced', ABANDONED: 'Abandoned',
  FAILED: 'Failed', LINK_LOST: 'LinkLost',
});

/** Who a party on a call is. */
export const PartyRole = Object.freeze({
  CUSTOMER: 'Customer', AGENT: 'Agent', SUPERVISOR: 'Supervisor', THIRD_PARTY: 'ThirdParty',
});

/** The state of the link to the CTI server. */
export const LinkState = Object.freeze({
  CONNECTED: 'Connected', DISCONNECTED: 'Disconnected', RECONNECTING: 'Reconnecting',
});

/** The `name` of a QueueEvent, and why a call left a queue. */
export const QueueChange = Object.freeze({ CALL_QUEUED: 'CallQueued', CALL_DEQUEUED: 'CallDequeued' });
export const DequeueReason = Object.freeze({
  DISTRIBUTED: 'Distributed', ABANDONED: 'Abandoned', TRANSFERRED: 'Transferred',
});

/** How much of telephony the desktop controls. */
export const TelephonyMode = Object.freeze({
  /** Login only monitors the device: call notifications and screen pop. */
  SIMPLE: 'simple',
  /** Simple, plus agent state control. */
  SIMPLE_AGENT_STATE: 'simple-agent-state',
  /** All call control. */
  FULL: 'full',
});

/** The `type` of every canonical event. */
export const EventType = Object.freeze({
  SNAPSHOT: 'SnapshotEvent', AGENT_STATE: 'AgentStateEvent', CALL_STATE: 'CallStateEvent',
  PARTY_INFO: 'PartyInfoEvent', CALL_INFO: 'CallInfoEvent', LINK_STATE: 'LinkStateEvent',
  QUEUE: 'QueueEvent', ERROR: 'ErrorEvent',
});

/** Every request's wire name (`type` of a request, and its name in `allowedActions`). */
export const Action = Object.freeze({
  LOGIN: 'login', LOGOUT: 'logout', AGENT_READY: 'agentReady', AGENT_NOT_READY: 'agentNotReady',
  MAKE_CALL: 'makeCall', ANSWER_CALL: 'answerCall', HANG_UP_CALL: 'hangUpCall', HOLD_CALL: 'holdCall',
  RETRIEVE_CALL: 'retrieveCall', ALTERNATE_CALL: 'alternateCall', CONSULTATION_CALL: 'consultationCall',
  TRANSFER_INITIATE: 'transferInitiate', TRANSFER_COMPLETE: 'transferComplete', BLIND_TRANSFER: 'blindTransfer',
  CONFERENCE_INITIATE: 'conferenceInitiate', CONFERENCE_COMPLETE: 'conferenceComplete', DROP_PARTY: 'dropParty',
  CANCEL_CONSULT: 'cancelConsult', SEND_DTMF: 'sendDTMF', SET_CALL_DATA: 'setCallData', WRAP_UP: 'wrapUp',
});

/** Every error code (wire `code`), the same `OPENCTI_*` names as Java's `ErrorCode` and Pega. */
export const ErrorCode = Object.freeze({
  OPENCTI_AGENT_LOGGED_IN: 'OPENCTI_AGENT_LOGGED_IN',
  OPENCTI_AGENT_NOT_LOGGED_IN: 'OPENCTI_AGENT_NOT_LOGGED_IN',
  OPENCTI_CALL_REJECTED: 'OPENCTI_CALL_REJECTED',
  OPENCTI_CF_GENERIC_OPERATION: 'OPENCTI_CF_GENERIC_OPERATION',
  OPENCTI_CF_INVALID_DESTINATION: 'OPENCTI_CF_INVALID_DESTINATION',
  OPENCTI_CF_INVALID_OBJECT_STATE: 'OPENCTI_CF_INVALID_OBJECT_STATE',
  OPENCTI_CONF_ALREADY_PRESENT: 'OPENCTI_CONF_ALREADY_PRESENT',
  OPENCTI_DEST_BUSY: 'OPENCTI_DEST_BUSY',
  OPENCTI_IN_SAME_STATE: 'OPENCTI_IN_SAME_STATE',
  OPENCTI_UNKNOWN_CALL: 'OPENCTI_UNKNOWN_CALL',
  OPENCTI_BAD_REQUEST: 'OPENCTI_BAD_REQUEST',
  OPENCTI_NOT_FOUND: 'OPENCTI_NOT_FOUND',
  OPENCTI_NOT_AUTHORIZED: 'OPENCTI_NOT_AUTHORIZED',
  OPENCTI_LINK_DOWN: 'OPENCTI_LINK_DOWN',
  OPENCTI_TIMEOUT: 'OPENCTI_TIMEOUT',
  OPENCTI_INVALID_EVENT: 'OPENCTI_INVALID_EVENT',
});
