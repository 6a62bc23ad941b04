package org.opencti.lab.pbx;

/** The ECMA-269 event causes the lab reports. */
public enum EventCause {
    NEW_CALL("newCall"),
    MAKE_CALL("makeCall"),
    CONSULTATION("consultation"),
    ENTERING_DISTRIBUTION("enteringDistribution"),
    DISTRIBUTED("distributed"),
    CALL_NOT_ANSWERED("callNotAnswered"),
    REDIRECTED("redirected"),
    TRANSFER("transfer"),
    SINGLE_STEP_TRANSFER("singleStepTransfer"),
    CONFERENCE("conference"),
    ALTERNATE("alternate"),
    NORMAL("normal"),
    NORMAL_CLEARING("normalClearing"),
    BUSY("busy");

    private final String wireName;

    EventCause(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
