/**
 * One ECMA-354 application session over one WebSocket carrying CSTA III XML (the lab's `/csta`, docs/csta-profile.md
 * section 1): StartApplicationSession, the keep-alive ResetApplicationSessionTimer at a third of the session
 * duration, StopApplicationSession on close, and SystemStatus answered. Requests get invokeIDs (in the root's
 * `invokeID` attribute, `0001`-`9998` wrapping) and are matched to their responses; events may come first. A
 * session is used once: after its socket closes, make a new one.
 * @module
 */
import { OpenCtiError } from '../../interface/errors.js';
import { ErrorCode } from '../../interface/states.js';
import { classify } from './decoder.js';
import { fromCstaError } from './requests.js';
import { CSTA_ED4, readXml, SESSION_NS, textAt, XmlBuilder } from './xml.js';

/**
 * @typedef {object} SessionOptions
 * @property {string} url e.g. `ws://localhost:4725/csta`
 * @property {new (url: string) => WebSocket} WebSocket
 * @property {{setTimeout: Function, clearTimeout: Function}} timers
 * @property {string} [protocol] the CSTA namespace asked for (default ed4)
 * @property {string} [applicationId] default `opencti-desktop`
 * @property {number} [sessionDurationS] default 180 (the lab accepts 10 to 3600)
 * @property {number} [requestTimeoutMs] default 15000
 * @property {(event: import('./decoder.js').CstaEvent) => void} onEvent every event, in order
 * @property {(why: string) => void} onClosed the socket closed after the session was up (not called after close())
 */

/** One application session. */
export class CstaSession {
  #o;
  #socket = null;
  #up = false;
  #closing = false;
  #sessionId = null;
  #namespace;
  #keepAlive = null;
  #nextInvoke = 0;
  /** @type {Map<string, {errorContext: string, resolve: Function, reject: Function, timer: unknown}>} */
  #pending = new Map();

