package org.opencti.lab.pbx;

/** The state of one device's connection to one call (ECMA-269 local connection state). */
public enum ConnectionState {
    /** No relationship between the device and the call (it left, or never joined). */
    NULL("null"),
    /** The device is going off-hook to place the call (before it is dialled). */
    INITIATED("initiated"),
    /** The call rings at the device. */
    ALERTING("alerting"),
    /** The device is talking on the call (also: the caller while the far end rings). */
    CONNECTED("connected"),
    /** The device put the call on hold. */
    HOLD("hold"),
    /** The call waits in an ACD queue; only a queue device has this state. */
    QUEUED("queued"),
    /** The call could not reach the device (busy, not answered). */
    FAIL("fail");

    private final String wireName;

    ConnectionState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
