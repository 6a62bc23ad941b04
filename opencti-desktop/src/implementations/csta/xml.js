/**
 * A small, tolerant XML reader and writer for the CSTA III XML subset (ECMA-323 messages, ECMA-354 sessions), with
 * no DOM: `DOMParser` exists in browsers only, and this module must run the same in node's tests and in one script
 * tag. It reads elements, attributes, text, CDATA and the five predefined plus numeric character references;
 * it skips the XML declaration, comments and processing instructions; it refuses DTDs (the peer is a network
 * party). Several root elements per frame are normal (a switch may batch messages). Readers match elements by
 * local name in any namespace, as the Java connector does: switches differ in prefixes and ed3/ed4 namespaces.
 * @module
 */

/** An XML text that cannot be read; the message says where (line and column) and what was wrong. */
export class XmlFormatError extends Error {
  /** @param {string} message @param {number} line @param {number} column */
  constructor(message, line, column) {
    super(`malformed CSTA XML at line ${line}, column ${column}: ${message}`);
    this.name = 'XmlFormatError';
    this.line = line;
    this.column = column;
  }
}

/**
 * @typedef {object} XmlElement
 * @property {string} name the local name
 * @property {string} namespace the namespace URI ('' when none)
 * @property {Record<string, string>} attributes by local name (namespace declarations left out)
 * @property {string} text the element's own character data, trimmed
 * @property {XmlElement[]} children
 */

const PREDEFINED = Object.freeze({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });
const NAME = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/;

/**
 * Reads every root element of `text`, in order.
 * @param {string} text one WebSocket frame (one or more XML documents)
 * @returns {XmlElement[]}
 * @throws {XmlFormatError} for text that is not well-formed XML
 */
export function readXml(text) {
  const source = String(text);
  const roots = [];
  /** @type {{element: XmlElement, qname: string, scope: Record<string, string>, raw: string}[]} */
  const open = [];
  const fail = (message, at) => {
    const before = source.slice(0, at).split('\n');
    throw new XmlFormatError(message, before.length, before.at(-1).length + 1);
  };
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const chars = source.slice(i, lt < 0 ? source.length : lt);
    if (open.length) open.at(-1).raw += decode(chars, i, fail);
    else if (chars.trim()) fail(`text '${chars.trim().slice(0, 20)}' outside any element`, i);
    if (lt < 0) break;
    if (source.startsWith('<?', lt)) {
      i = skipTo(source, '?>', lt, fail, 'processing instruction');
    } else if (source.startsWith('<!--', lt)) {
      i = skipTo(source, '-->', lt, fail, 'comment');
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = skipTo(source, ']]>', lt, fail, 'CDATA section');
      if (!open.length) fail('CDATA outside any element', lt);
      open.at(-1).raw += source.slice(lt + 9, end - 3);
      i = end;
    } else if (source.startsWith('<!', lt)) {
      fail('DTDs and entity declarations are not accepted', lt);
    } else if (source[lt + 1] === '/') {
      const end = source.indexOf('>', lt);
      if (end < 0) fail('unterminated end tag', lt);
      const qname = source.slice(lt + 2, end).trim();
      const top = open.pop();
      if (!top) fail(`end tag </${qname}> with no open element`, lt);
      if (top.qname !== qname) fail(`end tag </${qname}> does not match <${top.qname}>`, lt);
      close(top, open, roots);
      i = end + 1;
    } else {
      i = startTag(source, lt, open, roots, fail);
    }
  }
  if (open.length) fail(`<${open.at(-1).qname}> is never closed`, source.length);
  return roots;
}

function startTag(source, lt, open, roots, fail) {
  const match = NAME.exec(source.slice(lt + 1, lt + 200));
  if (!match) fail('a tag must start with a name', lt);
  const qname = match[0];
  let i = lt + 1 + qname.length;
  const declared = {};
  const raw = {};
  for (;;) {
    while (/\s/.test(source[i] ?? '')) i++;
    if (i >= source.length) fail(`unterminated start tag <${qname}`, lt);
    if (source.startsWith('/>', i) || source[i] === '>') break;
    const attribute = NAME.exec(source.slice(i, i + 200));
    if (!attribute) fail(`bad attribute in <${qname}>`, i);
    i += attribute[0].length;
    while (/\s/.test(source[i] ?? '')) i++;
    if (source[i] !== '=') fail(`attribute ${attribute[0]} of <${qname}> has no value`, i);
    i++;
    while (/\s/.test(source[i] ?? '')) i++;
    const quote = source[i];
    if (quote !== '"' && quote !== "'") fail(`attribute ${attribute[0]} of <${qname}> must be quoted`, i);
    const end = source.indexOf(quote, i + 1);
    if (end < 0) fail(`unterminated value of attribute ${attribute[0]}`, i);
    const value = decode(source.slice(i + 1, end), i + 1, fail);
    i = end + 1;
    if (attribute[0] === 'xmlns') declared[''] = value;
    else if (attribute[0].startsWith('xmlns:')) declared[attribute[0].slice(6)] = value;
    else raw[attribute[0]] = value;
  }
  const scope = { ...(open.at(-1)?.scope ?? {}), ...declared };
  const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
  const attributes = {};
  for (const [name, value] of Object.entries(raw)) attributes[name.includes(':') ? name.split(':')[1] : name] = value;
  const entry = { element: { name: local, namespace: scope[prefix] ?? '', attributes, text: '', children: [] }, qname, scope, raw: '' };
  if (source.startsWith('/>', i)) {
    close(entry, open, roots);
    return i + 2;
  }
  open.push(entry);
  return i + 1;
}

