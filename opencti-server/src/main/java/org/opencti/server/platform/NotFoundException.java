package org.opencti.server.platform;

import java.util.Map;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

/**
 * No such interaction or customer: HTTP 404. The model has no not-found code, so the wire code is
 * {@code OPENCTI_BAD_REQUEST} (the id the caller gave is wrong) and {@code details} name the resource and the id.
 */
public final class NotFoundException extends CtiException {
    public NotFoundException(String resource, String id, String hint) {
        super(ErrorCode.OPENCTI_BAD_REQUEST, "No " + resource + " with id '" + id + "'; " + hint,
                Map.of("resource", resource, "id", id));
    }
}
