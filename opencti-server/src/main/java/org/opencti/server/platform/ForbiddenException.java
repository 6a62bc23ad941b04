package org.opencti.server.platform;

import java.util.Map;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

/** The data exists but is not the viewer's to see (another agent's, another team's): HTTP 403. */
public final class ForbiddenException extends CtiException {
    public ForbiddenException(String message, Map<String, String> details) {
        super(ErrorCode.OPENCTI_NOT_AUTHORIZED, message, details);
    }
}
