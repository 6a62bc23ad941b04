package org.opencti.lab.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencti.lab.acd.RequestedAgentState;
import org.opencti.lab.acd.WorkMode;
import org.opencti.lab.pbx.CallData;
import org.opencti.lab.pbx.ConnectionId;
import org.opencti.lab.pbx.ConsultOptions;
import org.opencti.lab.pbx.CstaError;
import org.opencti.lab.pbx.CstaException;

/** Turns a parsed message into a {@link CstaRequest}; lenient about everything it does not need. */
public final class CstaRequestDecoder {

    public static final List<String> SERVICES = List.of("MakeCall", "AnswerCall", "ClearConnection", "ClearCall",
            "HoldCall", "RetrieveCall", "AlternateCall", "ConsultationCall", "ReconnectCall", "TransferCall",
            "ConferenceCall", "SingleStepTransferCall", "DeflectCall", "GenerateDigits", "AssociateData",
            "SnapshotDevice", "SnapshotCall", "MonitorStart", "MonitorStop", "SetAgentState", "GetAgentState",
            "SystemStatus", "StartApplicationSession", "ResetApplicationSessionTimer", "StopApplicationSession");

    private CstaRequestDecoder() {
    }

    public static CstaRequest decode(XmlElement message) {
        String name = message.name();
        if (name.endsWith("Response") || name.endsWith("Event") || name.equals("CSTAErrorCode"))
            return new CstaRequest.ClientResponse(name);
        return switch (name) {
            case "MakeCall" -> new CstaRequest.MakeCall(device(message, "callingDevice"),
                    device(message, "calledDirectoryNumber"), callData(message));
            case "AnswerCall" -> new CstaRequest.AnswerCall(connection(message, "callToBeAnswered"));
            case "ClearConnection" -> new CstaRequest.ClearConnection(connection(message, "connectionToBeCleared"));
            case "ClearCall" -> new CstaRequest.ClearCall(required(message, "callToBeCleared", "callID"));
            case "HoldCall" -> new CstaRequest.HoldCall(connection(message, "callToBeHeld"));
            case "RetrieveCall" -> new CstaRequest.RetrieveCall(connection(message, "callToBeRetrieved"));
            case "AlternateCall" -> new CstaRequest.AlternateCall(connection(message, "heldCall"), connection(message, "activeCall"));
            case "ConsultationCall" -> new CstaRequest.ConsultationCall(connection(message, "existingCall"),
                    device(message, "consultedDevice"), consultOptions(message), callData(message));
            case "ReconnectCall" -> new CstaRequest.ReconnectCall(connection(message, "heldCall"), connection(message, "activeCall"));
            case "TransferCall" -> new CstaRequest.TransferCall(connection(message, "heldCall"), connection(message, "activeCall"));
            case "ConferenceCall" -> new CstaRequest.ConferenceCall(connection(message, "heldCall"), connection(message, "activeCall"));
            case "SingleStepTransferCall" -> new CstaRequest.SingleStepTransferCall(connection(message, "activeCall"),
                    device(message, "transferredTo"), callData(message));
            case "DeflectCall" -> new CstaRequest.DeflectCall(connection(message, "callToBeDiverted"),
                    device(message, "newDestination"), callData(message));
            case "GenerateDigits" -> new CstaRequest.GenerateDigits(connection(message, "connectionToSendDigits"),
                    required(message, "charactersToSend"));
            case "AssociateData" -> new CstaRequest.AssociateData(connection(message, "existingCall"), callData(message));
            case "SnapshotDevice" -> new CstaRequest.SnapshotDevice(device(message, "snapshotObject"));
            case "SnapshotCall" -> new CstaRequest.SnapshotCall(required(message, "snapshotObject", "callID"));
            case "MonitorStart" -> new CstaRequest.MonitorStart(message.text("monitorObject", "deviceObject")
                    .or(() -> message.text("monitorObject")).filter(s -> !s.isEmpty())
                    .orElseThrow(() -> missing(message, "monitorObject/deviceObject")));
            case "MonitorStop" -> new CstaRequest.MonitorStop(required(message, "monitorCrossRefID"));
            case "SetAgentState" -> setAgentState(message);
            case "GetAgentState" -> new CstaRequest.GetAgentState(device(message, "device"));
            case "SystemStatus" -> new CstaRequest.SystemStatus(message.text("systemStatus").orElse("normal"));
            case "StartApplicationSession" -> new CstaRequest.StartApplicationSession(
                    message.path("requestedProtocolVersions").map(v -> v.children("protocolVersion").stream()
                            .map(p -> p.text().trim()).toList()).orElse(List.of()),
                    number(message, "requestedSessionDuration"));
            case "ResetApplicationSessionTimer" -> new CstaRequest.ResetApplicationSessionTimer(
                    required(message, "sessionID"), number(message, "requestedSessionDuration"));
            case "StopApplicationSession" -> new CstaRequest.StopApplicationSession(required(message, "sessionID"));
            default -> throw new CstaException(CstaError.GENERIC, "Unknown service '" + name + "'; supported: "
                    + String.join(", ", SERVICES));
        };
    }

