package org.opencti.connector.csta.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.connector.csta.xml.CstaDecoder;
import org.opencti.connector.csta.xml.XmlElement;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.DisconnectCause;
import org.opencti.model.event.CtiEvent;

/**
 * Brings a desk back in line with the switch after the link was lost: GetAgentState, SnapshotDevice and one
 * SnapshotCall per call give the truth; calls known before and missing now are closed with cause
 * {@code LinkLost} (their end time is approximate), calls that appeared are adopted.
 */
public final class Reconcile {
    private Reconcile() {}

    /** The agent's state as GetAgentStateResponse says; {@code loggedOn} false when no agent is on the device. */
    public record AgentTruth(boolean loggedOn, AgentState state, String reasonCode, AgentState pendingState,
                             String pendingReasonCode) {}

    /** One call at the device: its parties (this device included) and data, and who placed it for whom. */
    public record CallTruth(String callId, Map<String, ConnectionState> parties, Map<String, String> callData,
                            String callingDevice, String calledDevice) {}

    public static AgentTruth agent(XmlElement response) {
        XmlElement entry = response.find("agentStateEntry");
        if (entry == null || "false".equals(entry.text("loggedOnState")))
            return new AgentTruth(false, AgentState.LoggedOut, null, null, null);
        XmlElement info = entry.find("agentState");
        AgentState state = CstaStates.agent(info == null ? null : info.text());
        AgentState pending = CstaStates.agent(CstaDecoder.privateText(response, "pendingAgentState"));
        return new AgentTruth(true, state == null ? AgentState.NotReady : state, CstaDecoder.privateText(response, "reasonCode"),
                pending, CstaDecoder.privateText(response, "pendingReasonCode"));
    }

    /** The call ids at the device, oldest first, from a SnapshotDeviceResponse. */
    public static List<String> callIds(XmlElement response) {
        List<String> ids = new ArrayList<>();
        XmlElement data = response.find("snapshotData");
        if (data == null) return ids;
        for (XmlElement info : data.children("snapshotDeviceResponseInfo")) {
            String id = info.text("connectionIdentifier", "callID");
            if (id != null) ids.add(id);
        }
        return ids;
    }

    public static CallTruth call(String callId, XmlElement response) {
        Map<String, ConnectionState> parties = new LinkedHashMap<>();
        XmlElement data = response.find("snapshotData");
        if (data != null) {
            for (XmlElement info : data.children("snapshotCallResponseInfo")) {
                String dn = CstaDecoder.device(info, "deviceOnCall");
                if (dn == null) dn = info.text("callIdentifier", "deviceID");
                if (dn != null) parties.put(dn, CstaStates.local(info.text("localConnectionState"), ConnectionState.Established));
            }
        }
        parties.values().removeIf(state -> state == ConnectionState.Disconnected);
        Map<String, String> callData = CstaDecoder.callDataByCall(response).getOrDefault(callId, CstaDecoder.callData(response));
        return new CallTruth(callId, parties, callData, CstaDecoder.device(response, "callingDevice"),
                CstaDecoder.device(response, "calledDevice"));
    }

    /** Applies the truth to the desk; returns the {@code Disconnected} (LinkLost) events of vanished calls. */
    public static List<CtiEvent> apply(Desk desk, AgentTruth agent, List<CallTruth> calls, Instant at) {
        List<CtiEvent> out = new ArrayList<>();
        Map<String, CallTruth> byId = new LinkedHashMap<>();
        calls.forEach(c -> byId.put(c.callId(), c));
        for (DeskCall gone : List.copyOf(desk.calls.values()))
            if (!byId.containsKey(gone.callId.value())) desk.end(gone, DisconnectCause.LinkLost, at, out);
        Map<String, DeskCall> ordered = new LinkedHashMap<>();
        for (CallTruth truth : calls) {
            DeskCall call = desk.calls.get(truth.callId());
            ConnectionState state = CstaStates.ofDevice(desk.device, truth.parties());
            if (call == null) call = adopt(desk, truth, state, at);
            if (call.state != state) call.since = at;
            call.state = state;
            call.parties = new LinkedHashMap<>(truth.parties());
            if (!truth.callData().isEmpty()) call.callData = new LinkedHashMap<>(truth.callData());
            ordered.put(truth.callId(), call);
        }
        desk.calls.clear();
        desk.calls.putAll(ordered);
        for (DeskCall call : desk.calls.values()) call.lastActions = desk.actions(call);
        AgentState state = agent.loggedOn() ? agent.state() : AgentState.LoggedOut;
        if (state != desk.agentState) desk.agentSince = at;
        desk.agentState = state;
        desk.reasonCode = state == AgentState.NotReady ? (agent.reasonCode() != null ? agent.reasonCode() : "unspecified") : null;
        desk.pendingState = agent.pendingState();
        desk.pendingReasonCode = agent.pendingState() == null ? null : agent.pendingReasonCode();
        return out;
    }

    private static DeskCall adopt(Desk desk, CallTruth truth, ConnectionState state, Instant at) {
        Directory directory = desk.directory;
        boolean placedHere = desk.device.equals(truth.callingDevice());
        DeskCall call = new DeskCall(new CallId(truth.callId()), directory.conversationOf(truth.callId()),
                placedHere ? directory.typeOfOutgoing(truth.calledDevice()) : directory.typeOfIncoming(truth.callingDevice()), state, at);
        call.ani = truth.callingDevice();
        call.dnis = truth.calledDevice();
        call.otherDn = placedHere ? truth.calledDevice() : truth.callingDevice();
        call.acd = !placedHere && directory.isQueue(truth.calledDevice());
        call.queue = call.acd ? directory.queueName(truth.calledDevice()) : null;
        call.published = true;
        return call;
    }
}
