/**
 * The DOM events `OpenCti` dispatches: typed `Event` subclasses, one per kind of change. Each carries frozen
 * snapshots shaped like the canonical schema. Subscribe with `addEventListener(type, fn, { signal })`.
 * @module
 */

/** `agentstatechange`: the agent's state, reason, pending state or work mode changed. */
export class AgentStateChangeEvent extends Event {
  /**
   * @param {import('../state/store.js').AgentView} agent the new agent state
   * @param {import('../state/store.js').AgentView} previous the agent state before
   */
  constructor(agent, previous) {
    super('agentstatechange');
    this.agent = agent;
    this.previous = previous;
  }
}

/**
 * `callstatechange`: a call appeared, changed connection state (or allowed actions), was renamed by
 * `replacesCallId`, or ended. `call` is the call after the change (state `Disconnected` with its `cause` when it
 * ended); `previous` is the call before it, or null for a new call.
 */
export class CallStateChangeEvent extends Event {
  /**
   * @param {import('../state/store.js').CallView} call
   * @param {import('../state/store.js').CallView | null} previous
   */
  constructor(call, previous) {
    super('callstatechange');
    this.call = call;
    this.previous = previous;
  }
}

/** `partieschange`: the parties of a call changed (a remote party joined, held or left). */
export class PartiesChangeEvent extends Event {
  /**
   * @param {import('../state/store.js').CallView} call
   * @param {ReadonlyArray<{dn: string, role: string, state: string}>} previous the parties before
   */
  constructor(call, previous) {
    super('partieschange');
    this.call = call;
    this.previous = previous;
  }
}

/** `callinfochange`: a call's attached data or customer (screen pop) changed. */
export class CallInfoChangeEvent extends Event {
  /**
   * @param {import('../state/store.js').CallView} call
   * @param {import('../state/store.js').CallView} previous
   */
  constructor(call, previous) {
    super('callinfochange');
    this.call = call;
    this.previous = previous;
  }
}

/** `linkstatechange`: the link to the CTI server went up, down, or is being re-established. */
export class LinkStateChangeEvent extends Event {
  /**
   * @param {string} linkState one of LinkState
   * @param {string} previous
   */
  constructor(linkState, previous) {
    super('linkstatechange');
    this.linkState = linkState;
    this.previous = previous;
  }
}

/** `queuechange`: a call entered or left a queue (supervisors, wallboards). */
export class QueueChangeEvent extends Event {
  /** @param {import('../state/store.js').QueueView} queue the queue after the change, with the last event */
  constructor(queue) {
    super('queuechange');
    this.queue = queue;
  }
}

/**
 * `error`: an asynchronous failure: an ErrorEvent from the CTI server, an event refused by the schema
 * (OPENCTI_INVALID_EVENT), or a sequence gap.
 */
export class OpenCtiErrorEvent extends Event {
  /** @param {import('./errors.js').OpenCtiError} error */
  constructor(error) {
    super('error');
    this.error = error;
  }
}

/**
 * `statechange`: dispatched once after every applied event (and after the specific events above), with the
 * whole new state. Renderers that draw everything from the snapshot need only this one.
 */
export class StateChangeEvent extends Event {
  /**
   * @param {import('../state/store.js').DeskState} state
   * @param {import('../state/store.js').DeskState} previous
   */
  constructor(state, previous) {
    super('statechange');
    this.state = state;
    this.previous = previous;
  }
}
