package org.opencti.server.platform;

import java.util.Map;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

/** No such interaction, customer or agent: HTTP 404 with {@code OPENCTI_NOT_FOUND}; {@code details} name the resource and the id. */
public final class NotFoundException extends CtiException {
    public NotFoundException(String resource, String id, String hint) {
        super(ErrorCode.OPENCTI_NOT_FOUND, "No " + resource + " with id '" + id + "'; " + hint,
                Map.of("resource", resource, "id", id));
    }
}