function close(entry, open, roots) {
  entry.element.text = entry.raw.trim();
  if (open.length) open.at(-1).element.children.push(entry.element);
  else roots.push(entry.element);
}

function skipTo(source, terminator, from, fail, what) {
  const end = source.indexOf(terminator, from);
  if (end < 0) fail(`unterminated ${what}`, from);
  return end + terminator.length;
}

function decode(chars, offset, fail) {
  if (!chars.includes('&')) return chars;
  return chars.replace(/&([^;&\s]*);?/g, (whole, name, at) => {
    if (!whole.endsWith(';')) fail(`'&' must start a reference such as &amp;`, offset + at);
    if (name in PREDEFINED) return PREDEFINED[name];
    const code = /^#x[0-9a-fA-F]+$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
    if (Number.isNaN(code) || code > 0x10ffff) fail(`unknown reference &${name}; (only the predefined and numeric ones are read)`, offset + at);
    return String.fromCodePoint(code);
  });
}

// ---- reading helpers: match by local name, ignore what is unknown ----------------------------------------------

/**
 * The first child named `name`, or null.
 * @param {XmlElement | null | undefined} element @param {string} name
 * @returns {XmlElement | null}
 */
export function child(element, name) {
  return element?.children.find(c => c.name === name) ?? null;
}

/**
 * Every child named `name`.
 * @param {XmlElement | null | undefined} element @param {string} name
 * @returns {XmlElement[]}
 */
export function childrenNamed(element, name) {
  return element?.children.filter(c => c.name === name) ?? [];
}

/**
 * The first element named `name` anywhere below `element` (depth first), or null.
 * @param {XmlElement | null | undefined} element @param {string} name
 * @returns {XmlElement | null}
 */
export function find(element, name) {
  for (const c of element?.children ?? []) {
    if (c.name === name) return c;
    const below = find(c, name);
    if (below) return below;
  }
  return null;
}

/**
 * The text at a path of local names below `element`, or null when absent or empty.
 * @param {XmlElement | null | undefined} element @param {...string} path
 * @returns {string | null}
 */
export function textAt(element, ...path) {
  let at = element ?? null;
  for (const step of path) at = child(at, step);
  return at && at.text ? at.text : null;
}

// ---- writing ----------------------------------------------------------------------------------------------------

/**
 * Escapes text or an attribute value.
 * @param {string} value
 * @returns {string}
 */
export function escapeXml(value) {
  return String(value).replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
}

/** Writes one small CSTA document; requests are short, so string building is all it takes. */
export class XmlBuilder {
  #out = '';
  #root;

  /**
   * @param {string} root the service name, e.g. `MakeCall`
   * @param {string} namespace @param {string} [invokeId] carried as the root's `invokeID` attribute (WebSocket)
   */
  constructor(root, namespace, invokeId) {
    this.#root = root;
    this.#out = `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${escapeXml(namespace)}"`
      + `${invokeId ? ` invokeID="${escapeXml(invokeId)}"` : ''}>`;
  }

  /** `<name>value</name>`; nothing for a null or undefined value. @param {string} name @param {string | null | undefined} value */
  text(name, value) {
    if (value !== null && value !== undefined) this.#out += `<${name}>${escapeXml(value)}</${name}>`;
    return this;
  }

  /** @param {string} name */
  open(name) { this.#out += `<${name}>`; return this; }

  /** @param {string} name */
  close(name) { this.#out += `</${name}>`; return this; }

  /** `<name><callID>c</callID><deviceID>d</deviceID></name>`. @param {string} name @param {string} callId @param {string} deviceId */
  connection(name, callId, deviceId) {
    return this.open(name).text('callID', callId).text('deviceID', deviceId).close(name);
  }

  /**
   * OpenCTI's private data (`od:callData`, `od:reasonCode`, `od:workMode`), wrapped as ECMA-323 wants it.
   * @param {Record<string, string> | null | undefined} callData @param {string | null | undefined} reasonCode
   * @param {string | null | undefined} [workMode] `autoIn` or `manualIn`
   */
  privateData(callData, reasonCode, workMode) {
    const items = Object.entries(callData ?? {});
    if (!items.length && !reasonCode && !workMode) return this;
    this.open('extensions').open('privateData').open('private');
    if (items.length) {
      this.#out += `<od:callData xmlns:od="${OPENCTI_NS}">${items.map(([k, v]) => `<od:item key="${escapeXml(k)}">${escapeXml(v)}</od:item>`).join('')}</od:callData>`;
    }
    if (reasonCode) this.#out += `<od:reasonCode xmlns:od="${OPENCTI_NS}">${escapeXml(reasonCode)}</od:reasonCode>`;
    if (workMode) this.#out += `<od:workMode xmlns:od="${OPENCTI_NS}">${escapeXml(workMode)}</od:workMode>`;
    return this.close('private').close('privateData').close('extensions');
  }

  /** @returns {string} the document */
  build() { return `${this.#out}</${this.#root}>`; }
}

/** Namespaces of CSTA III XML (ed4 and ed3), ECMA-354 sessions and OpenCTI's private data. */
export const CSTA_ED4 = 'http://www.ecma-international.org/standards/ecma-323/csta/ed4';
export const CSTA_ED3 = 'http://www.ecma-international.org/standards/ecma-323/csta/ed3';
export const SESSION_NS = 'http://www.ecma-international.org/standards/ecma-354/appl_session';
export const OPENCTI_NS = 'urn:opencti:csta:1';
