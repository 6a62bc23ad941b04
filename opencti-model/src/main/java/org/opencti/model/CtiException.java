package org.opencti.model;

import java.util.Map;

/**
 * The one failure type of OpenCTI's Java API: a refusal with an {@link ErrorCode}, a specific message and
 * details (for example the call id and its state).
 */
public class CtiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, String> details;

    public CtiException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public CtiException(ErrorCode code, String message, Map<String, String> details) {
        this(code, message, details, null);
    }

    public CtiException(ErrorCode code, String message, Map<String, String> details, Throwable cause) {
        super(message == null || message.isBlank() ? code.defaultMessage() : message, cause);
        this.code = Require.present("code", code);
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public ErrorCode code() { return code; }

    public Map<String, String> details() { return details; }

    /** The wire shape of this failure, for a result or an {@link org.opencti.model.event.ErrorEvent}. */
    public CtiError toError(String requestId) {
        return new CtiError(code, getMessage(), details, requestId);
    }
}
