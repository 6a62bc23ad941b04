/**
 * The desk state: canonical events in, frozen snapshots and semantic DOM events out.
 *
 * Two small declarative tables do the work (Amazon Connect Streams' idea): `TRANSITIONS` says how each event
 * type changes the snapshot, and `CHANGE_RULES` turn the difference between two snapshots into typed events.
 * Because the events come from the difference, a SnapshotEvent (after a reload or a resume) and a stream of
 * small events produce the same DOM events for the same change.
 * @module
 */
import {
  AgentStateChangeEvent, CallInfoChangeEvent, CallStateChangeEvent, LinkStateChangeEvent, OpenCtiErrorEvent,
  PartiesChangeEvent, QueueChangeEvent, StateChangeEvent,
} from '../interface/events.js';
import { OpenCtiError } from '../interface/errors.js';
import { Action, AgentState, ConnectionState, EventType, LinkState } from '../interface/states.js';

/**
 * @typedef {object} AgentView
 * @property {string} state an AgentState
 * @property {string | null} since when the agent entered this state (ISO instant), null before login
 * @property {string} [reasonCode] the NotReady reason
 * @property {string} [pendingState] the state that applies when the calls end
 * @property {string} [pendingReasonCode]
 * @property {string} [workMode] AutoIn or ManualIn
 */
/**
 * @typedef {object} CallView
 * @property {string} callId
 * @property {string} conversationId
 * @property {string} callType
 * @property {string} state a ConnectionState
 * @property {string} since when the call entered `state` (ISO instant): timers count from it, across reloads
 * @property {string} [ani] @property {string} [dnis] @property {string} [otherDn] @property {string} [queue]
 * @property {string} [relatedCallId] @property {string} [consultPurpose]
 * @property {ReadonlyArray<{dn: string, role: string, state: string}>} parties
 * @property {Readonly<Record<string, string>>} callData
 * @property {ReadonlyArray<string>} allowedActions the requests this call allows now
 * @property {{id: string, name: string, phone?: string, accountId?: string}} [customer]
 * @property {string} [cause] only on the final view of a call that ended
 */
/**
 * @typedef {object} EndedCallView an ACD call that ended and awaits its wrap-up code
 * @property {string} callId @property {string} conversationId @property {string} callType
 * @property {string} [queue] @property {string} [ani] @property {string} endedAt @property {string} cause
 * @property {Readonly<Record<string, string>>} callData
 */
/**
 * @typedef {object} QueueView
 * @property {string} queue @property {number} waiting
 * @property {{name: string, callId: string, reason?: string, at: string}} last the last change
 */
/**
 * @typedef {object} DeskState
 * @property {string | null} agentId @property {string | null} device
 * @property {AgentView} agent
 * @property {boolean} deviceMonitored
 * @property {string} linkState a LinkState
 * @property {ReadonlyArray<CallView>} calls current calls, oldest first
 * @property {ReadonlyArray<EndedCallView>} awaitingWrapUp
 * @property {Readonly<Record<string, QueueView>>} queues
 */

/** @returns {DeskState} the state before any event: logged out, link down. */
export function initialState() {
  return deepFreeze({
    agentId: null, device: null,
    agent: { state: AgentState.LOGGED_OUT, since: null },
    deviceMonitored: false,
    linkState: LinkState.DISCONNECTED,
    calls: [], awaitingWrapUp: [], queues: {},
  });
}

/** Holds the current {@link DeskState} and applies canonical events to it. */
export class Store {
  #state = initialState();

