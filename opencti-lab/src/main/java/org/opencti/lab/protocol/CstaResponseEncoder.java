package org.opencti.lab.protocol;

import java.util.List;
import java.util.Optional;
import org.opencti.lab.acd.AgentSnapshot;
import org.opencti.lab.acd.PendingState;
import org.opencti.lab.pbx.CallData;
import org.opencti.lab.pbx.CallSnapshot;
import org.opencti.lab.pbx.ConnectionId;
import org.opencti.lab.pbx.CstaError;

/** Writes responses and the lab's own requests as docs/csta-profile.md §4–6 specify. */
final class CstaResponseEncoder {
    private static final int MAX_MESSAGE = 1000;

    private CstaResponseEncoder() {
    }

    static String empty(String namespace, String name) {
        return new XmlWriter(name, namespace).finish();
    }

    static String error(String namespace, CstaError error, String message) {
        XmlWriter xml = new XmlWriter("CSTAErrorCode", namespace).leaf(error.category(), error.value());
        PrivateData.text(xml, "message", shortened(message));
        return xml.finish();
    }

    /** A message may quote the request (a parser quotes a bad encoding name whole): the answer must still fit a frame. */
    private static String shortened(String message) {
        return message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE) + "... (" + message.length() + " characters in all)";
    }

    /** A response carrying one connection, e.g. MakeCallResponse/callingDevice. */
    static String connection(String namespace, String name, String element, ConnectionId connection) {
        return new XmlWriter(name, namespace).start(element).leaf("callID", connection.callId())
                .leaf("deviceID", connection.deviceId()).end().finish();
    }

    static String monitorStarted(String namespace, String crossRefId) {
        return new XmlWriter("MonitorStartResponse", namespace).leaf("monitorCrossRefID", crossRefId).finish();
    }

    static String agentStateSet(String namespace, Optional<PendingState> pending) {
        XmlWriter xml = new XmlWriter("SetAgentStateResponse", namespace);
        pending.ifPresent(p -> xml.leaf("pendingAgentState", p.state().wireName()));
        pending.flatMap(PendingState::reasonCode).ifPresent(reason ->
                PrivateData.write(xml, p -> PrivateData.text(p, "pendingReasonCode", reason)));
        return xml.finish();
    }

    static String agentState(String namespace, Optional<AgentSnapshot> agent) {
        XmlWriter xml = new XmlWriter("GetAgentStateResponse", namespace);
        if (agent.isEmpty())
            return xml.empty("agentStateList").finish();
        AgentSnapshot a = agent.get();
        xml.start("agentStateList").start("agentStateEntry").leaf("agentID", a.agentId()).leaf("loggedOnState", "true")
                .start("agentInfo").start("agentInfoItem").leaf("agentState", a.state().wireName()).end().end()
                .end().end();
        if (a.reasonCode().isPresent() || a.pending().isPresent() || a.workMode().isPresent())
            PrivateData.write(xml, p -> {
                a.reasonCode().ifPresent(r -> PrivateData.text(p, "reasonCode", r));
                a.workMode().ifPresent(m -> PrivateData.text(p, "workMode", m.wireName()));
                a.pending().ifPresent(pending -> {
                    PrivateData.text(p, "pendingAgentState", pending.state().wireName());
                    pending.reasonCode().ifPresent(r -> PrivateData.text(p, "pendingReasonCode", r));
                });
            });
        return xml.finish();
    }

    static String deviceSnapshot(String namespace, String device, List<CallSnapshot> calls) {
        XmlWriter xml = new XmlWriter("SnapshotDeviceResponse", namespace).start("crossRefIDorSnapshotData").start("snapshotData");
        for (CallSnapshot call : calls) {
            xml.start("snapshotDeviceResponseInfo")
                    .start("connectionIdentifier").leaf("callID", call.callId()).leaf("deviceID", device).end()
                    .start("localCallState").start("compoundCallState")
                    .leaf("localConnectionState", call.stateOf(device).wireName()).end().end()
                    .end();
        }
        xml.end().end();
        List<CallSnapshot> withData = calls.stream().filter(c -> !c.callData().isEmpty()).toList();
        if (!withData.isEmpty())
            PrivateData.write(xml, p -> withData.forEach(c ->
                    PrivateData.callData(p, CallData.of(c.callData()), Optional.of(c.callId()))));
        return xml.finish();
    }

    static String callSnapshot(String namespace, CallSnapshot call) {
        XmlWriter xml = new XmlWriter("SnapshotCallResponse", namespace).start("crossRefIDorSnapshotData").start("snapshotData");
        for (CallSnapshot.Party party : call.parties()) {
            xml.start("snapshotCallResponseInfo")
                    .start("deviceOnCall").leaf("deviceIdentifier", party.device()).end()
                    .start("callIdentifier").leaf("callID", call.callId()).leaf("deviceID", party.device()).end()
                    .leaf("localConnectionState", party.state().wireName())
                    .end();
        }
        xml.end().end();
        xml.start("callingDevice").leaf("deviceIdentifier", call.callingDevice()).end();
        xml.start("calledDevice").leaf("deviceIdentifier", call.calledDevice()).end();
        if (!call.callData().isEmpty())
            PrivateData.write(xml, p -> PrivateData.callData(p, CallData.of(call.callData()), Optional.of(call.callId())));
        return xml.finish();
    }

    static String sessionStarted(String sessionId, String protocolVersion, int duration) {
        return new XmlWriter("StartApplicationSessionPosResponse", Namespaces.SESSION).leaf("sessionID", sessionId)
                .leaf("actualProtocolVersion", protocolVersion).leaf("actualSessionDuration", String.valueOf(duration)).finish();
    }

    static String sessionTimerReset(int duration) {
        return new XmlWriter("ResetApplicationSessionTimerPosResponse", Namespaces.SESSION)
                .leaf("actualSessionDuration", String.valueOf(duration)).finish();
    }

    static String sessionStopped() {
        return new XmlWriter("StopApplicationSessionPosResponse", Namespaces.SESSION).finish();
    }

    static String sessionRefused(String name, String definedError) {
        return new XmlWriter(name, Namespaces.SESSION).start("errorCode").leaf("definedError", definedError).end().finish();
    }

    static String systemStatus(String namespace, String status) {
        return new XmlWriter("SystemStatus", namespace).leaf("systemStatus", status).finish();
    }
}
