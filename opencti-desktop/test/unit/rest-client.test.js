import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestClient } from '../../src/platform/rest-client.js';

/** A fake fetch: answers from a table of `METHOD path` -> {status, body}, and records every call. */
function fakeFetch(routes) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, ...init });
    const route = routes[`${init.method} ${url}`];
    if (route instanceof Error) throw route;
    const { status = 200, body = '' } = route ?? { status: 404, body: 'Not Found' };
    return { ok: status >= 200 && status < 300, status, text: async () => (typeof body === 'string' ? body : JSON.stringify(body)) };
  };
  return { fetch, calls };
}

test('a customer is fetched by id with the bearer token', async () => {
  const record = { id: 'C-1', name: 'Camille Martin', phone: '+33612345001', accountId: 'A-1001', recentInteractions: [] };
  const { fetch, calls } = fakeFetch({ 'GET /api/v1/customers/C-1': { body: record } });
  const rest = new RestClient({ token: () => 'tok-1', fetch });

  const customer = await rest.customer('C-1');

  assert.deepEqual(customer, record);
  assert.equal(calls[0].headers.Authorization, 'Bearer tok-1');
});

test('every URL lives in the client: codes, agents, queues, lookup by phone', async () => {
  const { fetch, calls } = fakeFetch({
    'GET /api/v1/codes/reasons': { body: [{ id: 'break', label: 'Break' }] },
    'GET /api/v1/codes/wrap-up': { body: { items: [{ id: 'sale', label: 'Sale' }] } },
    'GET /api/v1/agents': { body: [] },
    'GET /api/v1/queues': { body: [] },
    'GET /api/v1/customers?phone=%2B33%206': { body: [] },
  });
  const rest = new RestClient({ fetch });

  assert.deepEqual(await rest.reasonCodes(), [{ id: 'break', label: 'Break' }]);
  assert.deepEqual(await rest.wrapUpCodes(), [{ id: 'sale', label: 'Sale' }], 'a paged list is unwrapped');
  assert.deepEqual(await rest.agents(), []);
  assert.deepEqual(await rest.queues(), []);
  assert.deepEqual(await rest.customersByPhone('+33 6'), []);
  assert.equal(calls[0].headers.Authorization, undefined, 'no token, no header');
});

test('a supervisor state change is a POST with a JSON body', async () => {
  const { fetch, calls } = fakeFetch({ 'POST /api/v1/agents/1001/state': { status: 204 } });
  const rest = new RestClient({ token: 't', fetch });

  const value = await rest.setAgentState('1001', 'NotReady', 'break');

  assert.equal(value, undefined);
  assert.equal(calls[0].body, '{"state":"NotReady","reasonCode":"break"}');
  assert.equal(calls[0].headers['Content-Type'], 'application/json');
});

test('the server\'s error shape becomes an OpenCtiError with its code, message, details and request id', async () => {
  const wire = { code: 'OPENCTI_NOT_AUTHORIZED', message: 'Agent 1001 may not see customer C-9.', details: { customerId: 'C-9' }, requestId: 'h-4' };
  const { fetch } = fakeFetch({ 'GET /api/v1/customers/C-9': { status: 403, body: wire } });

  const error = await new RestClient({ fetch }).customer('C-9').then(() => null, e => e);

  assert.equal(error.name, 'OpenCtiError');
  assert.deepEqual(error.toJSON(), wire);
});

test('a failure without that shape is named by its HTTP status, the URL and the body text', async () => {
  const { fetch } = fakeFetch({ 'GET /api/v1/queues': { status: 503, body: 'upstream down' } });

  const error = await new RestClient({ fetch }).queues().then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_LINK_DOWN');
  assert.equal(error.message, 'GET /api/v1/queues answered HTTP 503: upstream down.');
  assert.equal(error.details.status, '503');
});

test('a network failure is OPENCTI_LINK_DOWN with the cause kept', async () => {
  const cause = new TypeError('Failed to fetch');
  const { fetch } = fakeFetch({ 'GET /api/v1/agents': cause });

  const error = await new RestClient({ fetch }).agents().then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_LINK_DOWN');
  assert.equal(error.cause, cause);
});

test('a list endpoint answering something else is refused, not returned', async () => {
  const { fetch } = fakeFetch({ 'GET /api/v1/agents': { body: { agents: [] } } });

  const error = await new RestClient({ fetch }).agents().then(() => null, e => e);

  assert.equal(error.code, 'OPENCTI_CF_GENERIC_OPERATION');
  assert.match(error.message, /Expected a JSON array/);
});
