package org.opencti.lab.pbx;

/** ECMA-269 consultOptions: what a consultation call may be completed with. */
public enum ConsultOptions {
    UNRESTRICTED("unrestricted", true, true),
    CONSULT_ONLY("consultOnly", false, false),
    TRANSFER_ONLY("transferOnly", true, false),
    CONFERENCE_ONLY("conferenceOnly", false, true);

    private final String wireName;
    private final boolean allowsTransfer;
    private final boolean allowsConference;

    ConsultOptions(String wireName, boolean allowsTransfer, boolean allowsConference) {
        this.wireName = wireName;
        this.allowsTransfer = allowsTransfer;
        this.allowsConference = allowsConference;
    }

    public String wireName() {
        return wireName;
    }

    public boolean allowsTransfer() {
        return allowsTransfer;
    }

    public boolean allowsConference() {
        return allowsConference;
    }
}
