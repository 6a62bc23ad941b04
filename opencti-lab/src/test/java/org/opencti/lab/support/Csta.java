package org.opencti.lab.support;

import java.util.Map;
import java.util.stream.Collectors;

/** Request XML exactly as docs/csta-profile.md writes it (ECMA-323 ed4 namespace). */
public final class Csta {

    public static final String ED4 = "http://www.ecma-international.org/standards/ecma-323/csta/ed4";
    public static final String ED3 = "http://www.ecma-international.org/standards/ecma-323/csta/ed3";
    public static final String SESSION = "http://www.ecma-international.org/standards/ecma-354/appl_session";

    private Csta() {
    }

    public static String service(String name, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + name + " xmlns=\"" + ED4 + "\">" + body + "</" + name + ">";
    }

    public static String connection(String element, String callId, String device) {
        return "<" + element + "><callID>" + callId + "</callID><deviceID>" + device + "</deviceID></" + element + ">";
    }

    public static String callData(Map<String, String> items) {
        if (items.isEmpty())
            return "";
        return "<extensions><privateData><private><od:callData xmlns:od=\"urn:opencti:csta:1\">"
                + items.entrySet().stream().map(e -> "<od:item key=\"" + e.getKey() + "\">" + e.getValue() + "</od:item>")
                .collect(Collectors.joining())
                + "</od:callData></private></privateData></extensions>";
    }

    public static String makeCall(String from, String to) {
        return makeCall(from, to, Map.of());
    }

    public static String makeCall(String from, String to, Map<String, String> data) {
        return service("MakeCall", "<callingDevice>" + from + "</callingDevice><calledDirectoryNumber>" + to
                + "</calledDirectoryNumber><autoOriginate>doNotPrompt</autoOriginate>" + callData(data));
    }

    public static String answer(String callId, String device) {
        return service("AnswerCall", connection("callToBeAnswered", callId, device));
    }

    public static String clearConnection(String callId, String device) {
        return service("ClearConnection", connection("connectionToBeCleared", callId, device));
    }

    public static String clearCall(String callId) {
        return service("ClearCall", "<callToBeCleared><callID>" + callId + "</callID></callToBeCleared>");
    }

    public static String hold(String callId, String device) {
        return service("HoldCall", connection("callToBeHeld", callId, device));
    }

    public static String retrieve(String callId, String device) {
        return service("RetrieveCall", connection("callToBeRetrieved", callId, device));
    }

    public static String alternate(String heldCallId, String activeCallId, String device) {
        return service("AlternateCall", connection("heldCall", heldCallId, device) + connection("activeCall", activeCallId, device));
    }

    public static String consult(String callId, String device, String consulted, String options) {
        return consult(callId, device, consulted, options, Map.of());
    }

    public static String consult(String callId, String device, String consulted, String options, Map<String, String> data) {
        return service("ConsultationCall", connection("existingCall", callId, device) + "<consultedDevice>" + consulted
                + "</consultedDevice>" + (options == null ? "" : "<consultOptions>" + options + "</consultOptions>") + callData(data));
    }

    public static String reconnect(String heldCallId, String activeCallId, String device) {
        return service("ReconnectCall", connection("heldCall", heldCallId, device) + connection("activeCall", activeCallId, device));
    }

    public static String transfer(String heldCallId, String activeCallId, String device) {
        return service("TransferCall", connection("heldCall", heldCallId, device) + connection("activeCall", activeCallId, device));
    }

    public static String conference(String heldCallId, String activeCallId, String device) {
        return service("ConferenceCall", connection("heldCall", heldCallId, device) + connection("activeCall", activeCallId, device));
    }

    public static String singleStepTransfer(String callId, String device, String to) {
        return service("SingleStepTransferCall", connection("activeCall", callId, device) + "<transferredTo>" + to + "</transferredTo>");
    }

    public static String deflect(String callId, String device, String to) {
        return service("DeflectCall", connection("callToBeDiverted", callId, device) + "<newDestination>" + to + "</newDestination>");
    }

    public static String generateDigits(String callId, String device, String digits) {
        return service("GenerateDigits", connection("connectionToSendDigits", callId, device)
                + "<charactersToSend>" + digits + "</charactersToSend>");
    }

    public static String associateData(String callId, String device, Map<String, String> data) {
        return service("AssociateData", connection("existingCall", callId, device) + callData(data));
    }

    public static String snapshotDevice(String device) {
        return service("SnapshotDevice", "<snapshotObject>" + device + "</snapshotObject>");
    }

    public static String snapshotCall(String callId) {
        return service("SnapshotCall", "<snapshotObject><callID>" + callId + "</callID></snapshotObject>");
    }

    public static String monitorStart(String device) {
        return service("MonitorStart", "<monitorObject><deviceObject>" + device + "</deviceObject></monitorObject>");
    }

    public static String monitorStop(String crossRefId) {
        return service("MonitorStop", "<monitorCrossRefID>" + crossRefId + "</monitorCrossRefID>");
    }

    public static String logOn(String device, String agentId, String hexPassword) {
        return service("SetAgentState", "<device>" + device + "</device><requestedAgentState>loggedOn</requestedAgentState><agentID>"
                + agentId + "</agentID><password>" + hexPassword + "</password>");
    }

    public static String agentState(String device, String requested, String reasonCode) {
        return service("SetAgentState", "<device>" + device + "</device><requestedAgentState>" + requested + "</requestedAgentState>"
                + (reasonCode == null ? "" : "<extensions><privateData><private><od:reasonCode xmlns:od=\"urn:opencti:csta:1\">"
                + reasonCode + "</od:reasonCode></private></privateData></extensions>"));
    }

    public static String getAgentState(String device) {
        return service("GetAgentState", "<device>" + device + "</device>");
    }

    public static String startSession(int duration) {
        return "<StartApplicationSession xmlns=\"" + SESSION + "\"><applicationInfo><applicationID>test</applicationID></applicationInfo>"
                + "<requestedProtocolVersions><protocolVersion>" + ED4 + "</protocolVersion></requestedProtocolVersions>"
                + "<requestedSessionDuration>" + duration + "</requestedSessionDuration></StartApplicationSession>";
    }
}
