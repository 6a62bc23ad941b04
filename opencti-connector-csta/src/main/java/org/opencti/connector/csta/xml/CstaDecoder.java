package org.opencti.connector.csta.xml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.xml.CstaEvent.AgentEventKind;
import org.opencti.connector.csta.xml.CstaEvent.Connection;
import org.opencti.connector.csta.xml.CstaEvent.ConnectionListItem;

/**
 * Reads CSTA III XML leniently: elements are matched by local name in any namespace (ed3, ed4, a vendor's), unknown
 * elements are skipped, ids stay opaque strings, and private data is ignored except OpenCTI's {@code od:} elements.
 */
public final class CstaDecoder {
    private CstaDecoder() {}

    public static CstaMessage decode(Frame frame) throws CstaFormatException {
        XmlElement root = XmlParser.parse(frame.xml());
        String invokeId = frame.invokeId() != null ? frame.invokeId() : root.attribute("invokeID");
        String name = root.name();
        if (name.equals("CSTAErrorCode")) return new CstaMessage.ErrorResponse(invokeId, cstaError(root));
        if (name.endsWith("NegResponse")) {
            String defined = root.find("definedError") != null ? root.find("definedError").text() : "unspecified";
            return new CstaMessage.ErrorResponse(invokeId, new CstaError("definedError", defined, null));
        }
        if (name.endsWith("Response")) return new CstaMessage.Response(invokeId, root);
        if (name.endsWith("Event")) {
            CstaEvent event = event(root);
            return event == null || !usable(event) ? new CstaMessage.Unknown(invokeId, name) : new CstaMessage.Event(event);
        }
        return new CstaMessage.SwitchRequest(invokeId, name, root);
    }

    private static CstaError cstaError(XmlElement root) {
        String message = root.find("message") != null ? root.find("message").text() : null;
        for (XmlElement child : root.children()) {
            if (child.name().equals("message") || child.name().equals("extensions")) continue;
            return new CstaError(child.name(), child.text().isEmpty() ? "unspecified" : child.text(), message);
        }
        return new CstaError("unspecified", "unspecified", message);
    }

    /** The typed event, or null for an event OpenCTI does not use. */
    static CstaEvent event(XmlElement e) {
        String x = e.text("monitorCrossRefID");
        String local = e.text("localConnectionInfo");
        String cause = e.text("cause");
        return switch (e.name()) {
            case "ServiceInitiatedEvent" -> new CstaEvent.ServiceInitiated(x, connection(e, "initiatedConnection"),
                    device(e, "initiatingDevice"), local, cause);
            case "OriginatedEvent" -> new CstaEvent.Originated(x, connection(e, "originatedConnection"),
                    device(e, "callingDevice"), device(e, "calledDevice"), local, cause);
            case "DeliveredEvent" -> new CstaEvent.Delivered(x, connection(e, "connection"), device(e, "alertingDevice"),
                    device(e, "callingDevice"), device(e, "calledDevice"), device(e, "lastRedirectionDevice"), local, cause, callData(e));
            case "EstablishedEvent" -> new CstaEvent.Established(x, connection(e, "establishedConnection"),
                    device(e, "answeringDevice"), device(e, "callingDevice"), device(e, "calledDevice"),
                    device(e, "lastRedirectionDevice"), local, cause, callData(e));
            case "HeldEvent" -> new CstaEvent.Held(x, connection(e, "heldConnection"), device(e, "holdingDevice"), local, cause);
            case "RetrievedEvent" -> new CstaEvent.Retrieved(x, connection(e, "retrievedConnection"),
                    device(e, "retrievingDevice"), local, cause);
            case "ConnectionClearedEvent" -> new CstaEvent.ConnectionCleared(x, connection(e, "droppedConnection"),
                    device(e, "releasingDevice"), local, cause);
            case "CallClearedEvent" -> new CstaEvent.CallCleared(x, e.text("clearedCall", "callID"), local, cause);
            case "TransferedEvent", "TransferredEvent" -> new CstaEvent.Transferred(x, connection(e, "primaryOldCall"),
                    connection(e, "secondaryOldCall"), device(e, "transferringDevice"), device(e, "transferredToDevice"),
                    connections(e.child("transferredConnections")), local, cause, callData(e));
            case "ConferencedEvent" -> new CstaEvent.Conferenced(x, connection(e, "primaryOldCall"),
                    connection(e, "secondaryOldCall"), device(e, "conferencingDevice"), device(e, "addedParty"),
                    connections(e.child("conferenceConnections")), local, cause, callData(e));
            case "DivertedEvent" -> new CstaEvent.Diverted(x, connection(e, "connection"), device(e, "divertingDevice"),
                    device(e, "newDestination"), device(e, "callingDevice"), device(e, "calledDevice"), local, cause, callData(e));
            case "FailedEvent" -> new CstaEvent.Failed(x, connection(e, "failedConnection"), device(e, "failingDevice"),
                    device(e, "callingDevice"), device(e, "calledDevice"), local, cause);
            case "QueuedEvent" -> new CstaEvent.Queued(x, connection(e, "queuedConnection"), device(e, "queue"),
                    device(e, "callingDevice"), device(e, "calledDevice"), integer(e.text("numberQueued")), local, cause, callData(e));
            case "CallInformationEvent" -> new CstaEvent.CallInformation(x, connection(e, "connection"), device(e, "device"), callData(e));
            case "AgentLoggedOnEvent" -> agent(e, AgentEventKind.LOGGED_ON);
            case "AgentLoggedOffEvent" -> agent(e, AgentEventKind.LOGGED_OFF);
            case "AgentReadyEvent" -> agent(e, AgentEventKind.READY);
            case "AgentNotReadyEvent" -> agent(e, AgentEventKind.NOT_READY);
            case "AgentBusyEvent" -> agent(e, AgentEventKind.BUSY);
            case "AgentWorkingAfterCallEvent" -> agent(e, AgentEventKind.WORKING_AFTER_CALL);
            default -> null;
        };
    }

