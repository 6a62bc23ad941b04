package org.opencti.model;

/** How the ACD treats an agent after each ACD call. */
public enum WorkMode {
    /** Back to Ready after each ACD call, with no after-call work. */
    AutoIn,
    /** After-call work after each ACD call (for the queue's wrap time or until the agent leaves it). */
    ManualIn
}
