/**
 * The agent page: login form, then the Call Control Panel on the implementation the query string names (the
 * gateway by default; `?impl=csta-ws&csta=ws://host:4725/csta` for a client-side desk, see
 * `implementation-choice.js`), the reason and wrap-up codes from REST, and the customer panel (screen pop with
 * recent interactions, click-to-dial). With the gateway, a reload mid-call resumes the stored session (the gateway
 * keeps its token in `sessionStorage`); a client-side desk shares its CTI connection with the agent's other tabs.
 *
 * Accessible names (e2e tests locate by role and name): form "Log in" with textboxes "Agent ID", "Password",
 * "Extension" and button "Log in"; alert "Page errors"; status "CTI connection" (a client-side
 * desk: whether this tab holds it); region "Customer" whose heading is the customer's name
 * ("Unknown caller <ANI>" / "No customer"), with buttons "Call <number>" for every phone number, a table
 * "Recent interactions"; the panel's own names are listed in `panel/call-control-panel.js`.
 * @module
 */
import { OpenCti } from '../interface/desktop-interface.js';
import { createImplementation, implementationChoice } from './implementation-choice.js';
import { AgentState, ErrorCode } from '../interface/states.js';
import '../panel/define.js'; // registers <opencti-call-control-panel> before the page sets its `cti`
import { RestClient } from '../platform/rest-client.js';
import { attachClickToDial, DIAL_ATTRIBUTE } from '../integration/click-to-dial.js';
import { customerView, nextPop } from './screen-pop.js';
import { h, showErrors } from './dom.js';

/**
 * @typedef {object} AgentPageOptions
 * @property {Document} [document] default: the global one
 * @property {{protocol: string, host: string, search?: string}} [location] where the server is, and the query that
 *   chooses the implementation (default: the page's)
 * @property {Storage} [storage] where the session token survives a reload (default: `sessionStorage`)
 * @property {import('../implementations/implementation.js').Implementation & {token?: string}} [implementation]
 *   default: the one `location.search` chooses (a `GatewayImplementation` on `ws(s)://<host>/cti/v1` without one)
 * @property {RestClient} [rest] default: `/api/v1` with the session's token
 */

/** What the page says about the CTI connection of a client-side desk, which one tab of the agent holds. */
const PARTS = Object.freeze({
  owner: 'This tab holds the CTI connection.', follower: 'Another tab of yours holds the CTI connection.', closed: '',
});

/**
 * Starts the agent page on a document holding `#login`, `#desk`, `#page-errors` and `#customer` (agent.html).
 * @param {AgentPageOptions} [options]
 * @returns {{cti: OpenCti, stop: () => void}}
 */
