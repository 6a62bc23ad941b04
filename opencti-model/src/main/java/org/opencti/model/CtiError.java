package org.opencti.model;

import java.util.Map;

/** The one error shape on every wire: {@code {"code","message","details","requestId"}}. */
public record CtiError(ErrorCode code, String message, Map<String, String> details, String requestId) {
    public CtiError {
        Require.present("code", code);
        Require.nonBlank("message", message);
        details = details == null ? Map.of() : Map.copyOf(details);
        Require.optionalNonBlank("requestId", requestId);
    }
}
