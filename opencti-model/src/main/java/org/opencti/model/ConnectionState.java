package org.opencti.model;

/** The state of this agent's device's connection to a call. */
public enum ConnectionState {
    /** An inbound call is ringing at this device (CSTA "alerting" at the local connection). */
    Offering,
    /** This device went off-hook to dial; the far end has not been reached yet (CSTA "initiated"). */
    Initiated,
    /** We dialled and the far end is ringing (CSTA "connected" locally, remote "alerting"). */
    Alerting,
    /** Talking: the local connection is connected. */
    Established,
    /** This device put the call on hold. A remote party holding never changes this state. */
    Held,
    /** This device left the call; the event carries a {@link DisconnectCause}. */
    Disconnected
}
