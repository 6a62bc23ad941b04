package org.opencti.model;

/** Where a call came from, from this agent's point of view. */
public enum CallType {
    /** From outside (customer), usually through a queue. */
    Inbound,
    /** Dialled by this agent to an external number. */
    Outbound,
    /** Between two extensions of the same switch. */
    Internal,
    /** A consulted agent's leg: another agent consulting this one. */
    Consult
}
