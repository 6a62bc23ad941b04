/**
 * Click-to-dial: a click on any element with a `data-opencti-dial` attribute (the value is the number) places
 * a call. One listener on a root (event delegation), so elements added later dial too; abort the signal (or
 * call `detach()`) to stop.
 *
 * ```html
 * <button type="button" data-opencti-dial="+33 6 12 34 50 01">Call +33 6 12 34 50 01</button>
 * ```
 * ```js
 * const { detach } = attachClickToDial(document, { dial: number => cti.makeCall(number), onError: show });
 * ```
 * Before dialling, a cancelable `opencti-dial` event (`detail = {number}`) bubbles from the element.
 * @module
 */

/** The attribute that marks a dialable element. */
export const DIAL_ATTRIBUTE = 'data-opencti-dial';

/**
 * Turns a number as people write it into a dial string: spaces, dots, dashes, slashes and parentheses go, a
 * leading `00` stays as typed, and a `tel:` prefix is dropped.
 * @param {string | null | undefined} text
 * @returns {string | null} the dial string, or null when nothing dialable remains (letters, empty)
 */
export function dialString(text) {
  if (typeof text !== 'string') return null;
  const cleaned = text.trim().replace(/^tel:/i, '').replace(/[\s().\-/\u00a0]/g, '');
  return /^\+?[0-9*#]{1,32}$/.test(cleaned) ? cleaned : null;
}

/**
 * The number an event's target asks to dial: the nearest `data-opencti-dial` element (itself or an ancestor)
 * inside `root`.
 * @param {EventTarget | null} target
 * @returns {{element: Element, number: string | null} | null} null when no dialable element was clicked
 */
export function dialTarget(target) {
  const element = typeof target?.closest === 'function' ? target.closest(`[${DIAL_ATTRIBUTE}]`) : null;
  if (!element) return null;
  return { element, number: dialString(element.getAttribute(DIAL_ATTRIBUTE)) };
}

/**
 * Starts click-to-dial under `root`.
 * @param {EventTarget} root a document, shadow root or element (its descendants dial)
 * @param {object} options
 * @param {(number: string) => Promise<unknown>} options.dial places the call, e.g. `n => cti.makeCall(n)`
 * @param {(error: unknown, number: string | null) => void} [options.onError] a refused call or an undialable
 *   value (default: rethrown asynchronously, so it reaches the console rather than vanishing)
 * @param {AbortSignal} [options.signal] aborting it detaches
 * @returns {{detach: () => void}}
 */
export function attachClickToDial(root, { dial, onError = rethrow, signal } = {}) {
  if (typeof dial !== 'function') throw new TypeError('attachClickToDial needs options.dial, e.g. n => cti.makeCall(n)');
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const onClick = event => {
    const found = dialTarget(event.target);
    if (!found) return;
    event.preventDefault(); // a tel: link must not also open the system dialler
    if (found.number === null) {
      onError(new TypeError(`Cannot dial '${found.element.getAttribute(DIAL_ATTRIBUTE)}': expected 1 to 32 digits, `
        + "'*' or '#', with an optional leading '+' (spaces, dots, dashes and parentheses are ignored)."), null);
      return;
    }
    const announce = new CustomEvent('opencti-dial', { detail: { number: found.number }, bubbles: true, cancelable: true });
    if (!found.element.dispatchEvent(announce)) return;
    Promise.resolve().then(() => dial(found.number)).catch(error => onError(error, found.number));
  };
  if (!signal?.aborted) root.addEventListener('click', onClick, { signal: controller.signal });
  return { detach: () => controller.abort() };
}

function rethrow(error) {
  queueMicrotask(() => { throw error; });
}
