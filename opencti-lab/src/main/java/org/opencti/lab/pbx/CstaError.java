package org.opencti.lab.pbx;

/** A CSTAErrorCode: the ECMA-323 category element and its value, e.g. {@code operation / invalidCallID}. */
public record CstaError(String category, String value) {

    public static final CstaError GENERIC = operation("generic");
    public static final CstaError INVALID_CALL_ID = operation("invalidCallID");
    public static final CstaError INVALID_CONNECTION_ID = operation("invalidConnectionID");
    public static final CstaError INVALID_DEVICE_ID = operation("invalidDeviceID");
    public static final CstaError INVALID_CALLING_DEVICE = operation("invalidCallingDevice");
    public static final CstaError INVALID_DESTINATION = operation("invalidDestination");
    public static final CstaError INVALID_CROSS_REF_ID = operation("invalidCrossRefID");
    public static final CstaError INVALID_AGENT_ID = operation("invalidAgentID");
    public static final CstaError INVALID_AGENT_PASSWORD = operation("invalidAgentPassword");
    public static final CstaError VALUE_OUT_OF_RANGE = operation("valueOutOfRange");
    public static final CstaError INVALID_OBJECT_STATE = new CstaError("stateIncompatibility", "invalidObjectState");

    private static CstaError operation(String value) {
        return new CstaError("operation", value);
    }
}
