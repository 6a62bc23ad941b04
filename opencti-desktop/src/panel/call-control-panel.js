/**
 * `<opencti-call-control-panel>`: agent state, ringing banner, one row per call, consult controls, dialling,
 * wrap-up, errors and the link banner, drawn from an {@link OpenCti}'s frozen state. Register it with
 * `CallControlPanelElement.define()` (or import `define.js`, which does).
 *
 * @property {import('../interface/desktop-interface.js').OpenCti} cti the Desktop Interface to show and drive
 * @property {{id: string, label: string}[]} reasonCodes NotReady reasons offered in the state select
 * @property {{id: string, label: string}[]} wrapUpCodes codes offered for calls awaiting wrap-up
 * @attr reason-codes - JSON array of `{id, label}`, same as the property
 * @attr wrap-up-codes - JSON array of `{id, label}`, same as the property
 * @event opencti-action - Before each request: `detail = {action, args}`; cancelable (preventDefault skips it).
 *   Bubbles out of the shadow root.
 *
 * Accessible names (stable; tests locate controls by role and name):
 * - select "Agent state" (options "Ready", "Not ready: <label>"); button "Log out"; the pending state as text "Next: ..."
 * - ringing banner (`aria-live="polite"`): button "Answer"
 * - each call is a group named "<callType> call <customer or number>": buttons "Hang up", "Hold", "Retrieve",
 *   "Consult", "Start transfer", "Conference", "Blind transfer"; textbox "Destination"; textbox "DTMF digits",
 *   button "Send DTMF"; keypad buttons "DTMF 0".."DTMF 9", "DTMF *", "DTMF #"; textboxes "Call data key",
 *   "Call data value", button "Set call data"; per party button "Drop party <dn>"
 * - consult controls (once per held/active pair): "Alternate", "Complete transfer", "Complete conference",
 *   "Cancel consult"
 * - dialling: textbox "Number to dial", button "Make call"
 * - each call awaiting wrap-up is a group named "Wrap-up <number>": select "Wrap-up code", textbox "Notes",
 *   button "Wrap up"
 * - errors: `role="alert"` with "<code>: <message>" and a button "Dismiss errors"; link banner: `role="status"`
 *
 * @csspart agent - the agent-state area @csspart state-select - the agent-state select
 * @csspart pending - the pending-state text @csspart ringing - the ringing banner @csspart answer-button
 * @csspart call - one call row @csspart call-state - a call's state text @csspart timer - any elapsed-time text
 * @csspart button - every button @csspart consult - the pair controls @csspart dial - the make-call area
 * @csspart wrap-up - one wrap-up form @csspart errors - the alert region @csspart link-banner - the link-lost banner
 * @cssprop --opencti-font @cssprop --opencti-bg @cssprop --opencti-fg @cssprop --opencti-muted
 * @cssprop --opencti-accent @cssprop --opencti-accent-fg @cssprop --opencti-danger @cssprop --opencti-ringing
 * @cssprop --opencti-border @cssprop --opencti-radius @cssprop --opencti-gap
 */
import { Action } from '../interface/states.js';
import { PANEL_CSS } from './panel-styles.js';
import { elapsed, panelModel } from './panel-model.js';

// Lets node import this module (for the registration test) where there is no DOM.
const Base = globalThis.HTMLElement ?? class {};
const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** The Call Control Panel element. */
export class CallControlPanelElement extends Base {
  static observedAttributes = ['reason-codes', 'wrap-up-codes'];

