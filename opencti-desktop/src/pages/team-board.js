/**
 * The supervisor's live view, as pure data: the team's agents (state, time in state, current call) and the
 * queues (waiting, longest wait, service level). REST lists (`/api/v1/agents`, `/api/v1/queues`) set the
 * baseline; `AgentStateEvent`s, `CallStateEvent`s and `QueueEvent`s on the supervisor's socket keep it live
 * between two fetches.
 * @module
 */
import { AgentState, ConnectionState, DequeueReason, EventType, QueueChange } from '../interface/states.js';
import { elapsed } from '../panel/panel-model.js';

/**
 * @typedef {object} AgentRow
 * @property {string} agentId @property {string} device @property {string} state @property {string} reason
 * @property {string | null} since @property {string} timeInState @property {string} pending
 * @property {string} call the current call, e.g. "Established Inbound 0612345001", or ""
 * @property {string | null} callSince
 * @property {{state: string, enabled: boolean}[]} actions the state changes a supervisor may make now
 * @typedef {object} QueueRow
 * @property {string} queue @property {number} waiting @property {string} longestWait m:ss, or "" when none waits
 * @property {string | null} oldestSince @property {string} serviceLevel e.g. "85%", or "—"
 * @property {number | null} answered @property {number | null} abandoned
 */

/** The states a supervisor may set for a team member, in button order. */
export const SUPERVISOR_STATES = Object.freeze([AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT]);

/** Holds the supervisor's view of the team and the queues. */
export class TeamBoard {
  #self;
  #now;
  /** @type {Map<string, {agentId: string, device: string, state: string, since: string | null, reasonCode?: string,
   *   pendingState?: string, calls: Map<string, {callId: string, state: string, callType?: string, number?: string, since: string}>}>} */
  #agents = new Map();
  /** @type {Map<string, {queue: string, waiting: number, longestWaitSeconds?: number, fetchedAt?: number,
   *   answered?: number, abandoned?: number, serviceLevel?: number, queued: Map<string, string>}>} */
  #queues = new Map();
  /** For each agents list on its way from REST, the agent events applied since it was asked for. */
  #awaitedLists = new Set();

  /**
   * @param {{self?: string, now?: () => number}} [options] `self`: the supervisor's own id (its desk events are
   *   not a team member's); `now`: epoch millis
   */
  constructor({ self, now = () => Date.now() } = {}) {
    this.#self = self ?? null;
    this.#now = now;
  }