    /**
     * Whether the event carries what routes it (its monitorCrossRefID) and the connection it is about; one that does
     * not cannot be applied to any desk, so it is ignored like an event OpenCTI does not use (the mapping trusts these).
     */
    static boolean usable(CstaEvent event) {
        if (event.monitorCrossRefId() == null) return false;
        return switch (event) {
            case CstaEvent.ServiceInitiated e -> complete(e.connection());
            case CstaEvent.Originated e -> complete(e.connection());
            case CstaEvent.Delivered e -> complete(e.connection());
            case CstaEvent.Established e -> complete(e.connection());
            case CstaEvent.Held e -> complete(e.connection());
            case CstaEvent.Retrieved e -> complete(e.connection());
            case CstaEvent.ConnectionCleared e -> complete(e.connection());
            case CstaEvent.CallCleared e -> e.callId() != null;
            case CstaEvent.Transferred e -> true; // a single-step transfer has no secondary call: the mapping copes
            case CstaEvent.Conferenced e -> true;
            case CstaEvent.Diverted e -> complete(e.connection());
            case CstaEvent.Failed e -> complete(e.connection());
            case CstaEvent.Queued e -> complete(e.connection());
            case CstaEvent.CallInformation e -> complete(e.connection());
            case CstaEvent.AgentChanged e -> true;
        };
    }

    private static boolean complete(Connection connection) {
        return connection != null && connection.callId() != null && connection.deviceId() != null;
    }

    private static CstaEvent agent(XmlElement e, AgentEventKind kind) {
        return new CstaEvent.AgentChanged(e.text("monitorCrossRefID"), kind, device(e, "agentDevice"), e.text("agentID"),
                privateText(e, "reasonCode"), device(e, "acdGroup"), e.text("pendingAgentState") != null
                        ? e.text("pendingAgentState") : privateText(e, "pendingAgentState"), privateText(e, "pendingReasonCode"));
    }

    /** A {@code {callID, deviceID}} child, or null. */
    public static Connection connection(XmlElement parent, String name) {
        XmlElement c = parent.child(name);
        if (c == null || c.text("callID") == null) return null;
        return new Connection(c.text("callID"), c.text("deviceID"));
    }

    /** A device in an event: wrapped in {@code deviceIdentifier}, or {@code notKnown} (null), or plain text. */
    public static String device(XmlElement parent, String name) {
        XmlElement d = parent.child(name);
        if (d == null) return null;
        if (d.child("deviceIdentifier") != null) return d.text("deviceIdentifier");
        if (d.child("notKnown") != null) return null;
        return d.text().isEmpty() ? null : d.text();
    }

    private static List<ConnectionListItem> connections(XmlElement list) {
        if (list == null) return List.of();
        return list.children("connectionListItem").stream().map(item -> new ConnectionListItem(
                connection(item, "newConnection"), connection(item, "oldConnection"),
                item.child("endpoint") == null ? null : item.child("endpoint").text("deviceID") != null
                        ? item.child("endpoint").text("deviceID") : device(item, "endpoint"))).toList();
    }

    /** OpenCTI's call data of the message (the first {@code od:callData}), items in order; empty when absent. */
    public static Map<String, String> callData(XmlElement message) {
        XmlElement data = privateElement(message, "callData");
        return data == null ? Map.of() : items(data);
    }

    /** Every {@code od:callData callID="..."} of a snapshot response, by call id. */
    public static Map<String, Map<String, String>> callDataByCall(XmlElement message) {
        Map<String, Map<String, String>> byCall = new LinkedHashMap<>();
        XmlElement extensions = message.child("extensions");
        if (extensions == null) return byCall;
        collect(extensions, byCall);
        return byCall;
    }

    private static void collect(XmlElement at, Map<String, Map<String, String>> byCall) {
        for (XmlElement child : at.children()) {
            if (child.name().equals("callData") && CstaNames.OPENCTI_NS.equals(child.namespace()) && child.attribute("callID") != null)
                byCall.put(child.attribute("callID"), items(child));
            else collect(child, byCall);
        }
    }

    private static Map<String, String> items(XmlElement data) {
        Map<String, String> items = new LinkedHashMap<>();
        for (XmlElement item : data.children("item"))
            if (item.attribute("key") != null) items.put(item.attribute("key"), item.text());
        return items;
    }

    /** The text of an OpenCTI private element, or null. */
    public static String privateText(XmlElement message, String localName) {
        XmlElement element = privateElement(message, localName);
        return element == null || element.text().isEmpty() ? null : element.text();
    }

    private static XmlElement privateElement(XmlElement message, String localName) {
        XmlElement extensions = message.child("extensions");
        if (extensions == null) return null;
        return findInNamespace(extensions, localName);
    }

    private static XmlElement findInNamespace(XmlElement at, String localName) {
        for (XmlElement child : at.children()) {
            if (child.name().equals(localName) && CstaNames.OPENCTI_NS.equals(child.namespace())) return child;
            XmlElement below = findInNamespace(child, localName);
            if (below != null) return below;
        }
        return null;
    }

    private static int integer(String text) {
        if (text == null) return 0;
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0; // a count we only display; a vendor's odd value must not drop the whole event
        }
    }
}
