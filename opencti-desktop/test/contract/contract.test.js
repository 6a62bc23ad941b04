import { InMemoryImplementation } from '../../src/implementations/in-memory.js';
import { GatewayImplementation } from '../../src/implementations/gateway.js';
import { OpenCti } from '../../src/interface/desktop-interface.js';
import { FakeClock, flush } from '../support/fake-clock.js';
import { FakeGatewayServer } from '../support/fake-gateway.js';
import { CentreClient, FakeBroadcastHub, linkCentre } from '../support/fake-broadcast.js';
import { SharedTabsImplementation } from '../../src/implementations/shared-tabs.js';
import { PegaCompatImplementation } from '../../src/implementations/pega-compat.js';
import { toPegaError, toPegaEvent } from '../../src/implementations/pega-codec.js';
import { pegaOverCentre } from '../support/fake-pega.js';
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

implementationContract('shared-tabs (a follower tab, through the owner tab)', async () => {
  const centre = new InMemoryImplementation();
  const link = linkCentre(centre);
  const hub = new FakeBroadcastHub();
  const clock = new FakeClock();
  const tab = id => new OpenCti({ implementation: new SharedTabsImplementation({ create: () => new CentreClient(centre, link),
    channel: hub.channel(), tabId: id, timers: clock.timers }) });
  const owner = tab('a');
  const ownerReady = owner.connect();
  await flush();
  clock.advance(300);
  await ownerReady;
  const follower = tab('b');
  await follower.connect();
  return { cti: follower, centre, settle: flush };
});

implementationContract('pega-compat (a Pega-style implementation over the centre, through the py codec)', async () => {
  const centre = new InMemoryImplementation();
  const pega = pegaOverCentre(centre, { toPegaEvent, toPegaError });
  return { cti: new OpenCti({ implementation: new PegaCompatImplementation({ pega }) }), centre, settle: flush };
});