export function startAgentPage(options = {}) {
  const doc = options.document ?? globalThis.document;
  const location = options.location ?? globalThis.location;
  const part = doc.getElementById('connection-part');
  let choice;
  try {
    choice = options.implementation ? null : implementationChoice(location.search ?? '');
  } catch (error) { // a bad link to the page: say what is wrong where the agent looks, then stop
    showErrors(doc.getElementById('page-errors'), [{ code: ErrorCode.OPENCTI_BAD_REQUEST, message: error.message }]);
    throw error;
  }
  const chosen = options.implementation
    ? { implementation: options.implementation, token: () => options.implementation.token ?? null, clientSide: false }
    : createImplementation(choice, {
      location, storage: options.storage ?? globalThis.sessionStorage, network: globalThis.window,
      onPart: name => { if (part) part.textContent = PARTS[name] ?? ''; } });
  const cti = new OpenCti({ implementation: chosen.implementation });
  const token = chosen.token;
  const rest = options.rest ?? new RestClient({ token });
  const page = {
    form: doc.getElementById('login'), desk: doc.getElementById('desk'), errors: doc.getElementById('page-errors'),
    customer: doc.getElementById('customer'), status: doc.getElementById('page-status'),
    panel: doc.querySelector('opencti-call-control-panel'),
  };
  const stopping = new AbortController();
  const { signal } = stopping;
  let errors = [];
  let loggedIn = false;
  let resuming = Boolean(token());
  let pop = null;
  const histories = new Map(); // customer id -> {status, record}

  const fail = error => {
    errors = [...errors, { code: error?.code ?? ErrorCode.OPENCTI_CF_GENERIC_OPERATION, message: String(error?.message ?? error) }].slice(-3);
    showErrors(page.errors, errors);
  };
  const clearErrors = () => { errors = []; showErrors(page.errors, errors); };

  const showDesk = on => {
    page.form.hidden = on;
    page.desk.hidden = !on;
  };

  const loadCodes = () => Promise.all([rest.reasonCodes(), rest.wrapUpCodes()]).then(([reasons, wrapUps]) => {
    page.panel.reasonCodes = reasons;
    page.panel.wrapUpCodes = wrapUps;
  }, fail);

  const renderCustomer = () => {
    const id = pop?.customer?.id;
    if (id && !histories.has(id)) {
      histories.set(id, { status: 'loading' });
      rest.customer(id).then(record => histories.set(id, { status: 'ready', record }), error => {
        histories.set(id, { status: 'failed' });
        fail(error);
      }).finally(renderCustomer);
    }
    drawCustomer(page.customer, customerView(pop, id ? histories.get(id) : undefined));
  };

  for (const type of ['callstatechange', 'callinfochange']) {
    cti.addEventListener(type, event => {
      const next = nextPop(pop, event);
      if (next === pop) return;
      pop = next;
      renderCustomer();
    }, { signal });
  }
  cti.addEventListener('statechange', ({ state }) => {
    const now = state.agent.state !== AgentState.LOGGED_OUT;
    if (now === loggedIn && !resuming) return;
    loggedIn = now;
    resuming = false;
    showDesk(now);
    if (now) {
      page.status.textContent = '';
      // The gateway sends the desk's events before the login result that carries the token: without a token yet,
      // the codes load when the login resolves.
      if (token()) loadCodes();
    }
  }, { signal });
  cti.addEventListener('error', ({ error }) => {
    if (!loggedIn) { // e.g. the stored session was refused after a reload: back to the login form
      resuming = false;
      page.status.textContent = '';
      fail(error);
      showDesk(false);
    }
  }, { signal });

  page.form.addEventListener('submit', event => {
    event.preventDefault();
    const field = name => page.form.elements.namedItem(name).value.trim();
    const button = page.form.querySelector('button[type="submit"]');
    clearErrors();
    button.disabled = true;
    cti.login(field('agentId'), page.form.elements.namedItem('password').value, field('extension') || undefined)
      .then(() => { page.form.reset(); loadCodes(); }, fail)
      .finally(() => { button.disabled = false; });
  }, { signal });

  attachClickToDial(doc, { dial: number => cti.makeCall(number), onError: fail, signal });
  page.panel.cti = cti;
  drawCustomer(page.customer, customerView(null));
  showDesk(false);
  if (resuming) {
    page.status.textContent = 'Resuming your session…';
    page.form.hidden = true;
  }
  cti.connect().catch(fail);
  // A closing owner tab hands the CTI connection to another tab at once, instead of after the lease runs out.
  if (chosen.clientSide) globalThis.addEventListener?.('pagehide', () => cti.close(), { signal });
  return { cti, stop: () => { stopping.abort(); cti.close(); } };
}

/**
 * Draws the customer panel.
 * @param {HTMLElement} region the `<section aria-label="Customer">`
 * @param {import('./screen-pop.js').CustomerView} view
 */
export function drawCustomer(region, view) {
  const dial = number => (number ? h('button', { type: 'button', [DIAL_ATTRIBUTE]: number, 'aria-label': `Call ${number}` }, number) : '');
  const history = {
    none: '', loading: 'Loading recent interactions…', failed: 'Recent interactions could not be loaded.',
    ready: view.interactions.length ? '' : 'No recent interactions.',
  }[view.history];
  region.replaceChildren(
    h('h2', {}, view.heading),
    view.phone || view.accountId ? h('dl', {},
      view.phone ? [h('dt', {}, 'Phone'), h('dd', {}, dial(view.phone))] : '',
      view.accountId ? [h('dt', {}, 'Account'), h('dd', {}, view.accountId)] : '') : '',
    view.known ? h('h3', {}, 'Recent interactions') : '',
    history ? h('p', { role: 'status' }, history) : '',
    view.interactions.length ? h('table', { 'aria-label': 'Recent interactions' },
      h('thead', {}, h('tr', {}, ...['When', 'Type', 'Number', 'Queue', 'Outcome', 'Wrap-up'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...view.interactions.map(i => h('tr', {},
        h('td', {}, h('time', { datetime: i.when }, i.when ? new Date(i.when).toLocaleString() : '')),
        h('td', {}, i.direction), h('td', {}, dial(i.number)), h('td', {}, i.queue), h('td', {}, i.outcome),
        h('td', {}, i.wrapUp))))) : '');
}