  /** @param {SessionOptions} options */
  constructor(options) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.#o = { protocol: CSTA_ED4, applicationId: 'opencti-desktop', sessionDurationS: 180, requestTimeoutMs: 15_000, ...given };
    this.#namespace = this.#o.protocol;
  }

  /** @returns {boolean} whether the session is started and its socket open */
  get up() { return this.#up; }

  /**
   * Opens the socket and starts the application session; resolves once the switch accepted it.
   * @returns {Promise<void>} rejects with OPENCTI_LINK_DOWN when the switch cannot be reached or refuses the session
   */
  open() {
    return new Promise((resolve, reject) => {
      let socket;
      try {
        socket = new this.#o.WebSocket(this.#o.url);
      } catch (error) {
        reject(linkDown(`cannot open ${this.#o.url}: ${error.message}`));
        return;
      }
      this.#socket = socket;
      socket.addEventListener('open', () => {
        this.#request('StartApplicationSession', b => b.open('applicationInfo').text('applicationID', this.#o.applicationId)
          .close('applicationInfo').open('requestedProtocolVersions').text('protocolVersion', this.#o.protocol)
          .close('requestedProtocolVersions').text('requestedSessionDuration', String(this.#o.sessionDurationS)),
        'StartApplicationSession', SESSION_NS).then(response => {
          this.#sessionId = textAt(response, 'sessionID');
          this.#namespace = textAt(response, 'actualProtocolVersion') ?? this.#namespace;
          const seconds = Number(textAt(response, 'actualSessionDuration') ?? this.#o.sessionDurationS);
          this.#up = true;
          this.#scheduleKeepAlive(seconds);
          resolve();
        }, error => {
          reject(linkDown(`the CTI server at ${this.#o.url} refused the application session: ${error.message}`));
          socket.close(1000, 'no session');
        });
      });
      socket.addEventListener('message', e => this.#onFrame(e.data));
      socket.addEventListener('close', e => {
        const wasUp = this.#up;
        this.#down();
        if (!wasUp) reject(linkDown(`the connection to ${this.#o.url} closed before the session started (code ${e?.code ?? '?'})`));
        else if (!this.#closing) this.#o.onClosed(`the connection to ${this.#o.url} closed (code ${e?.code ?? '?'})`);
      });
    });
  }

  /**
   * Sends one CSTA service request; resolves with the positive response's root element.
   * @param {string} service e.g. `MakeCall`
   * @param {(b: XmlBuilder) => void} body writes the children
   * @param {string} [errorContext] names the service for the error map (e.g. `SetAgentState:loggedOn`)
   * @returns {Promise<import('./xml.js').XmlElement>} rejects with the switch's error mapped (an OpenCtiError),
   *   OPENCTI_LINK_DOWN when the session is down, or OPENCTI_TIMEOUT
   */
  request(service, body, errorContext = service) {
    if (!this.#up) return Promise.reject(linkDown(`${service} was not sent: the CTI link is down. Retry when it is Connected.`));
    return this.#request(service, body, errorContext, this.#namespace);
  }

  /** Stops the session politely (StopApplicationSession, not awaited) and closes the socket; pending requests reject. */
  close() {
    if (this.#closing) return;
    this.#closing = true;
    if (this.#up) this.#write(new XmlBuilder('StopApplicationSession', SESSION_NS, this.#invokeId()).text('sessionID', this.#sessionId)
      .open('sessionEndReason').text('appEndReason', 'normal').close('sessionEndReason').build());
    this.#down();
    this.#socket?.close(1000, 'closed by the desktop');
  }

  #request(service, body, errorContext, namespace) {
    const invokeId = this.#invokeId();
    const xml = new XmlBuilder(service, namespace, invokeId);
    body(xml);
    return new Promise((resolve, reject) => {
      const timer = this.#o.timers.setTimeout(() => {
        this.#pending.delete(invokeId);
        reject(new OpenCtiError(ErrorCode.OPENCTI_TIMEOUT, `${service} got no answer from the CTI server within `
          + `${this.#o.requestTimeoutMs} ms.`, { service }));
      }, this.#o.requestTimeoutMs);
      this.#pending.set(invokeId, { errorContext, resolve, reject, timer });
      this.#write(xml.build());
    });
  }

  #invokeId() {
    // 0001-9998 wrapping: 9999 marks events, and some switches read 0000 as "none".
    return String(1 + (this.#nextInvoke++ % 9998)).padStart(4, '0');
  }

  #scheduleKeepAlive(seconds) {
    this.#keepAlive = this.#o.timers.setTimeout(() => {
      if (!this.#up) return;
      this.#request('ResetApplicationSessionTimer', b => b.text('sessionID', this.#sessionId)
        .text('requestedSessionDuration', String(seconds)), 'ResetApplicationSessionTimer', SESSION_NS)
        .catch(() => this.#socket?.close(4000, 'keep-alive refused or unanswered')); // a session we cannot keep is a lost link
      this.#scheduleKeepAlive(seconds);
    }, (seconds * 1000) / 3);
  }

  #onFrame(data) {
    let roots;
    try {
      roots = readXml(String(data));
    } catch {
      return; // one unreadable message must not cost the link; the switch's next one is probably fine
    }
    for (const root of roots) {
      const message = classify(root);
      switch (message.type) {
        case 'event': this.#o.onEvent(message.event); break;
        case 'response': this.#settle(message.invokeId, entry => entry.resolve(message.body)); break;
        case 'error': this.#settle(message.invokeId, entry => entry.reject(fromCstaError(message.error, entry.errorContext))); break;
        case 'request':
          if (message.name === 'SystemStatus') {
            this.#write(new XmlBuilder('SystemStatusResponse', root.namespace || this.#namespace, message.invokeId ?? undefined).build());
          }
          break;
        default: break; // an event or message OpenCTI does not use
      }
    }
  }

  #settle(invokeId, finish) {
    const entry = invokeId === null ? undefined : this.#pending.get(invokeId);
    if (!entry) return;
    this.#pending.delete(invokeId);
    this.#o.timers.clearTimeout(entry.timer);
    finish(entry);
  }

  #down() {
    this.#up = false;
    if (this.#keepAlive !== null) this.#o.timers.clearTimeout(this.#keepAlive);
    this.#keepAlive = null;
    for (const [id, entry] of this.#pending) {
      this.#o.timers.clearTimeout(entry.timer);
      entry.reject(linkDown(`${entry.errorContext} (invokeID ${id}) was not answered before the CTI link closed; `
        + 'it may or may not have been carried out.'));
    }
    this.#pending.clear();
  }

  #write(xml) {
    try {
      this.#socket?.send(xml);
    } catch {
      // a socket that is closing: its close event reports the loss
    }
  }
}

function linkDown(message) {
  return new OpenCtiError(ErrorCode.OPENCTI_LINK_DOWN, message, {});
}
