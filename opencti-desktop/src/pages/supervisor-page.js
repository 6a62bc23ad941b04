/**
 * The supervisor page: a platform login on the gateway socket (supervisors take no calls), then the team's live
 * agents and the queues, from REST and kept live by the socket's agent, call and queue events, with buttons that
 * set a team member Ready, NotReady (with the chosen reason) or LoggedOut (REST `POST /agents/{id}/state`).
 *
 * The page talks to `GatewayImplementation` directly, not through `OpenCti`: the Interface keeps one agent's
 * desk, while this socket carries a whole team's events.
 *
 * Accessible names: form "Log in" with textboxes "Supervisor ID", "Password", "Extension" and button "Log in";
 * alert "Page errors"; button "Log out", button "Refresh", select "Not-ready reason"; table "Team agents"
 * (columns Agent, Extension, State, Time in state, Current call, Actions) with buttons "Make <id> ready",
 * "Make <id> not ready", "Log <id> out"; table "Queues" (Queue, Waiting, Longest wait, Service level,
 * Answered, Abandoned).
 * @module
 */
import { GatewayImplementation, SESSION_STORAGE_KEY } from '../implementations/gateway.js';
import { OpenCtiError } from '../interface/errors.js';
import { validateEvent } from '../interface/event-schema.js';
import { buildRequest } from '../interface/requests.js';
import { Action, AgentState, ErrorCode, EventType } from '../interface/states.js';
import { elapsed } from '../panel/panel-model.js';
import { RestClient } from '../platform/rest-client.js';
import { TeamBoard } from './team-board.js';
import { gatewayUrl, h, showErrors } from './dom.js';

const BUTTON_NAMES = Object.freeze({
  [AgentState.READY]: id => `Make ${id} ready`,
  [AgentState.NOT_READY]: id => `Make ${id} not ready`,
  [AgentState.LOGGED_OUT]: id => `Log ${id} out`,
});

/**
 * Starts the supervisor page on a document holding `#login`, `#board`, `#page-errors`, `#agents`, `#queues`,
 * `#reason`, `#refresh` and `#logout` (supervisor.html).
 * @param {{document?: Document, location?: {protocol: string, host: string}, storage?: Storage,
 *   implementation?: GatewayImplementation, rest?: RestClient, refreshMs?: number}} [options]
 * @returns {{board: TeamBoard, refresh: () => Promise<void>, stop: () => void}}
 */
