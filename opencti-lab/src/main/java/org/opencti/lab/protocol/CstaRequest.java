package org.opencti.lab.protocol;

import java.util.List;
import java.util.Optional;
import org.opencti.lab.acd.RequestedAgentState;
import org.opencti.lab.acd.WorkMode;
import org.opencti.lab.pbx.CallData;
import org.opencti.lab.pbx.ConnectionId;
import org.opencti.lab.pbx.ConsultOptions;

/** A message a client sends the lab: one record per CSTA service or ECMA-354 session message. */
public sealed interface CstaRequest {

    record MakeCall(String callingDevice, String calledNumber, CallData data) implements CstaRequest {}

    record AnswerCall(ConnectionId connection) implements CstaRequest {}

    record ClearConnection(ConnectionId connection) implements CstaRequest {}

    record ClearCall(String callId) implements CstaRequest {}

    record HoldCall(ConnectionId connection) implements CstaRequest {}

    record RetrieveCall(ConnectionId connection) implements CstaRequest {}

    record AlternateCall(ConnectionId held, ConnectionId active) implements CstaRequest {}

    record ConsultationCall(ConnectionId existing, String consulted, ConsultOptions options, CallData data) implements CstaRequest {}

    record ReconnectCall(ConnectionId held, ConnectionId active) implements CstaRequest {}

    record TransferCall(ConnectionId held, ConnectionId active) implements CstaRequest {}

    record ConferenceCall(ConnectionId held, ConnectionId active) implements CstaRequest {}

    record SingleStepTransferCall(ConnectionId active, String transferredTo, CallData data) implements CstaRequest {}

    record DeflectCall(ConnectionId alerting, String newDestination, CallData data) implements CstaRequest {}

    record GenerateDigits(ConnectionId connection, String digits) implements CstaRequest {}

    record AssociateData(ConnectionId connection, CallData data) implements CstaRequest {}

    record SnapshotDevice(String device) implements CstaRequest {}

    record SnapshotCall(String callId) implements CstaRequest {}

    record MonitorStart(String device) implements CstaRequest {}

    record MonitorStop(String crossRefId) implements CstaRequest {}

    /** {@code workMode}: private data {@code od:workMode} (autoIn / manualIn), with ready and notReady. */
    record SetAgentState(String device, RequestedAgentState requested, Optional<String> agentId,
                         Optional<String> password, Optional<String> reasonCode, Optional<WorkMode> workMode) implements CstaRequest {
        public SetAgentState(String device, RequestedAgentState requested, Optional<String> agentId,
                             Optional<String> password, Optional<String> reasonCode) {
            this(device, requested, agentId, password, reasonCode, Optional.empty());
        }
    }

    record GetAgentState(String device) implements CstaRequest {}

    record SystemStatus(String status) implements CstaRequest {}

    /** {@code protocolVersions} empty when the client named none. */
    record StartApplicationSession(List<String> protocolVersions, Optional<Integer> sessionDuration) implements CstaRequest {
        public StartApplicationSession {
            protocolVersions = List.copyOf(protocolVersions);
        }
    }

    record ResetApplicationSessionTimer(String sessionId, Optional<Integer> sessionDuration) implements CstaRequest {}

    record StopApplicationSession(String sessionId) implements CstaRequest {}

    /** A response or event from the client (e.g. to the lab's SystemStatus): never answered. */
    record ClientResponse(String name) implements CstaRequest {}
}
