/**
 * An in-memory BroadcastChannel: every channel of one hub with the same name receives what another posts
 * (never the poster), structured-cloned, in order, through microtasks, like the browser's.
 */
export class FakeBroadcastHub {
  #channels = new Set();
  /** Every message posted, for assertions: `{from (tab), data}`. */
  posted = [];

  /** @param {string} [name] @returns {FakeBroadcastChannel} */
  channel(name = 'opencti.desk') {
    const hub = this;
    const channel = new (class FakeBroadcastChannel extends EventTarget {
      name = name;
      closed = false;
      cut = false;
      /** The tab is frozen or killed: from now on it neither sends nor receives, and gets no error. */
      partition() { this.cut = true; }
      postMessage(message) {
        if (this.closed) throw new Error('postMessage on a closed channel');
        if (this.cut) return;
        const data = structuredClone(message);
        hub.posted.push(data);
        for (const other of hub.#channels) {
          if (other === this || other.closed || other.cut || other.name !== this.name) continue;
          queueMicrotask(() => { if (!other.closed && !other.cut) other.dispatchEvent(new MessageEvent('message', { data: structuredClone(data) })); });
        }
      }
      close() { this.closed = true; hub.#channels.delete(this); }
    })();
    this.#channels.add(channel);
    return channel;
  }
}

/**
 * A client of one shared in-memory contact centre, as a client-side implementation would be a client of the
 * CTI server: the centre's events go to the client connected last; while none is, they are lost (a real gap).
 */
export class CentreClient {
  static created = 0;
  /** @param {import('../../src/implementations/in-memory.js').InMemoryImplementation} centre @param {{current: CentreClient | null}} link */
  constructor(centre, link) {
    CentreClient.created++;
    this.centre = centre;
    this.link = link;
    this.emit = null;
  }
  connect(emit) { this.emit = emit; this.link.current = this; }
  send(request) { return this.centre.send(request); }
  /** Re-attaches to the agent already logged in: the centre states the desk in a snapshot. */
  takeOver() { this.centre.resync(); }
  resync() { this.centre.resync(); }
  close() { if (this.link.current === this) this.link.current = null; }
}

/** Wires a centre so its events reach the current client. */
export function linkCentre(centre) {
  const link = { current: null };
  centre.connect(event => link.current?.emit(event));
  return link;
}
