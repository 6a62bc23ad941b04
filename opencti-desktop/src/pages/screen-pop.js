/**
 * Screen pop, as pure functions: which call the customer panel shows, and what it shows for it. The agent page
 * feeds them the Interface's `callstatechange` / `callinfochange` events and the REST customer record.
 *
 * Rules: a newly ringing call pops (its customer, or "Unknown caller <ANI>"); a call found in the state with
 * nothing shown yet pops too (a reload mid-call); the popped call stays shown after it ends (the agent wraps
 * up) until the next call rings; a late customer (`callinfochange`) replaces an unknown one; a call renamed by
 * `replacesCallId` keeps its pop.
 * @module
 */
import { CallType, ConnectionState } from '../interface/states.js';

/**
 * @typedef {import('../platform/rest-client.js').Customer} Customer
 * @typedef {object} Pop the call the customer panel shows
 * @property {string} callId @property {string} conversationId @property {string} [ani]
 * @property {Customer} [customer] @property {boolean} live false once the call ended
 */

/**
 * The pop after one Interface event.
 * @param {Pop | null} pop the current pop
 * @param {{type: string, call: import('../state/store.js').CallView, previous?: object | null}} event
 *   a `callstatechange` or `callinfochange` event
 * @returns {Pop | null} the new pop (the same object when nothing changed)
 */
export function nextPop(pop, { type, call, previous }) {
  const ours = pop && (pop.callId === call.callId || pop.callId === previous?.callId);
  if (type === 'callinfochange') {
    if (!ours || sameCustomer(pop.customer, call.customer)) return pop;
    return { ...pop, callId: call.callId, ...(call.customer ? { customer: call.customer } : {}) };
  }
  if (type !== 'callstatechange') return pop;
  const ended = call.state === ConnectionState.DISCONNECTED;
  if (ours) {
    const live = !ended;
    const customer = call.customer ?? pop.customer;
    if (pop.live === live && pop.callId === call.callId && sameCustomer(pop.customer, customer)) return pop;
    return { ...pop, callId: call.callId, live, ...(customer ? { customer } : {}) };
  }
  const ringing = call.state === ConnectionState.OFFERING && previous?.state !== ConnectionState.OFFERING;
  const nothingLive = !pop || !pop.live;
  if (ended || !(ringing || (nothingLive && !previous))) return pop;
  const next = popOf(call);
  // Calling back the customer shown (click-to-dial): keep their record, the platform pops ringing calls only.
  if (!next.customer && pop?.customer && sameNumber(pop.customer.phone, next.ani)) return { ...next, customer: pop.customer };
  return next;
}

/**
 * The pop for a call (e.g. the first call of the state after a reload).
 * @param {import('../state/store.js').CallView} call
 * @returns {Pop}
 */
export function popOf(call) {
  // The customer's number: the caller's, or on an outbound call the number dialled (the ANI is the agent's own).
  const number = call.callType === CallType.OUTBOUND ? call.dnis ?? call.otherDn : call.ani;
  return {
    callId: call.callId, conversationId: call.conversationId, ...(number ? { ani: number } : {}),
    ...(call.customer ? { customer: call.customer } : {}), live: call.state !== ConnectionState.DISCONNECTED,
  };
}

/**
 * @typedef {object} InteractionRow
 * @property {string} id @property {string} when ISO time offered @property {string} direction the call type
 * @property {string | null} number the customer's number on that call (ANI inbound, DNIS outbound)
 * @property {string} queue @property {string} outcome cause, or "Answered"/"Ringing" @property {string} wrapUp
 * @typedef {object} CustomerView
 * @property {string} heading the customer's name, "Unknown caller <ANI>", or "No customer"
 * @property {boolean} known a customer record is attached
 * @property {string | null} phone @property {string | null} accountId
 * @property {'none' | 'loading' | 'ready' | 'failed'} history the recent-interactions status
 * @property {InteractionRow[]} interactions newest first
 */

/**
 * What the customer panel shows.
 * @param {Pop | null} pop
 * @param {{status: 'loading' | 'ready' | 'failed', record?: import('../platform/rest-client.js').CustomerRecord}} [history]
 *   the REST record of `pop.customer` (recent interactions)
 * @returns {CustomerView}
 */
export function customerView(pop, history) {
  if (!pop) return { heading: 'No customer', known: false, phone: null, accountId: null, history: 'none', interactions: [] };
  const customer = history?.record ? { ...pop.customer, ...pick(history.record) } : pop.customer;
  if (!customer) {
    return { heading: pop.ani ? `Unknown caller ${pop.ani}` : 'Unknown caller', known: false, phone: pop.ani ?? null,
      accountId: null, history: 'none', interactions: [] };
  }
  const interactions = (history?.record?.recentInteractions ?? []).map(interactionRow)
    .sort((a, b) => (a.when < b.when ? 1 : a.when > b.when ? -1 : 0));
  return {
    heading: customer.name, known: true, phone: customer.phone ?? pop.ani ?? null, accountId: customer.accountId ?? null,
    history: history?.status ?? 'loading', interactions,
  };
}

/** @param {import('../platform/rest-client.js').Interaction} i @returns {InteractionRow} */
function interactionRow(i) {
  const inbound = i.callType === CallType.INBOUND || i.callType === CallType.CONSULT;
  return {
    id: i.id, when: i.offeredAt ?? '', direction: i.callType ?? '', number: (inbound ? i.ani : i.dnis) ?? i.ani ?? null,
    queue: i.queue ?? '', outcome: i.cause ?? (i.answeredAt ? 'Answered' : 'Ringing'),
    wrapUp: [i.wrapUpCode, i.wrapUpNotes].filter(Boolean).join(': '),
  };
}

function pick({ id, name, phone, accountId }) {
  return Object.fromEntries(Object.entries({ id, name, phone, accountId }).filter(([, v]) => v !== undefined && v !== null));
}

function sameNumber(a, b) {
  const digits = n => (n ?? '').replace(/\D/g, '');
  return Boolean(digits(a)) && digits(a) === digits(b);
}

function sameCustomer(a, b) {
  return (a?.id ?? null) === (b?.id ?? null) && (a?.name ?? null) === (b?.name ?? null);
}
