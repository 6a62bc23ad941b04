import { InMemoryImplementation } from '../../src/implementations/in-memory.js';
import { GatewayImplementation } from '../../src/implementations/gateway.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { FakeClock, flush } from '../support/fake-clock.js';
import { FakeGatewayServer } from '../support/fake-gateway.js';
import { implementationContract } from './implementation-contract.js';

implementationContract('in-memory', async () => {
  const centre = new InMemoryImplementation();
  return { cti: new OpenCti({ implementation: centre }), centre, settle: flush };
});

implementationContract('gateway', async () => {
  const server = new FakeGatewayServer();
  const clock = new FakeClock();
  const gateway = new GatewayImplementation({ url: 'ws://test/cti/v1', WebSocket: server.WebSocket, timers: clock.timers });
  const cti = new OpenCti({ implementation: gateway });
  await cti.connect();
  await flush();
  return { cti, centre: server.centre, settle: flush };
});
