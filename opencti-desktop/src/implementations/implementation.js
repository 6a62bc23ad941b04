/**
 * The Implementation contract: the pluggable layer under the Desktop Interface. An implementation talks to one
 * back end (the OpenCTI gateway, a CTI server's own browser API, a scripted fake), converts that back end's
 * events into canonical v1 events, and hands them to the framework through the one `emit` callback. It never
 * touches the DOM, and it need not check arguments or state: `OpenCti` did that before `send`.
 *
 * @typedef {(event: Record<string, unknown>) => void} Emit
 *   Receives one canonical event as flat wire JSON (`{type, name, seq?, at, agentId, device, media, ...}`).
 *   The framework validates it against the v1 schema and checks `seq` before applying it.
 *
 * @typedef {object} Implementation
 * @property {(emit: Emit) => (void | Promise<void>)} connect
 *   Called once by `OpenCti.connect()`, before the first request. Resolving means requests may be sent.
 * @property {(request: Record<string, unknown>) => Promise<unknown>} send
 *   Sends one flat wire request (`{type: 'holdCall', callId: 'c-7'}`). Resolves when the back end accepted it,
 *   with its value (`{token, expiresAt}` for login, `{callId}` for makeCall and the consult requests, else
 *   undefined); the outcome arrives as events. Rejects with an `OpenCtiError` (code, message, details).
 * @property {() => (void | Promise<void>)} close
 *   Releases the back end; requests still pending reject with OPENCTI_LINK_DOWN.
 * @property {() => void} [resync]
 *   Optional: asks the back end for a fresh SnapshotEvent (the framework calls it after a `seq` gap).
 * @module
 */

/**
 * Checks that `candidate` fulfils the Implementation contract's required methods.
 * @param {unknown} candidate
 * @returns {candidate is Implementation}
 */
export function isImplementation(candidate) {
  return Boolean(candidate) && ['connect', 'send', 'close'].every(m => typeof candidate[m] === 'function');
}
