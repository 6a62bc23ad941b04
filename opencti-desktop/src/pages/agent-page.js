/**
 * The agent page: login form, then the Call Control Panel on the gateway implementation, the reason and
 * wrap-up codes from REST, and the customer panel (screen pop with recent interactions, click-to-dial).
 * A reload mid-call resumes the stored session (the gateway keeps its token in `sessionStorage`).
 *
 * Accessible names (e2e tests locate by role and name): form "Log in" with textboxes "Agent ID", "Password",
 * "Extension" and button "Log in"; alert "Page errors"; region "Customer" whose heading is the customer's name
 * ("Unknown caller <ANI>" / "No customer"), with buttons "Call <number>" for every phone number, a table
 * "Recent interactions"; the panel's own names are listed in `panel/call-control-panel.js`.
 * @module
 */
import { OpenCti } from '../interface/desktop-interface.js';
import { GatewayImplementation } from '../implementations/gateway.js';
import { AgentState, ErrorCode } from '../interface/states.js';
import '../panel/define.js'; // registers <opencti-call-control-panel> before the page sets its `cti`
import { RestClient } from '../platform/rest-client.js';
import { attachClickToDial, DIAL_ATTRIBUTE } from '../integration/click-to-dial.js';
import { customerView, nextPop } from './screen-pop.js';
import { gatewayUrl, h, showErrors } from './dom.js';

/**
 * @typedef {object} AgentPageOptions
 * @property {Document} [document] default: the global one
 * @property {{protocol: string, host: string}} [location] where the server is (default: the page's)
 * @property {Storage} [storage] where the session token survives a reload (default: `sessionStorage`)
 * @property {import('../implementations/implementation.js').Implementation} [implementation]
 *   default: a `GatewayImplementation` on `ws(s)://<host>/cti/v1`
 * @property {RestClient} [rest] default: `/api/v1` with the gateway's token
 */

/**
 * Starts the agent page on a document holding `#login`, `#desk`, `#page-errors` and `#customer` (agent.html).
 * @param {AgentPageOptions} [options]
 * @returns {{cti: OpenCti, stop: () => void}}
 */
export function startAgentPage(options = {}) {
  const doc = options.document ?? globalThis.document;
  const gateway = options.implementation ?? new GatewayImplementation({
    url: gatewayUrl(options.location ?? globalThis.location), storage: options.storage ?? globalThis.sessionStorage,
    network: globalThis.window,
  });
  const cti = new OpenCti({ implementation: gateway });
  const rest = options.rest ?? new RestClient({ token: () => gateway.token ?? null });
  const page = {
    form: doc.getElementById('login'), desk: doc.getElementById('desk'), errors: doc.getElementById('page-errors'),
    customer: doc.getElementById('customer'), status: doc.getElementById('page-status'),
    panel: doc.querySelector('opencti-call-control-panel'),
  };
  const stopping = new AbortController();
  const { signal } = stopping;
  let errors = [];
  let loggedIn = false;
  let resuming = Boolean(gateway.token);
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
      if (gateway.token) loadCodes();
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