  /** @returns {DeskState} the current frozen state */
  get state() { return this.#state; }

  /**
   * Applies one canonical (already validated) event.
   * @param {object} event
   * @returns {Event[]} the DOM events describing the change, `statechange` last (empty when nothing changed)
   */
  apply(event) {
    const transition = TRANSITIONS[event.type];
    if (!transition) throw new TypeError(`No transition for event type ${event.type}`);
    const notes = { renamed: new Map(), ended: new Map(), extra: [] };
    const next = deepFreeze(transition(this.#state, event, notes));
    return this.#commit(next, notes);
  }

  /**
   * Records that `wrapUp` for `callId` was accepted: the call no longer awaits wrap-up (no event says so).
   * @param {string} callId
   * @returns {Event[]}
   */
  wrappedUp(callId) {
    const state = this.#state;
    const next = deepFreeze({ ...state, awaitingWrapUp: state.awaitingWrapUp.filter(c => c.callId !== callId) });
    return this.#commit(next, { renamed: new Map(), ended: new Map(), extra: [] });
  }

  #commit(next, notes) {
    const previous = this.#state;
    const events = [...CHANGE_RULES.flatMap(rule => rule(previous, next, notes)), ...notes.extra];
    this.#state = next;
    if (previous !== next && !sameJson(previous, next)) events.push(new StateChangeEvent(next, previous));
    return events;
  }
}

/** How each event type changes the state. Each returns a new (not yet frozen) state. */
const TRANSITIONS = Object.freeze({
  [EventType.SNAPSHOT]: (state, e) => ({
    ...identity(state, e),
    agent: agentView(e.agent),
    deviceMonitored: e.deviceMonitored,
    linkState: e.linkState,
    calls: e.calls.map(c => callView(c)),
    awaitingWrapUp: e.awaitingWrapUp.map(c => ({ ...c })),
  }),

  [EventType.AGENT_STATE]: (state, e) => {
    const before = state.agent;
    const changed = before.state !== e.name || before.reasonCode !== e.reasonCode;
    return {
      ...identity(state, e),
      agent: agentView({
        state: e.name, since: changed || !before.since ? e.at : before.since, reasonCode: e.reasonCode,
        pendingState: e.pendingState, pendingReasonCode: e.pendingReasonCode, workMode: e.workMode ?? before.workMode,
      }),
    };
  },

  [EventType.CALL_STATE]: (state, e, notes) => {
    const calls = [...state.calls];
    let index = calls.findIndex(c => c.callId === e.callId);
    if (e.replacesCallId && e.replacesCallId !== e.callId) {
      const old = calls.findIndex(c => c.callId === e.replacesCallId);
      if (old >= 0 && index < 0) { index = old; notes.renamed.set(e.callId, e.replacesCallId); }
      else if (old >= 0) { calls.splice(old, 1); index = calls.findIndex(c => c.callId === e.callId); }
    }
    const before = index >= 0 ? calls[index] : null;
    const merged = callView({
      ...before, ...definedOnly(e),
      state: e.name,
      since: before && before.state === e.name ? before.since : e.at,
      parties: before?.parties ?? [],
      ani: e.ani ?? before?.ani, dnis: e.dnis ?? before?.dnis, otherDn: e.otherDn ?? before?.otherDn,
      queue: e.queue ?? before?.queue, customer: e.customer ?? before?.customer,
      relatedCallId: e.relatedCallId, consultPurpose: e.consultPurpose,
    });
    let awaitingWrapUp = state.awaitingWrapUp;
    if (e.name === ConnectionState.DISCONNECTED) {
      if (index >= 0) calls.splice(index, 1);
      notes.ended.set(e.callId, { ...merged, cause: e.cause });
      if (needsWrapUp(e, merged)) {
        awaitingWrapUp = [...awaitingWrapUp.filter(c => c.callId !== e.callId), endedCall(merged, e)];
      }
    } else if (index >= 0) {
      calls[index] = merged;
    } else {
      // "An ACD call that ended stays awaiting wrap-up until wrapUp or the next offer."
      if (e.name === ConnectionState.OFFERING) awaitingWrapUp = [];
      calls.push(merged);
    }
    return { ...identity(state, e), calls, awaitingWrapUp };
  },

  [EventType.PARTY_INFO]: (state, e) => ({
    ...identity(state, e),
    calls: state.calls.map(c => (c.callId === e.callId ? { ...c, parties: e.parties.map(p => ({ ...p })) } : c)),
  }),

  [EventType.CALL_INFO]: (state, e) => ({
    ...identity(state, e),
    calls: state.calls.map(c => (c.callId === e.callId
      ? { ...c, callData: { ...e.callData }, customer: e.customer ?? c.customer } : c)),
    awaitingWrapUp: state.awaitingWrapUp.map(c => (c.callId === e.callId ? { ...c, callData: { ...e.callData } } : c)),
  }),

  [EventType.LINK_STATE]: (state, e) => ({ ...identity(state, e), linkState: e.name }),

  [EventType.QUEUE]: (state, e, notes) => {
    const last = { name: e.name, callId: e.callId, at: e.at, ...(e.reason ? { reason: e.reason } : {}) };
    const queue = { queue: e.queue, waiting: e.waiting, last };
    notes.extra.push(new QueueChangeEvent(deepFreeze({ ...queue, last: { ...last } })));
    return { ...state, queues: { ...state.queues, [e.queue]: queue } };
  },

  [EventType.ERROR]: (state, e, notes) => {
    notes.extra.push(new OpenCtiErrorEvent(OpenCtiError.from(e)));
    return state;
  },
});

/** Which DOM events a change between two states produces, in this order. */
const CHANGE_RULES = Object.freeze([
  (before, after) => (sameJson(before.agent, after.agent) ? [] : [new AgentStateChangeEvent(after.agent, before.agent)]),
  (before, after) => (before.linkState === after.linkState ? []
    : [new LinkStateChangeEvent(after.linkState, before.linkState)]),
  (before, after, notes) => callPairs(before, after, notes).flatMap(({ previous, call }) => {
    if (!previous || previous.callId !== call.callId || previous.state !== call.state || call.cause
        || !sameJson(previous.allowedActions, call.allowedActions)) {
      return [new CallStateChangeEvent(call, previous)];
    }
    return [];
  }),
  (before, after, notes) => callPairs(before, after, notes)
    .filter(({ previous, call }) => previous && !call.cause && !sameJson(previous.parties, call.parties))
    .map(({ previous, call }) => new PartiesChangeEvent(call, previous.parties)),
  (before, after, notes) => callPairs(before, after, notes)
    .filter(({ previous, call }) => previous && !call.cause
      && (!sameJson(previous.callData, call.callData) || !sameJson(previous.customer, call.customer)))
    .map(({ previous, call }) => new CallInfoChangeEvent(call, previous)),
]);

/** Pairs each call after the change with its view before (following renames); ended calls come last. */
function callPairs(before, after, notes) {
  const byId = new Map(before.calls.map(c => [c.callId, c]));
  const pairs = after.calls.map(call => ({ call, previous: byId.get(notes.renamed.get(call.callId) ?? call.callId) ?? null }));
  const kept = new Set(after.calls.map(c => notes.renamed.get(c.callId) ?? c.callId));
  for (const previous of before.calls) {
    if (kept.has(previous.callId)) continue;
    const ended = notes.ended.get(previous.callId)
      ?? { ...previous, state: ConnectionState.DISCONNECTED, allowedActions: [] };
    pairs.push({ call: deepFreeze(ended), previous });
  }
  for (const [callId, ended] of notes.ended) {
    if (!byId.has(callId)) pairs.push({ call: deepFreeze(ended), previous: null });
  }
  return pairs;
}

function needsWrapUp(event, call) {
  return event.allowedActions ? event.allowedActions.includes(Action.WRAP_UP) : Boolean(call.queue);
}

function endedCall(call, e) {
  return definedOnly({
    callId: call.callId, conversationId: call.conversationId, callType: call.callType, queue: call.queue,
    ani: call.ani, endedAt: e.at, cause: e.cause, callData: { ...call.callData },
  });
}

function identity(state, e) {
  return { ...state, agentId: e.agentId ?? state.agentId, device: e.device ?? state.device };
}

function agentView(agent) {
  return definedOnly({
    state: agent.state, since: agent.since ?? null, reasonCode: agent.reasonCode, pendingState: agent.pendingState,
    pendingReasonCode: agent.pendingReasonCode, workMode: agent.workMode,
  });
}

const CALL_FIELDS = ['callId', 'conversationId', 'callType', 'state', 'since', 'ani', 'dnis', 'otherDn', 'queue',
  'relatedCallId', 'consultPurpose', 'parties', 'callData', 'allowedActions', 'customer'];

function callView(source) {
  const view = {};
  for (const field of CALL_FIELDS) if (source[field] !== undefined) view[field] = source[field];
  view.parties = (view.parties ?? []).map(p => ({ ...p }));
  view.callData = { ...(view.callData ?? {}) };
  view.allowedActions = [...(view.allowedActions ?? [])];
  if (view.customer) view.customer = { ...view.customer };
  return view;
}

function definedOnly(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

function sameJson(a, b) {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Freezes an object graph in place and returns it.
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Event)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
