package org.opencti.connector.csta.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opencti.connector.csta.xml.CstaError;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

/** CSTA errors to OpenCTI error codes, as DESIGN section 4 maps them: the one place that knows. */
public final class ErrorMapping {
    private ErrorMapping() {}

    /**
     * @param service the CSTA service that was refused; {@code SetAgentState:loggedOn} marks a logon, whose
     *                {@code invalidObjectState} means the agent or the device is already in use
     */
    public static CtiException toCti(CstaError error, String service) {
        ErrorCode code = switch (error.value()) {
            case "invalidCallID", "invalidConnectionID" -> ErrorCode.OPENCTI_UNKNOWN_CALL;
            case "invalidDestination", "invalidCalledDevice" -> ErrorCode.OPENCTI_CF_INVALID_DESTINATION;
            case "invalidAgentPassword" -> ErrorCode.OPENCTI_NOT_AUTHORIZED;
            default -> "stateIncompatibility".equals(error.category())
                    ? (service.equals("SetAgentState:loggedOn") ? ErrorCode.OPENCTI_AGENT_LOGGED_IN : ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE)
                    : ErrorCode.OPENCTI_CF_GENERIC_OPERATION;
        };
        Map<String, String> details = new LinkedHashMap<>();
        details.put("service", service);
        details.put("cstaError", error.category() + "/" + error.value());
        String message = "The CTI server refused " + service + ": " + error.category() + "/" + error.value()
                + (error.message() == null ? "" : " - " + error.message());
        return new CtiException(code, message, details);
    }
}
