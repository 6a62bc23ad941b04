package org.opencti.lab.config;

import java.util.Objects;

/**
 * How the switch treats plain (non-ACD) calls to an extension. {@code ringNoAnswerSeconds}: an extension that
 * does not answer within this time fails the call (FailedEvent cause callNotAnswered, then the call is cleared);
 * 0 = it rings until someone acts. {@code busyExtension}: what a call to an extension that is already on a call
 * gets.
 */
public record PbxConfig(int ringNoAnswerSeconds, BusyExtension busyExtension) {

    public static final PbxConfig DEFAULT = new PbxConfig(30, BusyExtension.CALL_WAITING);

    /** What a call to an extension that already has a call gets. */
    public enum BusyExtension {
        /** It rings there too (call waiting); the ACD still offers calls only to idle devices. */
        CALL_WAITING("callWaiting"),
        /** It fails at once with cause busy. */
        BUSY("busy");

        private final String wireName;

        BusyExtension(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public PbxConfig {
        Objects.requireNonNull(busyExtension, "busyExtension");
    }
}
