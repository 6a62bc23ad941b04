/**
 * Fake timers for the gateway: `setTimeout`/`clearTimeout` that fire only when a test calls `advance(ms)`.
 * No test waits for real time.
 */
export class FakeClock {
  #now = 0;
  #nextId = 1;
  #timers = new Map();

  /** The injectable timer functions. */
  timers = {
    setTimeout: (fn, ms) => {
      const id = this.#nextId++;
      this.#timers.set(id, { at: this.#now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout: id => { this.#timers.delete(id); },
  };

  /** @returns {number} fake milliseconds since the start */
  get now() { return this.#now; }

  /** @returns {number[]} the delays of the timers still pending, from now */
  pending() { return [...this.#timers.values()].map(t => t.at - this.#now).sort((a, b) => a - b); }

  /** Moves time forward, firing every timer that falls due, in order. @param {number} ms */
  advance(ms) {
    const end = this.#now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = due[1].at;
      due[1].fn();
    }
    this.#now = end;
  }
}

/** Lets queued microtasks and immediate callbacks run (promise chains settle); not a sleep. */
export async function flush() {
  for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve));
}

/**
 * Records the DOM events an EventTarget dispatches, so a failing assertion can list what happened.
 * @param {EventTarget} target @param {string[]} types
 */
export function recordEvents(target, types = ['agentstatechange', 'callstatechange', 'partieschange',
  'callinfochange', 'linkstatechange', 'queuechange', 'error', 'statechange']) {
  const events = [];
  for (const type of types) target.addEventListener(type, e => events.push(e));
  return {
    events,
    /** @param {string} type */
    of: type => events.filter(e => e.type === type),
    clear: () => { events.length = 0; },
    describe: () => events.map(e => `${e.type}${e.call ? `:${e.call.callId}:${e.call.state}` : ''}`
      + `${e.agent ? `:${e.agent.state}` : ''}${e.error ? `:${e.error.code}` : ''}`).join(', '),
  };
}
