package org.opencti.server.platform;

/** How a screen-pop lookup went, as counted in {@code /metrics}. */
public enum LookupOutcome {
    /** The lookup found the customer (in budget: on the Offering; late: in a CallInfoEvent). */
    HIT,
    /** The lookup answered: no customer matches. */
    MISS,
    /** The budget ran out before the answer: the Offering went without a customer. The answer still counts. */
    TIMEOUT,
    /** The lookup failed (database or CRM error, HTTP timeout, malformed answer); the call went on without it. */
    FAILURE
}
