import { test } from 'node:test';
import assert from 'node:assert/strict';
import { child, readXml, textAt, XmlBuilder, XmlFormatError } from '../../src/implementations/csta/xml.js';
import { classify } from '../../src/implementations/csta/decoder.js';

test('elements are read by local name whatever their prefix, with their namespace resolved', () => {
  const [root] = readXml('<?xml version="1.0"?><!-- a switch --><csta:HeldEvent xmlns:csta="urn:x" xmlns:od="urn:opencti:csta:1">'
    + '<csta:heldConnection><csta:callID>7</csta:callID></csta:heldConnection><od:reasonCode>Break</od:reasonCode></csta:HeldEvent>');

  assert.equal(root.name, 'HeldEvent');
  assert.equal(root.namespace, 'urn:x');
  assert.equal(textAt(root, 'heldConnection', 'callID'), '7');
  assert.equal(child(root, 'reasonCode').namespace, 'urn:opencti:csta:1');
});

test('several messages in one frame are read in order', () => {
  const roots = readXml('<A invokeID="9999"/><?xml version="1.0"?><B><c>1</c></B>\n<C/>');

  assert.deepEqual(roots.map(r => r.name), ['A', 'B', 'C']);
  assert.equal(roots[0].attributes.invokeID, '9999');
});

test('references, CDATA and single-quoted attributes are decoded', () => {
  const [root] = readXml(`<m a='x &amp; y'><t>a &lt;b&gt; &#233;&#x41;</t><d><![CDATA[<raw & text>]]></d></m>`);

  assert.equal(root.attributes.a, 'x & y');
  assert.equal(textAt(root, 't'), 'a <b> éA');
  assert.equal(textAt(root, 'd'), '<raw & text>');
});

test('unknown elements are kept out of the way: readers look up what they know', () => {
  const [root] = readXml('<DeliveredEvent><vendor:thing xmlns:vendor="urn:v"><deep/></vendor:thing><cause>distributed</cause></DeliveredEvent>');

  assert.equal(classify(root).event.cause, 'distributed');
});

for (const [xml, problem] of [
  ['<a><b></a>', /line 1, column 7: end tag <\/a> does not match <b>/],
  ['<a>\n<b>', /line 2, column 4: <b> is never closed/],
  ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', /DTDs and entity declarations are not accepted/],
  ['<a>&nbsp;</a>', /unknown reference &nbsp;/],
  ['<a b=c/>', /attribute b of <a> must be quoted/],
  ['text<a/>', /text 'text' outside any element/],
]) {
  test(`malformed XML is refused with where and what: ${JSON.stringify(xml)}`, () => {
    assert.throws(() => readXml(xml), e => e instanceof XmlFormatError && problem.test(e.message));
  });
}

test('the builder escapes text and attribute values and writes private data as ECMA-323 wants it', () => {
  const xml = new XmlBuilder('AssociateData', 'urn:csta', '0007').text('note', 'a<b & "c"').privateData({ 'k"y': 'v&w' }, null).build();

  assert.equal(xml, '<?xml version="1.0" encoding="UTF-8"?><AssociateData xmlns="urn:csta" invokeID="0007"><note>a&lt;b &amp; &quot;c&quot;</note>'
    + '<extensions><privateData><private><od:callData xmlns:od="urn:opencti:csta:1"><od:item key="k&quot;y">v&amp;w</od:item>'
    + '</od:callData></private></privateData></extensions></AssociateData>');
  assert.equal(readXml(xml)[0].children[0].text, 'a<b & "c"');
});

test('negative responses are errors with their category and value', () => {
  const [error, neg] = readXml('<CSTAErrorCode invokeID="0003"><operation>invalidCallID</operation><od:message xmlns:od="urn:opencti:csta:1">'
    + 'Unknown call</od:message></CSTAErrorCode><StartApplicationSessionNegResponse><errorCode><definedError>invalidSessionDuration'
    + '</definedError></errorCode></StartApplicationSessionNegResponse>');

  assert.deepEqual(classify(error), { type: 'error', invokeId: '0003', error: { category: 'operation', value: 'invalidCallID', message: 'Unknown call' } });
  assert.deepEqual(classify(neg).error, { category: 'definedError', value: 'invalidSessionDuration', message: null });
});
