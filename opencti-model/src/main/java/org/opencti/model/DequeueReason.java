package org.opencti.model;

/** Why a call left a queue. */
public enum DequeueReason {
    /** Offered to an agent. */
    Distributed,
    /** The caller hung up while waiting. */
    Abandoned,
    /** Moved to another queue or destination. */
    Transferred
}
