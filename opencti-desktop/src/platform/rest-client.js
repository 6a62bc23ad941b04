/**
 * The platform's REST API (`/api/v1`, DESIGN section 6) as seen by the desktop pages: every URL the pages use
 * lives here. Each call sends `Authorization: Bearer <token>` (the gateway login's token) and resolves with the
 * parsed JSON; a failure rejects with an {@link OpenCtiError} built from the server's error shape
 * `{code, message, details, requestId}` (or, for a body without it, from the HTTP status).
 *
 * ```js
 * const rest = new RestClient({ token: () => gateway.token });
 * const { name, recentInteractions } = await rest.customer('C-0001');
 * ```
 * @module
 */
import { OpenCtiError } from '../interface/errors.js';
import { ErrorCode } from '../interface/states.js';

/**
 * @typedef {{id: string, label: string}} Code a reason or wrap-up code
 * @typedef {object} Interaction one recorded call of an agent (a row of the customer's history)
 * @property {string} id @property {string} callId @property {string} conversationId @property {string} callType
 * @property {string} [ani] @property {string} [dnis] @property {string} [queue] @property {string} offeredAt
 * @property {string} [answeredAt] @property {string} [endedAt] @property {string} [cause]
 * @property {string} [wrapUpCode] @property {string} [wrapUpNotes] @property {string} agentId
 * @typedef {{id: string, name: string, phone?: string, accountId?: string}} Customer
 * @typedef {Customer & {recentInteractions: Interaction[]}} CustomerRecord
 * @typedef {object} LiveAgent
 * @property {string} agentId @property {string} [device] @property {string} state an AgentState
 * @property {string} [since] @property {string} [reasonCode] @property {object[]} calls
 * @typedef {object} QueueStatistics
 * @property {string} queue @property {number} waiting @property {number} longestWaitSeconds
 * @property {number} answered @property {number} abandoned @property {number} serviceLevel 0..1
 */

/** HTTP statuses that mean something precise when the body carries no OpenCTI error. */
const STATUS_CODES = Object.freeze({
  400: ErrorCode.OPENCTI_BAD_REQUEST, 401: ErrorCode.OPENCTI_NOT_AUTHORIZED, 403: ErrorCode.OPENCTI_NOT_AUTHORIZED,
  408: ErrorCode.OPENCTI_TIMEOUT, 502: ErrorCode.OPENCTI_LINK_DOWN, 503: ErrorCode.OPENCTI_LINK_DOWN,
  504: ErrorCode.OPENCTI_TIMEOUT,
});

/** A client of the platform's REST API. */
export class RestClient {
  #base;
  #token;
  #fetch;

  /**
   * @param {object} [options]
   * @param {string} [options.baseUrl] default `/api/v1` (same origin as the page)
   * @param {string | (() => string | null)} [options.token] the bearer token, or a function reading the current one
   * @param {typeof fetch} [options.fetch] default: the global `fetch`
   */
  // The browser's fetch must be called with the window as `this`; a bare reference throws "Illegal invocation".
  constructor({ baseUrl = '/api/v1', token = null, fetch: fetchFn = globalThis.fetch?.bind(globalThis) } = {}) {
    if (typeof fetchFn !== 'function') throw new TypeError('RestClient needs a fetch function: pass options.fetch');
    this.#base = baseUrl.replace(/\/+$/, '');
    this.#token = typeof token === 'function' ? token : () => token;
    this.#fetch = fetchFn;
  }

  /** One customer with their recent interactions. @param {string} id @returns {Promise<CustomerRecord>} */
  customer(id) { return this.#get(`/customers/${encodeURIComponent(id)}`); }

  /**
   * The customers whose phone matches `phone` (national and international forms find each other).
   * @param {string} phone @returns {Promise<Customer[]>}
   */
  async customersByPhone(phone) { return list(await this.#get(`/customers?phone=${encodeURIComponent(phone)}`)); }

  /** The configured NotReady / logout reasons. @returns {Promise<Code[]>} */
  async reasonCodes() { return list(await this.#get('/codes/reasons')); }

  /** The configured wrap-up codes. @returns {Promise<Code[]>} */
  async wrapUpCodes() { return list(await this.#get('/codes/wrap-up')); }

  /** Live agents (a supervisor sees their team). @returns {Promise<LiveAgent[]>} */
  async agents() { return list(await this.#get('/agents')); }

  /** Live queue statistics. @returns {Promise<QueueStatistics[]>} */
  async queues() { return list(await this.#get('/queues')); }

  /**
   * A supervisor sets a team member's state (Ready, NotReady with a reason, LoggedOut).
   * @param {string} agentId @param {string} state an AgentState @param {string} [reasonCode]
   * @returns {Promise<unknown>}
   */
  setAgentState(agentId, state, reasonCode) {
    const body = reasonCode === undefined ? { state } : { state, reasonCode };
    return this.#send('POST', `/agents/${encodeURIComponent(agentId)}/state`, body);
  }

  #get(path) { return this.#send('GET', path); }

  async #send(method, path, body) {
    const url = `${this.#base}${path}`;
    const headers = { Accept: 'application/json' };
    const token = this.#token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await this.#fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (error) {
      throw new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN, `${method} ${url} failed before any answer (${error?.message ?? error}); `
        + 'check the network and retry.', { method, url }, { cause: error });
    }
    const text = await response.text();
    const json = parse(text);
    if (response.ok) return json ?? undefined;
    if (json && typeof json.code === 'string' && typeof json.message === 'string') throw OpenCtiError.from(json);
    const code = STATUS_CODES[response.status] ?? ErrorCode.OPENCTI_CF_GENERIC_OPERATION;
    throw new OpenCtiError(code, `${method} ${url} answered HTTP ${response.status}`
      + `${text ? `: ${text.slice(0, 200)}` : ''}.`, { method, url, status: String(response.status) });
  }
}

function parse(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null; // a non-JSON body: the caller reports the status and the text
  }
}

/** The lists may come bare or paged (`{items: [...]}`). */
function list(body) {
  if (Array.isArray(body)) return body;
  if (Array.isArray(body?.items)) return body.items;
  throw new OpenCtiError(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, `Expected a JSON array (or {items: [...]}) from the `
    + `platform, got ${JSON.stringify(body)?.slice(0, 120)}.`, {});
}
