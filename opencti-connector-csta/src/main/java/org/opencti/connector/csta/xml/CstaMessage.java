package org.opencti.connector.csta.xml;

/**
 * Whatever arrives from the switch, classified: an event for a monitor, the answer to one of our requests (positive
 * or negative), or the switch's own request (SystemStatus), which we answer. Elements we do not know are
 * {@link Unknown}, logged and otherwise ignored.
 */
public sealed interface CstaMessage {
    record Event(CstaEvent event) implements CstaMessage {}

    /** A positive response; {@code body} is the response's root element. */
    record Response(String invokeId, XmlElement body) implements CstaMessage {}

    /** A {@code CSTAErrorCode} or an ECMA-354 {@code ...NegResponse}. */
    record ErrorResponse(String invokeId, CstaError error) implements CstaMessage {}

    /** A request from the switch, e.g. {@code SystemStatus}; {@code name} is the root element's local name. */
    record SwitchRequest(String invokeId, String name, XmlElement body) implements CstaMessage {}

    /** An event type OpenCTI does not use (e.g. {@code NetworkReached}), or anything else unrecognised. */
    record Unknown(String invokeId, String name) implements CstaMessage {}
}
