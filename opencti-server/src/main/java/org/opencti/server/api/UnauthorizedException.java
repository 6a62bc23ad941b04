package org.opencti.server.api;

import java.util.Map;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

/** No usable session token: missing, malformed, forged, expired, or its session ended. HTTP 401. */
final class UnauthorizedException extends CtiException {
    UnauthorizedException(String message, Map<String, String> details) {
        super(ErrorCode.OPENCTI_NOT_AUTHORIZED, message, details);
    }
}
