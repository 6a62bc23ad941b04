/**
 * OpenCTI desktop: the only public entry of the library. The Call Control Panel is a separate entry,
 * `opencti-desktop/panel` (`src/panel/define.js`), so headless users load no DOM code.
 * @module opencti-desktop
 */
export { OpenCti } from './interface/desktop-interface.js';
export { OpenCtiError } from './interface/errors.js';
export {
  AgentStateChangeEvent, CallInfoChangeEvent, CallStateChangeEvent, LinkStateChangeEvent, OpenCtiErrorEvent,
  PartiesChangeEvent, QueueChangeEvent, StateChangeEvent,
} from './interface/events.js';
export {
  Action, AgentState, CallType, ConnectionState, ConsultPurpose, DequeueReason, DisconnectCause, ErrorCode, EventType,
  LinkState, PartyRole, QueueChange, TelephonyMode, WorkMode,
} from './interface/states.js';
export { validateEvent } from './interface/event-schema.js';
export { stateTables, agentOutcome, legOf, tableActions } from './state/tables.js';
export { isImplementation } from './implementations/implementation.js';
export { InMemoryImplementation } from './implementations/in-memory.js';
export { GatewayImplementation } from './implementations/gateway.js';
export { PegaCompatImplementation } from './implementations/pega-compat.js';
export { SharedTabsImplementation } from './implementations/shared-tabs.js';
export { CstaWsImplementation } from './implementations/csta-ws.js';
export { PlatformLink } from './implementations/platform-link.js';
export { RestClient } from './platform/rest-client.js';
export { attachClickToDial } from './integration/click-to-dial.js';
