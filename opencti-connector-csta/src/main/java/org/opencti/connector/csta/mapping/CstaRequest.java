package org.opencti.connector.csta.mapping;

import java.util.function.Consumer;
import org.opencti.connector.csta.xml.XmlBuilder;

/**
 * One CSTA service request ready to send: the root element's name and the children to write. {@code errorContext}
 * names the service for the error map (e.g. {@code SetAgentState:loggedOn}).
 */
public record CstaRequest(String service, String errorContext, Consumer<XmlBuilder> body) {
    public static CstaRequest of(String service, Consumer<XmlBuilder> body) { return new CstaRequest(service, service, body); }
}