export function startSupervisorPage(options = {}) {
  const doc = options.document ?? globalThis.document;
  const storage = options.storage ?? globalThis.sessionStorage;
  const gateway = options.implementation ?? new GatewayImplementation({
    url: gatewayUrl(options.location ?? globalThis.location), storage, network: globalThis.window,
  });
  const rest = options.rest ?? new RestClient({ token: () => gateway.token ?? null });
  const board = new TeamBoard();
  const el = id => doc.getElementById(id);
  const page = { form: el('login'), board: el('board'), errors: el('page-errors'), agents: el('agents'),
    queues: el('queues'), reason: el('reason'), refresh: el('refresh'), logout: el('logout') };
  let errors = [];
  let loggedIn = false;
  let poller = null;

  const fail = error => {
    errors = [...errors, { code: error?.code ?? ErrorCode.OPENCTI_CF_GENERIC_OPERATION, message: String(error?.message ?? error) }].slice(-3);
    showErrors(page.errors, errors);
    if (error?.code === ErrorCode.OPENCTI_NOT_AUTHORIZED && loggedIn) show(false);
  };
  const render = () => { drawAgents(page.agents, board.agentRows()); drawQueues(page.queues, board.queueRows()); };
  // Each list stands alone: a server without queue statistics (or a failing fetch) must not blank the agents.
  const refresh = () => Promise.allSettled([
    board.refreshAgents(() => rest.agents()),
    rest.queues().then(list => board.setQueues(list)),
  ]).then(results => {
    render();
    for (const result of results) if (result.status === 'rejected') fail(result.reason);
  });
  const show = on => {
    loggedIn = on;
    page.form.hidden = on;
    page.board.hidden = !on;
    clearInterval(poller);
    if (!on) return;
    rest.reasonCodes().then(codes => page.reason.replaceChildren(...codes.map(c => h('option', { value: c.id }, c.label))), fail);
    refresh();
    poller = setInterval(refresh, options.refreshMs ?? 15_000);
  };

  const receive = event => {
    const verdict = validateEvent(event);
    if (!verdict.valid) { fail(new OpenCtiError(ErrorCode.OPENCTI_INVALID_EVENT, verdict.message, verdict.details)); return; }
    if (event.type === EventType.ERROR) { fail(OpenCtiError.from(event)); return; }
    if (board.apply(event)) render();
  };
  let connected = false;
  const connect = () => { if (!connected) { connected = true; gateway.connect(receive); } };
  connect();

  page.form.addEventListener('submit', event => {
    event.preventDefault();
    const field = name => page.form.elements.namedItem(name).value.trim();
    const button = page.form.querySelector('button[type="submit"]');
    errors = [];
    showErrors(page.errors, errors);
    button.disabled = true;
    Promise.resolve().then(() => {
      const request = buildRequest(Action.LOGIN, { agentId: field('agentId'), password: page.form.elements.namedItem('password').value,
        extension: field('extension') || undefined });
      board.self = request.agentId;
      connect();
      return gateway.send(request);
    }).then(() => { page.form.reset(); show(true); }, fail).finally(() => { button.disabled = false; });
  });
  page.logout.addEventListener('click', () => {
    gateway.send({ type: Action.LOGOUT }).catch(() => {}) // a platform-only session may refuse it: it ends with the socket anyway
      .finally(() => {
        gateway.close();
        connected = false;
        storage?.removeItem(SESSION_STORAGE_KEY);
        show(false);
      });
  });
  page.refresh.addEventListener('click', refresh);
  page.agents.addEventListener('click', event => {
    const button = event.target.closest?.('button[data-state]');
    if (!button) return;
    const { agentId, state } = button.dataset;
    const reason = state === AgentState.NOT_READY ? page.reason.value || undefined : undefined;
    button.disabled = true;
    rest.setAgentState(agentId, state, reason).then(refresh, fail).finally(() => { button.disabled = false; });
  });
  const ticker = setInterval(() => {
    for (const cell of doc.querySelectorAll('[data-since]')) cell.textContent = elapsed(cell.dataset.since, Date.now());
  }, 1000);

  render();
  show(Boolean(gateway.token)); // a reload resumes the stored session; a refused one comes back as an error
  return { board, refresh, stop: () => { clearInterval(ticker); clearInterval(poller); gateway.close(); } };
}

/**
 * Draws the team agents table body.
 * @param {HTMLTableSectionElement} body @param {import('./team-board.js').AgentRow[]} rows
 */
export function drawAgents(body, rows) {
  body.replaceChildren(...(rows.length ? rows.map(a => h('tr', {},
    h('th', { scope: 'row' }, a.agentId), h('td', {}, a.device),
    h('td', {}, [a.state, a.reason && `(${a.reason})`, a.pending && `→ ${a.pending}`].filter(Boolean).join(' ')),
    h('td', a.since ? { 'data-since': a.since } : {}, a.timeInState),
    h('td', {}, a.call, a.callSince ? h('span', { 'data-since': a.callSince, class: 'muted' }, elapsed(a.callSince, Date.now())) : ''),
    h('td', {}, ...a.actions.map(({ state, enabled }) => h('button', { type: 'button', 'data-agent-id': a.agentId,
      'data-state': state, disabled: !enabled }, BUTTON_NAMES[state](a.agentId))))))
    : [h('tr', {}, h('td', { colspan: 6 }, 'No agents in your team are known yet.'))]));
}

/**
 * Draws the queues table body.
 * @param {HTMLTableSectionElement} body @param {import('./team-board.js').QueueRow[]} rows
 */
export function drawQueues(body, rows) {
  body.replaceChildren(...(rows.length ? rows.map(q => h('tr', {},
    h('th', { scope: 'row' }, q.queue), h('td', {}, String(q.waiting)),
    h('td', q.oldestSince ? { 'data-since': q.oldestSince } : {}, q.longestWait), h('td', {}, q.serviceLevel),
    h('td', {}, q.answered ?? '—'), h('td', {}, q.abandoned ?? '—')))
    : [h('tr', {}, h('td', { colspan: 6 }, 'No queue statistics yet.'))]));
}