  /** @param {string | null} self the supervisor's own id, once known */
  set self(self) { this.#self = self; }

  /**
   * Replaces the agents with the REST list.
   * @param {import('../platform/rest-client.js').LiveAgent[]} agents
   */
  setAgents(agents) {
    this.#agents = new Map(agents.filter(a => a?.agentId && a.agentId !== this.#self).map(a => [String(a.agentId), {
      agentId: String(a.agentId), device: a.device ?? '', state: a.state ?? AgentState.LOGGED_OUT, since: a.since ?? null,
      ...(a.reasonCode ? { reasonCode: a.reasonCode } : {}), ...(a.pendingState ? { pendingState: a.pendingState } : {}),
      calls: new Map((a.calls ?? []).filter(c => c?.callId).map(c => [c.callId, callOf(c, c.state, c.since ?? a.since)])),
    }]));
  }

  /**
   * Asks for the agents list: the server may answer it from a state older than events that reach the socket
   * while the answer is on its way (a hang-up's state change, say), so those events are kept and applied again
   * on top of the list. A list newer than some of them is only briefly behind: the socket brings the rest.
   * @param {() => Promise<import('../platform/rest-client.js').LiveAgent[]>} fetchAgents
   * @returns {Promise<void>}
   */
  refreshAgents(fetchAgents) {
    const missed = [];
    this.#awaitedLists.add(missed);
    return Promise.resolve().then(fetchAgents).then(agents => {
      this.setAgents(agents);
      for (const event of missed) this.#applyAgentEvent(event);
    }).finally(() => this.#awaitedLists.delete(missed));
  }

  /**
   * Replaces the queue statistics with the REST list (calls known to be waiting are kept).
   * @param {import('../platform/rest-client.js').QueueStatistics[]} queues
   */
  setQueues(queues) {
    const fetchedAt = this.#now();
    this.#queues = new Map(queues.filter(q => q?.queue).map(q => [q.queue, {
      ...q, fetchedAt, queued: q.waiting > 0 ? this.#queues.get(q.queue)?.queued ?? new Map() : new Map(),
    }]));
  }

  /**
   * Applies one canonical event from the supervisor's socket.
   * @param {Record<string, any>} event
   * @returns {boolean} whether the board changed
   */
  apply(event) {
    if (event.type === EventType.QUEUE) return this.#queueEvent(event);
    if (!event.agentId || event.agentId === this.#self) return false;
    for (const missed of this.#awaitedLists) missed.push(event);
    return this.#applyAgentEvent(event);
  }

  #applyAgentEvent(event) {
    const agent = this.#agent(event.agentId, event.device);
    switch (event.type) {
      case EventType.AGENT_STATE: {
        if (agent.state !== event.name || agent.reasonCode !== event.reasonCode) agent.since = event.at;
        Object.assign(agent, { state: event.name });
        for (const key of ['reasonCode', 'pendingState']) {
          if (event[key]) agent[key] = event[key];
          else delete agent[key];
        }
        if (event.name === AgentState.LOGGED_OUT) agent.calls.clear();
        return true;
      }
      case EventType.CALL_STATE: {
        if (event.name === ConnectionState.DISCONNECTED) return agent.calls.delete(event.callId);
        const before = agent.calls.get(event.replacesCallId ?? event.callId);
        if (event.replacesCallId) agent.calls.delete(event.replacesCallId);
        agent.calls.set(event.callId, callOf(event, event.name, before?.state === event.name ? before.since : event.at));
        return true;
      }
      case EventType.SNAPSHOT: {
        Object.assign(agent, { state: event.agent.state, since: event.agent.since, device: event.device });
        agent.calls = new Map(event.calls.map(c => [c.callId, callOf(c, c.state, c.since)]));
        return true;
      }
      default: return false;
    }
  }

  /**
   * The agents table, by agent id.
   * @returns {AgentRow[]}
   */
  agentRows() {
    const now = this.#now();
    return [...this.#agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId, undefined, { numeric: true }))
      .map(a => {
        const call = [...a.calls.values()].find(c => c.state !== ConnectionState.HELD) ?? [...a.calls.values()][0];
        return {
          agentId: a.agentId, device: a.device, state: a.state, reason: a.reasonCode ?? '', since: a.since,
          timeInState: elapsed(a.since, now), pending: a.pendingState ?? '',
          call: call ? [call.state, call.callType, call.number].filter(Boolean).join(' ') : '',
          callSince: call?.since ?? null,
          actions: SUPERVISOR_STATES.map(state => ({ state, enabled: a.state !== AgentState.LOGGED_OUT && (state !== a.state
            || state === AgentState.NOT_READY) })),
        };
      });
  }

  /**
   * The queues table, by queue id.
   * @returns {QueueRow[]}
   */
  queueRows() {
    const now = this.#now();
    return [...this.#queues.values()].sort((a, b) => a.queue.localeCompare(b.queue)).map(q => {
      const oldest = [...q.queued.values()].sort()[0] ?? null;
      const restOldest = q.waiting > 0 && Number.isFinite(q.longestWaitSeconds) && q.fetchedAt !== undefined
        ? new Date(q.fetchedAt - q.longestWaitSeconds * 1000).toISOString() : null;
      const since = q.waiting > 0 ? ([oldest, restOldest].filter(Boolean).sort()[0] ?? null) : null;
      return {
        queue: q.queue, waiting: q.waiting, longestWait: since ? elapsed(since, now) : '', oldestSince: since,
        serviceLevel: percent(q.serviceLevel), answered: q.answered ?? null, abandoned: q.abandoned ?? null,
      };
    });
  }

  #agent(agentId, device) {
    let agent = this.#agents.get(agentId);
    if (!agent) {
      agent = { agentId, device: device ?? '', state: AgentState.LOGGED_OUT, since: null, calls: new Map() };
      this.#agents.set(agentId, agent);
    }
    if (device && !agent.device) agent.device = device;
    return agent;
  }

  #queueEvent(event) {
    let queue = this.#queues.get(event.queue);
    if (!queue) {
      queue = { queue: event.queue, waiting: 0, queued: new Map() };
      this.#queues.set(event.queue, queue);
    }
    queue.waiting = event.waiting;
    if (event.name === QueueChange.CALL_QUEUED) queue.queued.set(event.callId, event.at);
    else queue.queued.delete(event.callId);
    if (event.waiting === 0) queue.queued.clear();
    if (event.name === QueueChange.CALL_DEQUEUED && event.reason === DequeueReason.ABANDONED && Number.isFinite(queue.abandoned)) queue.abandoned += 1;
    return true;
  }
}

function callOf(c, state, since) {
  const number = c.callType === 'Inbound' ? c.ani ?? c.otherDn : c.otherDn ?? c.dnis ?? c.ani;
  return { callId: c.callId, state, ...(c.callType ? { callType: c.callType } : {}), ...(number ? { number } : {}), since: since ?? null };
}

function percent(level) {
  if (!Number.isFinite(level)) return '—';
  return `${Math.round(level <= 1 ? level * 100 : level)}%`;
}
