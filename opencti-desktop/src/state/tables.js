/**
 * The v1 state tables, read from the very file Java loads (`opencti-model/.../schema/v1/state-tables.json`,
 * reached through the `src/schema` symlink): what each agent request does in each agent state, and which
 * requests a call allows in each connection state and leg. The Interface, the in-memory contact centre and the
 * panel all ask these functions; none of them hard-codes a rule.
 * @module
 */
import tables from '../schema/v1/state-tables.json' with { type: 'json' };
import { ConnectionState } from '../interface/states.js';

/**
 * @typedef {{to: string, reasonCode?: string} | {same: true} | {pending: string} | {error: string}} AgentOutcome
 * What an agent request does: `to` a new state (an event follows), `same` (acknowledged, no event), `pending`
 * (applies when the calls end), `error` (refused with that code, no side effect).
 */

/** The raw tables, frozen. */
export const stateTables = deepFreeze(structuredClone(tables));

/**
 * What an agent-state request (`login`, `logout`, `agentReady`, `agentNotReady`) does in `agentState`.
 * @param {string} agentState
 * @param {string} action
 * @returns {AgentOutcome}
 */
export function agentOutcome(agentState, action) {
  const row = stateTables.agentRequests[agentState];
  if (!row || !row[action]) throw new TypeError(`No agent-request row for ${agentState}/${action} in state-tables.json`);
  return row[action];
}

/**
 * Whether the agent may ever move from `from` to `to`, whatever the cause.
 * @param {string} from
 * @param {string} to
 * @returns {boolean}
 */
export function agentTransitionAllowed(from, to) {
  return (stateTables.agentTransitions[from] ?? []).includes(to);
}

/**
 * The agent states in which `makeCall` is allowed.
 * @returns {ReadonlyArray<string>}
 */
export function makeCallStates() {
  return stateTables.deviceRequests.makeCall;
}

/**
 * Where `call` stands among the device's calls: `only`, `other`, `primary:<purpose>` or `consult:<purpose>`.
 * Both legs of a consult carry `consultPurpose` and point at each other with `relatedCallId`; the consult leg
 * is the younger of the two (it is listed after the held call).
 * @param {{callId: string, state: string, relatedCallId?: string, consultPurpose?: string}} call
 * @param {ReadonlyArray<{callId: string, state: string, relatedCallId?: string, consultPurpose?: string}>} calls
 *   every call at the device, oldest first (may include `call`)
 * @returns {string}
 */
export function legOf(call, calls) {
  const live = calls.filter(c => c.state !== ConnectionState.DISCONNECTED);
  const others = live.filter(c => c.callId !== call.callId);
  if (others.length === 0) return 'only';
  const related = call.relatedCallId && others.find(c => c.callId === call.relatedCallId);
  if (!related) return 'other';
  const purpose = call.consultPurpose ?? related.consultPurpose ?? 'Consult';
  const mine = calls.findIndex(c => c.callId === call.callId);
  const theirs = calls.findIndex(c => c.callId === related.callId);
  return `${mine > theirs ? 'consult' : 'primary'}:${purpose}`;
}

/**
 * The `allowedActions` the table gives a call in `state` on `leg`.
 * @param {string} state a ConnectionState
 * @param {string} leg as returned by {@link legOf}
 * @returns {ReadonlyArray<string>}
 */
export function tableActions(state, leg) {
  return stateTables.callActions[`${state}/${leg}`] ?? [];
}

/**
 * The connection states in which `action` is allowed on `leg` (for error messages: "holdCall needs Established").
 * @param {string} action
 * @param {string} leg
 * @returns {string[]}
 */
export function statesAllowing(action, leg) {
  return Object.values(ConnectionState).filter(state => tableActions(state, leg).includes(action));
}

function deepFreeze(value) {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
