/** Builders of canonical events for tests: valid v1 events with sensible defaults. */
export const AT = '2026-11-28T10:15:30.120Z';
const header = { at: AT, agentId: '1001', device: '5001', media: 'phone' };

export function snapshot(overrides = {}) {
  return {
    type: 'SnapshotEvent', name: 'Snapshot', ...header,
    agent: { state: 'Ready', since: AT, workMode: 'ManualIn' }, deviceMonitored: true, linkState: 'Connected',
    calls: [], awaitingWrapUp: [], ...overrides,
  };
}

export function agentState(name, overrides = {}) {
  return { type: 'AgentStateEvent', name, ...header, ...(name === 'NotReady' ? { reasonCode: 'break' } : {}), ...overrides };
}

export function callState(name, overrides = {}) {
  return {
    type: 'CallStateEvent', name, ...header, callId: 'c-7', conversationId: 'c-7', callType: 'Inbound',
    ani: '0612345678', dnis: '8001', queue: 'sales', callData: { accountId: 'A-1001' },
    allowedActions: ACTIONS[name] ?? [], ...(name === 'Disconnected' ? { cause: 'RemoteHangup' } : {}), ...overrides,
  };
}

export const ACTIONS = {
  Offering: ['answerCall', 'hangUpCall', 'blindTransfer', 'setCallData'],
  Established: ['hangUpCall', 'holdCall', 'consultationCall', 'transferInitiate', 'conferenceInitiate', 'blindTransfer',
    'dropParty', 'sendDTMF', 'setCallData'],
  Held: ['retrieveCall', 'hangUpCall', 'setCallData'],
  Disconnected: ['wrapUp'],
};

/** A call as it appears in a snapshot's `calls`. */
export function snapshotCall(state, overrides = {}) {
  return {
    callId: 'c-7', conversationId: 'c-7', callType: 'Inbound', state, since: AT, ani: '0612345678', queue: 'sales',
    parties: [{ dn: '0612345678', role: 'Customer', state: 'Established' }], callData: { accountId: 'A-1001' },
    allowedActions: ACTIONS[state] ?? [], ...overrides,
  };
}

export function withSeq(event, seq) { return { ...event, seq }; }

/**
 * An implementation that records requests and lets the test emit events: the seam for Interface tests.
 */
export class RecordingImplementation {
  sent = [];
  resyncs = 0;
  emit = () => {};
  /** What `send` answers: a value, or a function of the request that may throw. */
  answer = () => undefined;
  connect(emit) { this.emit = emit; }
  async send(request) { this.sent.push(request); return this.answer(request); }
  close() {}
  resync() { this.resyncs++; }
}
