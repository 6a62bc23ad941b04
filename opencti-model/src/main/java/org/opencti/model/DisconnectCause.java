package org.opencti.model;

/** Why this device's connection to a call ended. Every {@code Disconnected} event carries one. */
public enum DisconnectCause {
    /** This agent hung up. */
    Normal,
    /** The other party hung up. */
    RemoteHangup,
    /** The dialled party was busy. */
    Busy,
    /** The call rang out: ring-no-answer at this device, or the far end never answered. */
    NoAnswer,
    /** The call was refused (declined at this device or by the switch). */
    Rejected,
    /** The call was sent elsewhere before it was answered here (deflect, pickup). */
    Redirected,
    /** This agent transferred the call away. */
    Transferred,
    /** The call became part of a conference under another call id. */
    Conferenced,
    /** The caller hung up before the call was answered. */
    Abandoned,
    /** The call could not be placed or failed in the network. */
    Failed,
    /** The CTI link was lost and the call was not found again after it came back; the end time is approximate. */
    LinkLost
}
