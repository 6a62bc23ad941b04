/**
 * The pages' one DOM helper: builds elements from data, text always as text nodes (never HTML), so values
 * from the CTI server or the platform can never inject markup.
 * @module
 */

/**
 * Builds an element. `false`, `null` and `undefined` attributes are left out, `true` sets an empty one;
 * `value` and `selected` are set as properties; `''`, `null` and `undefined` children are skipped.
 * @param {string} tag
 * @param {Record<string, unknown>} [attributes]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name === 'value') el.value = String(value);
    else if (name === 'selected') el.selected = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== '' && child != null) el.append(child);
  return el;
}

/**
 * Shows failures in a `role="alert"` region as "<code>: <message>" (the newest three).
 * @param {HTMLElement} region
 * @param {ReadonlyArray<{code?: string, message: string}>} errors
 */
export function showErrors(region, errors) {
  region.replaceChildren(...errors.slice(-3).map(e => h('p', {}, h('strong', {}, `${e.code ?? 'OPENCTI_CF_GENERIC_OPERATION'}: `), e.message)));
}

/**
 * The gateway socket URL of the page's own server.
 * @param {{protocol: string, host: string}} location
 * @returns {string} e.g. `wss://cti.example.com/cti/v1`
 */
export function gatewayUrl(location) {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/cti/v1`;
}