    private static CstaRequest.SetAgentState setAgentState(XmlElement message) {
        String requested = required(message, "requestedAgentState");
        RequestedAgentState state = RequestedAgentState.fromWire(requested).orElseThrow(() -> new CstaException(
                CstaError.VALUE_OUT_OF_RANGE, "Unknown requestedAgentState '" + requested
                + "'; expected one of loggedOn, loggedOff, notReady, ready, workingAfterCall"));
        Optional<String> mode = privateText(message, "workMode");
        Optional<WorkMode> workMode = mode.map(m -> WorkMode.fromWire(m).orElseThrow(() -> new CstaException(
                CstaError.VALUE_OUT_OF_RANGE, "Unknown workMode '" + m + "' in od:workMode; expected autoIn or manualIn")));
        return new CstaRequest.SetAgentState(device(message, "device"), state, optional(message, "agentID"),
                optional(message, "password"), privateText(message, "reasonCode"), workMode);
    }

    private static ConsultOptions consultOptions(XmlElement message) {
        Optional<String> value = optional(message, "consultOptions");
        if (value.isEmpty())
            return ConsultOptions.UNRESTRICTED;
        for (ConsultOptions options : ConsultOptions.values())
            if (options.wireName().equals(value.get()))
                return options;
        throw new CstaException(CstaError.VALUE_OUT_OF_RANGE, "Unknown consultOptions '" + value.get()
                + "'; expected one of unrestricted, consultOnly, transferOnly, conferenceOnly");
    }

    /** Call data items from {@code extensions/privateData/private/callData}, any namespace. */
    static CallData callData(XmlElement message) {
        Map<String, String> items = new LinkedHashMap<>();
        message.path("extensions", "privateData", "private").ifPresent(p -> p.children("callData")
                .forEach(data -> data.children("item").forEach(item -> {
                    String key = item.attributes().get("key");
                    if (key == null || key.isBlank())
                        throw new CstaException(CstaError.VALUE_OUT_OF_RANGE, "A callData item has no key attribute in "
                                + message.name() + "; expected <od:item key=\"name\">value</od:item>");
                    items.put(key, item.text().trim());
                })));
        return CallData.of(items);
    }

    private static Optional<String> privateText(XmlElement message, String name) {
        return message.text("extensions", "privateData", "private", name).filter(s -> !s.isEmpty());
    }

    private static ConnectionId connection(XmlElement message, String element) {
        XmlElement connection = message.child(element).orElseThrow(() -> missing(message, element));
        String callId = connection.text("callID").filter(s -> !s.isEmpty()).orElseThrow(() -> missing(message, element + "/callID"));
        String deviceId = connection.text("deviceID").filter(s -> !s.isEmpty()).orElseThrow(() -> missing(message, element + "/deviceID"));
        return new ConnectionId(callId, deviceId);
    }

    /** A device in a request: plain text, or (leniently) wrapped in deviceIdentifier. */
    private static String device(XmlElement message, String element) {
        XmlElement device = message.child(element).orElseThrow(() -> missing(message, element));
        String text = device.child("deviceIdentifier").map(d -> d.text().trim()).orElse(device.text().trim());
        if (text.isEmpty())
            throw missing(message, element);
        return text;
    }

    private static String required(XmlElement message, String... path) {
        return message.text(path).filter(s -> !s.isEmpty()).orElseThrow(() -> missing(message, String.join("/", path)));
    }

    private static Optional<String> optional(XmlElement message, String element) {
        return message.text(element).filter(s -> !s.isEmpty());
    }

    private static Optional<Integer> number(XmlElement message, String element) {
        Optional<String> text = optional(message, element);
        try {
            return text.map(Integer::parseInt);
        } catch (NumberFormatException e) {
            throw new CstaException(CstaError.VALUE_OUT_OF_RANGE, "Bad " + element + " '" + text.get() + "'; expected whole seconds");
        }
    }

    private static CstaException missing(XmlElement message, String element) {
        return new CstaException(CstaError.GENERIC, "Missing " + element + " in " + message.name()
                + "; see docs/csta-profile.md for the elements this service needs");
    }
}
