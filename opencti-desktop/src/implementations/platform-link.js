/**
 * The platform link of a client-side implementation (DESIGN sections 1 and 4): it wraps the implementation that
 * talks to the CTI server (csta-ws, pega-compat, ...) so the OpenCTI platform still records everything.
 *
 * - `login` first logs in to the platform over the gateway socket, platform-only (`options.clientSide: true`: the
 *   server checks the user and calls no connector), then logs in to the CTI server. Without an extension, the
 *   agent's default one comes from the platform's snapshot. It resolves with the platform's `{token, expiresAt}`.
 * - Every canonical event of the wrapped implementation goes to the desk and is forwarded to the platform
 *   (`{"op":"forward"}`), in order, once; a forward the platform refuses shows as a local ErrorEvent.
 * - `wrapUp` goes to the CTI side (which forgets the ended call) and to the platform (which records the code).
 * - The platform's screen pop comes back: a `customer` the platform attached to a call reaches the desk as a local
 *   CallInfoEvent (not forwarded again).
 * - `takeOver(session)` (a new owner tab, see shared-tabs) resumes the platform session with its token, then lets
 *   the wrapped implementation re-attach to the agent.
 *
 * With several tabs, put the link inside the shared-tabs factory, so only the owner tab holds a link and forwards:
 * ```js
 * new SharedTabsImplementation({ channel, create: () => new PlatformLink({
 *   implementation: new CstaWsImplementation({ url: cstaUrl }), gateway: new GatewayImplementation({ url: gatewayUrl }) }) });
 * ```
 * @module
 */
import { OpenCtiError } from '../interface/errors.js';
import { Action, AgentState, ErrorCode, EventType } from '../interface/states.js';

/**
 * @typedef {object} PlatformGateway what the link needs of the gateway implementation
 * @property {(emit: import('./implementation.js').Emit) => (void | Promise<void>)} connect
 * @property {(request: Record<string, unknown>) => Promise<unknown>} send
 * @property {(event: Record<string, unknown>) => Promise<unknown>} forward
 * @property {(token: string) => void} adoptSession
 * @property {() => (void | Promise<void>)} close
 * @property {string | null} [token]
 *
 * @typedef {object} PlatformLinkOptions
 * @property {import('./implementation.js').Implementation & {takeOver?: Function}} implementation the client-side one
 * @property {PlatformGateway} gateway a GatewayImplementation on the server's `/cti/v1`
 * @property {() => Date} [now] the clock of local events
 */

/** The platform link. */
export class PlatformLink {
  #inner;
  #gateway;
  #now;
  #emit = () => {};
  #forwarding = false;
  #platformDevice = null;
  #identity = null;

  /** @param {PlatformLinkOptions} options */
  constructor({ implementation, gateway, now = () => new Date() } = {}) {
    if (typeof implementation?.send !== 'function') throw new TypeError('PlatformLink needs options.implementation, the client-side implementation');
    if (typeof gateway?.forward !== 'function') throw new TypeError('PlatformLink needs options.gateway, a GatewayImplementation on /cti/v1');
    this.#inner = implementation;
    this.#gateway = gateway;
    this.#now = now;
  }

  /** @returns {string | null} the platform session token (for REST), once logged in */
  get token() { return this.#gateway.token ?? null; }

  /**
   * Connects the platform socket and the client-side implementation.
   * @param {import('./implementation.js').Emit} emit
   * @returns {Promise<void>}
   */
  async connect(emit) {
    this.#emit = emit;
    await this.#gateway.connect(event => this.#fromPlatform(event));
    await this.#inner.connect(event => this.#fromCti(event));
  }

  /**
   * Sends a request: `login` to the platform and then to the CTI server, `wrapUp` to both, the rest to the CTI server.
   * @param {Record<string, any>} request
   * @returns {Promise<unknown>}
   */
  async send(request) {
    if (request.type === Action.LOGIN) return this.#login(request);
    const value = await this.#inner.send(request);
    if (request.type === Action.WRAP_UP) await this.#gateway.send(request); // the platform records the code and notes
    return value;
  }

  /** Asks the client-side implementation for a fresh snapshot. */
  resync() { this.#inner.resync?.(); }

  /**
   * Takes over a desk another tab held: resumes its platform session, then re-attaches to the agent.
   * @param {{agentId: string, device?: string, token?: string}} session
   * @returns {Promise<void>}
   */
  async takeOver(session) {
    if (session.token) {
      this.#gateway.adoptSession(session.token);
      this.#forwarding = true;
      this.#identity = { agentId: session.agentId, device: session.device };
    }
    if (typeof this.#inner.takeOver === 'function') await this.#inner.takeOver(session);
    else this.#inner.resync?.();
  }

  /** Closes both sides; the agent stays logged in (another tab may take over). */
  async close() {
    this.#forwarding = false;
    await this.#inner.close();
    await this.#gateway.close();
  }

  async #login(request) {
    this.#platformDevice = null;
    const value = await this.#gateway.send({ ...request, options: { ...request.options, clientSide: true } });
    const extension = request.extension ?? this.#platformDevice ?? undefined;
    this.#identity = { agentId: request.agentId, device: extension };
    this.#forwarding = true;
    try {
      await this.#inner.send({ ...request, ...(extension ? { extension } : {}) });
    } catch (error) {
      // The platform session opened for nothing: end it, so the agent can log in again.
      if (extension) await this.#forward(this.#event(EventType.AGENT_STATE, AgentState.LOGGED_OUT, { previous: AgentState.LOGGED_OUT }));
      this.#forwarding = false;
      throw error;
    }
    return value;
  }

  /** An event of the CTI side: to the desk, then to the platform. */
  #fromCti(event) {
    this.#emit(event);
    if (!this.#forwarding) return;
    this.#forward(event);
    const loggedOut = (event.type === EventType.AGENT_STATE && event.name === AgentState.LOGGED_OUT)
      || (event.type === EventType.SNAPSHOT && event.agent?.state === AgentState.LOGGED_OUT);
    if (loggedOut) this.#forwarding = false; // the platform ended the session with it
  }

  #forward(event) {
    return this.#gateway.forward(event).catch(error => {
      const failure = OpenCtiError.wrap(error, 'forward');
      this.#emit(this.#event(EventType.ERROR, 'Error', { code: failure.code ?? ErrorCode.OPENCTI_CF_GENERIC_OPERATION,
        message: `The platform did not record a ${event.type}: ${failure.message}`, details: { ...failure.details } }, event));
    });
  }

  /** An event of the platform socket: its snapshot names the device; its screen pop reaches the desk. */
  #fromPlatform(event) {
    if (event.type === EventType.SNAPSHOT) this.#platformDevice = event.device;
    const customer = (event.type === EventType.CALL_STATE || event.type === EventType.CALL_INFO) && Number.isInteger(event.seq)
      ? event.customer : undefined;
    if (customer) {
      this.#emit({ type: EventType.CALL_INFO, name: 'CallInfo', at: event.at, agentId: event.agentId, device: event.device,
        media: 'phone', callId: event.callId, callData: { ...event.callData }, customer });
    } else if (event.type === EventType.ERROR && !Number.isInteger(event.seq)) {
      this.#emit(event); // the platform socket's own trouble (e.g. a refused resume)
    }
  }

  #event(type, name, fields, like = this.#identity) {
    return { type, name, at: this.#now().toISOString(), agentId: like?.agentId, device: like?.device, media: 'phone', ...fields };
  }
}
