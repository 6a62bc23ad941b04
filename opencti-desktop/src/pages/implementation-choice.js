/**
 * Which implementation the agent page runs, from its query string:
 * - nothing, or `?impl=gateway`: the `gateway` implementation on the server's `/cti/v1` (server-side connector);
 * - `?impl=csta-ws&csta=ws://host:4725/csta[&queues=8001:sales,8002:support]`: client-side, the browser talks CSTA
 *   to the CTI server itself (`queues` names the queue devices as the platform does);
 * - `?impl=pega-csta&csta=...`: client-side, a Pega-style vendor implementation run through `pega-compat`.
 * Client-side desks share one CTI connection between the agent's tabs (shared-tabs over a BroadcastChannel) and
 * the owner tab forwards every event to the platform through a platform link.
 * @module
 */
import { GatewayImplementation } from '../implementations/gateway.js';
import { CstaWsImplementation } from '../implementations/csta-ws.js';
import { PegaCompatImplementation } from '../implementations/pega-compat.js';
import { PlatformLink } from '../implementations/platform-link.js';
import { SharedTabsImplementation } from '../implementations/shared-tabs.js';
import { PegaCstaDesktop } from './pega-csta-desktop.js';
import { gatewayUrl } from './dom.js';

const KINDS = Object.freeze(['gateway', 'csta-ws', 'pega-csta']);

/**
 * @typedef {{kind: 'gateway'} | {kind: 'csta-ws' | 'pega-csta', csta: string, queues: Record<string, string>}} Choice
 */

/**
 * Reads the choice from a query string.
 * @param {string} search e.g. `?impl=csta-ws&csta=ws://localhost:4725/csta`
 * @returns {Choice}
 * @throws {TypeError} naming the bad parameter, its value and what is accepted
 */
export function implementationChoice(search) {
  const query = new URLSearchParams(search);
  const kind = query.get('impl') ?? 'gateway';
  if (!KINDS.includes(kind)) throw new TypeError(`Unknown implementation impl=${kind}; expected one of ${KINDS.join(', ')}`);
  if (kind === 'gateway') return { kind };
  const csta = query.get('csta');
  if (!csta || !/^wss?:\/\/[^\s/]+\/\S*$/.test(csta)) {
    throw new TypeError(`impl=${kind} needs csta=<the CTI server's CSTA WebSocket URL>, e.g. csta=ws://localhost:4725/csta; got ${csta}`);
  }
  const queues = {};
  for (const entry of (query.get('queues') ?? '').split(',').filter(Boolean)) {
    const [device, id] = entry.split(':');
    if (!device || !id) throw new TypeError(`queues entry '${entry}' must be <queue device>:<queue id>, e.g. 8001:sales`);
    queues[device] = id;
  }
  return { kind, csta, queues };
}

/**
 * Builds the implementation a choice names.
 * @param {Choice} choice
 * @param {{location: {protocol: string, host: string}, storage?: Storage, network?: EventTarget,
 *   channel?: () => BroadcastChannel, onPart?: (part: string) => void}} environment `onPart` hears whether this
 *   tab holds a client-side desk's CTI connection (shared-tabs)
 * @returns {{implementation: import('../implementations/implementation.js').Implementation, token: () => (string | null),
 *   clientSide: boolean}}
 */
export function createImplementation(choice, { location, storage, network, channel = () => new BroadcastChannel('opencti.desk'), onPart }) {
  const url = gatewayUrl(location);
  if (choice.kind === 'gateway') {
    const gateway = new GatewayImplementation({ url, storage, network });
    return { implementation: gateway, token: () => gateway.token ?? null, clientSide: false };
  }
  const cti = () => (choice.kind === 'csta-ws'
    ? new CstaWsImplementation({ url: choice.csta, queues: choice.queues })
    : new PegaCompatImplementation({ pega: new PegaCstaDesktop({ url: choice.csta }) }));
  const shared = new SharedTabsImplementation({ channel: channel(), onPart,
    create: () => new PlatformLink({ implementation: cti(), gateway: new GatewayImplementation({ url, network }) }) });
  return { implementation: shared, token: () => shared.session?.token ?? null, clientSide: true };
}
