package org.opencti.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

/**
 * A query or path parameter the API cannot use: HTTP 400, {@code details} naming the parameter, the value and what
 * is accepted, e.g. "Query parameter limit: '5000' is not accepted; expected an integer from 1 to 1000."
 */
final class BadParameterException extends CtiException {
    BadParameterException(String name, String value, String accepted) {
        super(ErrorCode.OPENCTI_BAD_REQUEST, "Query parameter " + name + ": '" + value + "' is not accepted; expected "
                + accepted + ".", details(name, value, accepted));
    }

    private static Map<String, String> details(String name, String value, String accepted) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("parameter", name);
        details.put("value", value);
        details.put("accepted", accepted);
        return details;
    }
}
