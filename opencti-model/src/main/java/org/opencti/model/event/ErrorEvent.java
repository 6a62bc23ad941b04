package org.opencti.model.event;

import java.util.Map;
import org.opencti.model.CtiError;
import org.opencti.model.ErrorCode;
import org.opencti.model.Require;

/** An asynchronous failure; {@code requestId} is set when it answers a request that was accepted earlier. */
public record ErrorEvent(EventHeader header, ErrorCode code, String message, Map<String, String> details,
                         String requestId) implements CtiEvent {
    public ErrorEvent {
        Require.present("header", header).requireAgent("ErrorEvent");
        Require.present("code", code);
        Require.nonBlank("message", message);
        details = details == null ? Map.of() : Map.copyOf(details);
        Require.optionalNonBlank("requestId", requestId);
    }

    public static ErrorEvent of(EventHeader header, CtiError error) {
        return new ErrorEvent(header, error.code(), error.message(), error.details(), error.requestId());
    }

    @Override public String eventName() { return "Error"; }

    @Override public ErrorEvent withHeader(EventHeader newHeader) {
        return new ErrorEvent(newHeader, code, message, details, requestId);
    }
}
