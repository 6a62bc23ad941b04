import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachClickToDial, dialString, dialTarget } from '../../src/integration/click-to-dial.js';
import { flush } from '../support/fake-clock.js';

/**
 * A minimal fake DOM element: attributes, a parent, `closest` for one attribute selector, listeners with an
 * AbortSignal, and events that bubble to the ancestors with `target` kept (node's EventTarget cannot bubble).
 */
class FakeElement {
  #listeners = [];
  constructor(attributes = {}, parent = null) {
    this.attributes = attributes;
    this.parent = parent;
  }
  getAttribute(name) { return this.attributes[name] ?? null; }
  closest(selector) {
    const name = /^\[([a-z-]+)\]$/.exec(selector)[1];
    for (let el = this; el; el = el.parent) if (name in el.attributes) return el;
    return null;
  }
  addEventListener(type, listener, { signal } = {}) {
    if (signal?.aborted) return;
    const entry = { type, listener };
    this.#listeners.push(entry);
    signal?.addEventListener('abort', () => { this.#listeners = this.#listeners.filter(e => e !== entry); });
  }
  /** @returns {boolean} false when a listener called preventDefault on a cancelable event */
  dispatchEvent(event) {
    let prevented = false;
    const bubbling = { type: event.type, detail: event.detail, target: this,
      preventDefault: () => { if (event.cancelable) prevented = true; } };
    for (let el = this; el; el = el.parent) {
      for (const { type, listener } of [...el.#listeners]) if (type === event.type) listener(bubbling);
    }
    return !prevented;
  }
}

/** @returns {boolean} whether the click's default action would still happen */
function click(element) {
  return element.dispatchEvent(new Event('click', { bubbles: true, cancelable: true }));
}

function page() {
  const root = new FakeElement();
  const row = new FakeElement({ 'data-opencti-dial': '+33 (0)6 12-34.50 01' }, root);
  const icon = new FakeElement({}, row);
  const plain = new FakeElement({}, root);
  return { root, row, icon, plain };
}

test('numbers as people write them become dial strings; letters do not', () => {
  assert.equal(dialString(' +33 6 12 34 50 01 '), '+33612345001');
  assert.equal(dialString('tel:5002'), '5002');
  assert.equal(dialString('(0)6-12.34/50'), '06123450');
  assert.equal(dialString('call me'), null);
  assert.equal(dialString(''), null);
  assert.equal(dialString(undefined), null);
});

test('dialTarget finds the nearest marked element, itself or an ancestor', () => {
  const { row, icon, plain } = page();

  assert.equal(dialTarget(icon).element, row);
  assert.equal(dialTarget(row).number, '+330612345001');
  assert.equal(dialTarget(plain), null);
  assert.equal(dialTarget(null), null);
});

test('a click inside a marked element dials its number once, through delegation on the root', async () => {
  const { root, icon } = page();
  const dialled = [];
  attachClickToDial(root, { dial: async n => { dialled.push(n); } });

  const proceeds = click(icon);
  await flush();

  assert.deepEqual(dialled, ['+330612345001']);
  assert.equal(proceeds, false, 'a tel: link does not also open the system dialler');
});

test('a click elsewhere does nothing', async () => {
  const { root, plain } = page();
  const dialled = [];
  attachClickToDial(root, { dial: async n => { dialled.push(n); } });

  const proceeds = click(plain);
  await flush();

  assert.deepEqual(dialled, []);
  assert.equal(proceeds, true);
});

test('aborting the signal, or detach(), stops dialling', async () => {
  const { root, row } = page();
  const dialled = [];
  const controller = new AbortController();
  attachClickToDial(root, { dial: async n => { dialled.push(n); }, signal: controller.signal });
  const other = attachClickToDial(root, { dial: async n => { dialled.push(`second ${n}`); } });

  controller.abort();
  other.detach();
  click(row);
  await flush();

  assert.deepEqual(dialled, []);
});

test('a refused call and an undialable value reach onError with the number', async () => {
  const root = new FakeElement();
  const good = new FakeElement({ 'data-opencti-dial': '5002' }, root);
  const bad = new FakeElement({ 'data-opencti-dial': 'sales desk' }, root);
  const errors = [];
  const refusal = Object.assign(new Error('Cannot makeCall: agent is LoggedOut'), { code: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
  attachClickToDial(root, { dial: () => Promise.reject(refusal), onError: (e, n) => errors.push([e.code ?? e.name, n]) });

  click(good);
  click(bad);
  await flush();

  assert.deepEqual(errors, [['TypeError', null], ['OPENCTI_AGENT_NOT_LOGGED_IN', '5002']]);
});

test('the host page may cancel a dial through the opencti-dial event', async () => {
  const { root, row } = page();
  const dialled = [];
  root.addEventListener('opencti-dial', e => { if (e.detail.number.startsWith('+33')) e.preventDefault(); });
  attachClickToDial(root, { dial: async n => { dialled.push(n); } });

  click(row);
  await flush();

  assert.deepEqual(dialled, []);
});

test('dial is required', () => {
  assert.throws(() => attachClickToDial(new FakeElement(), {}), /needs options.dial/);
});
