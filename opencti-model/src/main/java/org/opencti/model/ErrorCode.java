package org.opencti.model;

/**
 * Every error OpenCTI reports, with the same {@code OPENCTI_*} names Pega's OpenCTI uses. One wire shape
 * everywhere: {@code {"code","message","details","requestId"}}. Each back end's errors map onto these in one place.
 */
public enum ErrorCode {
    /** The device or the agent is already in use by another session. */
    OPENCTI_AGENT_LOGGED_IN("The agent or device is already logged in elsewhere; log out there first."),
    /** The request needs a logged-in agent. */
    OPENCTI_AGENT_NOT_LOGGED_IN("The agent is not logged in; log in first."),
    /** The switch refused the call. */
    OPENCTI_CALL_REJECTED("The call was rejected by the switch."),
    /** The CTI server failed the operation for a reason it names in the message. */
    OPENCTI_CF_GENERIC_OPERATION("The CTI server could not perform the operation."),
    /** The destination is not a number the switch can reach. */
    OPENCTI_CF_INVALID_DESTINATION("The destination is not valid; give an extension, an external number or a queue DNIS."),
    /** The request is not valid in the call's or agent's current state. */
    OPENCTI_CF_INVALID_OBJECT_STATE("The request is not allowed in the current state."),
    /** The party is already in the conference. */
    OPENCTI_CONF_ALREADY_PRESENT("The party is already in the conference."),
    /** The destination is busy. */
    OPENCTI_DEST_BUSY("The destination is busy."),
    /**
     * The agent is already in the requested state. OpenCTI acknowledges such a request with no event; the code
     * exists for back ends that refuse it and for Pega compatibility.
     */
    OPENCTI_IN_SAME_STATE("The agent is already in the requested state."),
    /** No call with that id is known at this device. */
    OPENCTI_UNKNOWN_CALL("No call with that id is known at this device."),
    /** The request is malformed: bad JSON, a missing or wrongly typed field, an unknown value. */
    OPENCTI_BAD_REQUEST("The request is malformed."),
    /** No resource with that id or route (a REST lookup of an unknown interaction, customer, agent or queue). */
    OPENCTI_NOT_FOUND("No such resource."),
    /** Wrong credentials, an expired or missing token, or acting on someone else's device or call. */
    OPENCTI_NOT_AUTHORIZED("Not authorized."),
    /** The CTI link is down; retry when a LinkStateEvent says Connected. */
    OPENCTI_LINK_DOWN("The CTI link is down; the request was not sent."),
    /** The CTI server did not answer in time. */
    OPENCTI_TIMEOUT("The CTI server did not answer in time."),
    /** An event does not match the v1 schema or the model. */
    OPENCTI_INVALID_EVENT("The event is not a valid OpenCTI v1 event.");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) { this.defaultMessage = defaultMessage; }

    /** A generic message, used when the failure has nothing more specific to say. */
    public String defaultMessage() { return defaultMessage; }
}