  /**
   * Registers the element.
   * @param {string} [tag] @param {CustomElementRegistry} [registry]
   * @returns {typeof CallControlPanelElement}
   */
  static define(tag = 'opencti-call-control-panel', registry = globalThis.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #cti = null;
  #listening = null;
  #reasonCodes = null;
  #wrapUpCodes = null;
  #errors = [];
  #drafts = new Map();
  #renderQueued = false;
  #ticker = null;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.addEventListener('click', e => this.#onClick(e));
    this.shadowRoot.addEventListener('change', e => this.#onChange(e));
    this.shadowRoot.addEventListener('input', e => {
      if (e.target.dataset?.key) this.#drafts.set(e.target.dataset.key, e.target.value);
    });
  }

  /** @returns {import('../interface/desktop-interface.js').OpenCti | null} */
  get cti() { return this.#cti; }

  set cti(cti) {
    this.#listening?.abort();
    this.#cti = cti;
    if (cti) {
      this.#listening = new AbortController();
      const { signal } = this.#listening;
      cti.addEventListener('statechange', () => this.#queueRender(), { signal });
      cti.addEventListener('error', e => this.#showError(e.error), { signal });
    }
    this.#queueRender();
  }

  /** @returns {{id: string, label: string}[]} */
  get reasonCodes() { return this.#reasonCodes ?? codesAttribute(this.getAttribute('reason-codes')); }

  set reasonCodes(codes) { this.#reasonCodes = Array.isArray(codes) ? codes : null; this.#queueRender(); }

  /** @returns {{id: string, label: string}[]} */
  get wrapUpCodes() { return this.#wrapUpCodes ?? codesAttribute(this.getAttribute('wrap-up-codes')); }

  set wrapUpCodes(codes) { this.#wrapUpCodes = Array.isArray(codes) ? codes : null; this.#queueRender(); }

  connectedCallback() {
    this.#queueRender();
    this.#ticker = setInterval(() => this.#tick(), 1000);
  }

  disconnectedCallback() {
    clearInterval(this.#ticker);
  }

  attributeChangedCallback() { this.#queueRender(); }

  #queueRender() {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#render();
    });
  }

  /** Redraws everything, keeping typed values and the focused control. */
  #render() {
    const root = this.shadowRoot;
    const focused = root.activeElement?.dataset?.key;
    const model = this.#cti ? panelModel(this.#cti.state, { mode: this.#cti.mode, reasonCodes: this.reasonCodes,
      wrapUpCodes: this.wrapUpCodes }) : null;
    const style = document.createElement('style');
    style.textContent = PANEL_CSS;
    root.replaceChildren(style, ...(model ? this.#view(model) : [h('p', { class: 'muted' }, 'Not connected.')]),
      this.#errorView());
    if (focused) root.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  #view(m) {
    if (!m.loggedIn) return [h('p', { part: 'agent' }, 'Logged out.')];
    return [
      h('div', { part: 'link-banner', role: 'status' }, m.linkLost
        ? `Connection to the telephony server lost (${m.linkState}); reconnecting. Calls go on; controls may fail.` : ''),
      h('section', { part: 'agent', 'aria-label': 'Agent' },
        h('div', { class: 'row' },
          h('label', {}, 'Agent state ', h('select', { part: 'state-select', 'data-role': 'agent-state', 'aria-label': 'Agent state',
            disabled: !m.agent.enabled },
          ...m.agent.options.map(o => h('option', { value: o.value, disabled: o.disabled, selected: o.value === m.agent.value }, o.label)))),
          h('span', { part: 'timer', 'data-since': m.agent.since ?? '' }, m.agent.elapsed),
          h('span', { part: 'pending' }, m.agent.pending),
          this.#button(m.logout, {}))),
      h('section', { part: 'ringing', 'aria-live': 'polite', 'aria-label': 'Incoming calls' },
        ...m.ringing.map(r => h('div', { class: 'row' },
          h('strong', {}, `Incoming call from ${r.ani}`), r.queue ? h('span', {}, `queue ${r.queue}`) : '',
          r.customer ? h('span', {}, r.customer.name) : '', dataList(r.callData),
          this.#button(r.answer, { 'call-id': r.callId }, 'button answer-button')))),
      h('section', { 'aria-label': 'Calls' }, ...m.calls.map(c => this.#callView(c))),
      m.pair ? h('section', { part: 'consult', role: 'group', 'aria-label': 'Consult' }, h('div', { class: 'row' },
        ...m.pair.buttons.map(b => this.#button(b, { held: m.pair.heldCallId, active: m.pair.activeCallId,
          consult: m.pair.consultCallId ?? '' })))) : '',
      h('section', { part: 'dial', 'aria-label': 'Dial' }, h('div', { class: 'row' },
        this.#input('Number to dial', 'dial', { inputmode: 'tel' }), this.#button(m.makeCall, {}))),
      ...m.wrapUps.map(w => h('section', { part: 'wrap-up', role: 'group', 'aria-label': `Wrap-up ${w.title}` },
        h('div', { class: 'row' }, h('span', {}, `Ended (${w.cause}): ${w.title}`),
          h('label', {}, 'Wrap-up code ', h('select', { 'data-key': `wrap-code:${w.callId}`, 'aria-label': 'Wrap-up code' },
            ...w.codes.map(code => h('option', { value: code.id, selected: this.#drafts.get(`wrap-code:${w.callId}`) === code.id }, code.label)))),
          this.#input('Notes', `wrap-notes:${w.callId}`, {}, 'textarea'),
          this.#button(w.wrapUp, { 'call-id': w.callId })))),
    ];
  }

  #callView(c) {
    const id = c.callId;
    return h('article', { part: 'call', role: 'group', 'aria-label': c.title },
      h('div', { class: 'row' }, h('h3', {}, c.title),
        h('span', { part: 'call-state' }, c.state), h('span', { part: 'timer', 'data-since': c.since }, c.elapsed),
        c.queue ? h('span', { class: 'muted' }, `queue ${c.queue}`) : ''),
      dataList(c.callData),
      h('div', { class: 'row' }, ...c.buttons.map(b => this.#button(b, { 'call-id': id }))),
      c.dial ? h('div', { class: 'row' }, this.#input('Destination', `destination:${id}`, { inputmode: 'tel' })) : '',
      h('ul', { 'aria-label': 'Parties' }, ...c.parties.map(p => h('li', {}, `${p.dn} (${p.role}, ${p.state}) `,
        this.#button(p.drop, { 'call-id': id, dn: p.dn })))),
      c.dtmf.enabled ? h('div', { class: 'row' },
        this.#input('DTMF digits', `dtmf:${id}`, { inputmode: 'tel' }), this.#button(c.dtmf, { 'call-id': id }),
        h('details', {}, h('summary', {}, 'Keypad'), h('div', { class: 'row', role: 'group', 'aria-label': 'Keypad' },
          ...DTMF_KEYS.map(k => this.#button({ action: 'dtmf-key', name: `DTMF ${k}`, enabled: true }, { 'call-id': id, digit: k }, 'button', k))))) : '',
      c.setCallData.enabled ? h('div', { class: 'row' },
        this.#input('Call data key', `data-key:${id}`), this.#input('Call data value', `data-value:${id}`),
        this.#button(c.setCallData, { 'call-id': id })) : '');
  }

  #errorView() {
    return h('div', { part: 'errors', role: 'alert' }, ...(this.#errors.length ? [
      ...this.#errors.map(e => h('p', {}, h('strong', {}, `${e.code}: `), e.message)),
      h('button', { part: 'button', 'data-action': 'dismiss-errors' }, 'Dismiss errors')] : []));
  }

  #button(model, data, part = 'button', text = model.name) {
    const attributes = { part, 'data-action': model.action, disabled: !model.enabled, 'aria-label': model.name };
    for (const [key, value] of Object.entries(data)) attributes[`data-${key}`] = value;
    return h('button', attributes, text);
  }

  #input(label, key, attributes = {}, tag = 'input') {
    return h('label', {}, `${label} `, h(tag, { ...attributes, 'data-key': key, 'aria-label': label,
      value: this.#drafts.get(key) ?? '' }));
  }

  #onChange(e) {
    const target = e.target;
    if (target.dataset?.key) this.#drafts.set(target.dataset.key, target.value);
    if (target.dataset?.role !== 'agent-state') return;
    const [state, reason] = target.value.split(':');
    if (state === 'Ready') this.#run(Action.AGENT_READY, []);
    else if (state === 'NotReady' && reason) this.#run(Action.AGENT_NOT_READY, [reason]);
  }

  #onClick(e) {
    const button = e.target.closest?.('button[data-action]');
    if (!button || button.disabled) return;
    const d = button.dataset;
    const draft = key => (this.#drafts.get(key) ?? '').trim();
    const callId = d.callId;
    switch (d.action) {
      case 'dismiss-errors': this.#errors = []; this.#queueRender(); return;
      case 'dtmf-key': this.#run(Action.SEND_DTMF, [callId, d.digit]); return;
      case Action.ALTERNATE_CALL: case Action.TRANSFER_COMPLETE: case Action.CONFERENCE_COMPLETE:
        this.#run(d.action, [d.held, d.active]); return;
      case Action.CANCEL_CONSULT: this.#run(d.action, [d.consult]); return;
      case Action.CONSULTATION_CALL: case Action.TRANSFER_INITIATE: case Action.CONFERENCE_INITIATE:
      case Action.BLIND_TRANSFER:
        this.#run(d.action, [callId, draft(`destination:${callId}`)]); return;
      case Action.DROP_PARTY: this.#run(d.action, [callId, d.dn]); return;
      case Action.SEND_DTMF: this.#run(d.action, [callId, draft(`dtmf:${callId}`)], `dtmf:${callId}`); return;
      case Action.SET_CALL_DATA:
        this.#run(d.action, [callId, { [draft(`data-key:${callId}`)]: this.#drafts.get(`data-value:${callId}`) ?? '' }],
          `data-key:${callId}`, `data-value:${callId}`);
        return;
      case Action.MAKE_CALL: this.#run(d.action, [draft('dial')], 'dial'); return;
      case Action.WRAP_UP: {
        const code = this.#drafts.get(`wrap-code:${callId}`) ?? this.wrapUpCodes[0]?.id;
        const notes = this.#drafts.get(`wrap-notes:${callId}`) || undefined;
        this.#run(d.action, [callId, code, notes], `wrap-code:${callId}`, `wrap-notes:${callId}`);
        return;
      }
      case Action.LOGOUT: this.#run(d.action, []); return;
      default: this.#run(d.action, [callId]);
    }
  }

  /** Announces the request (cancelable), sends it, and shows a refusal; clears the named drafts on success. */
  #run(action, args, ...draftsToClear) {
    const announce = new CustomEvent('opencti-action', { detail: { action, args }, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(announce) || !this.#cti) return;
    this.#cti[action](...args).then(() => {
      for (const key of draftsToClear) this.#drafts.delete(key);
      this.#queueRender();
    }, error => {
      this.#showError(error);
      if (action === Action.AGENT_READY || action === Action.AGENT_NOT_READY) this.#queueRender(); // restore the select
    });
  }

  #showError(error) {
    this.#errors = [...this.#errors, { code: error.code ?? 'OPENCTI_CF_GENERIC_OPERATION', message: error.message }].slice(-3);
    this.#queueRender();
  }

  #tick() {
    for (const el of this.shadowRoot.querySelectorAll('[data-since]')) {
      if (el.dataset.since) el.textContent = elapsed(el.dataset.since, Date.now());
    }
  }
}

function dataList(entries) {
  if (!entries.length) return '';
  return h('dl', { 'aria-label': 'Call data' }, ...entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** Builds an element: boolean attributes are set when true, text children are text nodes (never HTML). */
function h(tag, attributes, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name === 'value') el.value = value;
    else if (name === 'selected') el.selected = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== '' && child != null) el.append(child);
  return el;
}

function codesAttribute(value) {
  if (!value) return [];
  try {
    const codes = JSON.parse(value);
    return Array.isArray(codes) ? codes.filter(c => c && typeof c.id === 'string') : [];
  } catch {
    return []; // an unreadable attribute offers no codes, as its getter promises a safe value
  }
}

