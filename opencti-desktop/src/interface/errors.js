import { ErrorCode } from './states.js';

/**
 * The one failure type of the desktop API: every request Promise rejects with it, and `error` events carry it.
 * Its JSON form is the wire shape `{code, message, details, requestId}` used everywhere.
 */
export class OpenCtiError extends Error {
  /**
   * @param {string} code one of {@link ErrorCode}
   * @param {string} message what was wrong, the value, and what is accepted
   * @param {Record<string, string>} [details] machine-readable facts (call id, state, ...)
   * @param {{requestId?: string, cause?: unknown}} [options]
   */
  constructor(code, message, details = {}, { requestId, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'OpenCtiError';
    /** @type {string} */
    this.code = code;
    /** @type {Readonly<Record<string, string>>} */
    this.details = Object.freeze({ ...details });
    /** @type {string | undefined} */
    this.requestId = requestId;
  }

  /**
   * Builds an error from its wire shape (a gateway result, an ErrorEvent), keeping unknown codes readable.
   * @param {{code?: string, message?: string, details?: Record<string, string>, requestId?: string}} wire
   * @returns {OpenCtiError}
   */
  static from(wire) {
    const code = typeof wire?.code === 'string' ? wire.code : ErrorCode.OPENCTI_CF_GENERIC_OPERATION;
    const message = typeof wire?.message === 'string' && wire.message ? wire.message : `${code} (no message)`;
    return new OpenCtiError(code, message, wire?.details ?? {}, { requestId: wire?.requestId });
  }

  /**
   * Wraps anything thrown by an implementation: an OpenCtiError passes through, anything else becomes
   * OPENCTI_CF_GENERIC_OPERATION with the original as its cause.
   * @param {unknown} error
   * @param {string} action the request that failed
   * @returns {OpenCtiError}
   */
  static wrap(error, action) {
    if (error instanceof OpenCtiError) return error;
    const text = error instanceof Error ? error.message : String(error);
    return new OpenCtiError(ErrorCode.OPENCTI_CF_GENERIC_OPERATION,
      `${action} failed in the implementation: ${text}`, { action }, { cause: error });
  }

  /** @returns {{code: string, message: string, details: Record<string, string>, requestId?: string}} */
  toJSON() {
    const json = { code: this.code, message: this.message, details: { ...this.details } };
    if (this.requestId !== undefined) json.requestId = this.requestId;
    return json;
  }
}
