package org.opencti.connector.csta.xml;

import java.util.List;
import java.util.Map;

/**
 * The ECMA-323 events OpenCTI understands, decoded leniently. Every event starts with the
 * {@code monitorCrossRefID} that routes it to a monitor; {@code localState} is the monitored device's own
 * connection state after the event ({@code null} when it has none). Absent optional fields are null; ids are
 * opaque strings. {@code callData} is OpenCTI's private data, empty when absent.
 */
public sealed interface CstaEvent {
    String monitorCrossRefId();

    /** {@code {callID, deviceID}}: one device's part in one call. */
    record Connection(String callId, String deviceId) {}

    /** One party of the call that results from a transfer or conference. */
    record ConnectionListItem(Connection newConnection, Connection oldConnection, String endpoint) {}

    record ServiceInitiated(String monitorCrossRefId, Connection connection, String initiatingDevice, String localState,
                            String cause) implements CstaEvent {}

    record Originated(String monitorCrossRefId, Connection connection, String callingDevice, String calledDevice,
                      String localState, String cause) implements CstaEvent {}

    record Delivered(String monitorCrossRefId, Connection connection, String alertingDevice, String callingDevice,
                     String calledDevice, String lastRedirectionDevice, String localState, String cause,
                     Map<String, String> callData) implements CstaEvent {}

    record Established(String monitorCrossRefId, Connection connection, String answeringDevice, String callingDevice,
                       String calledDevice, String lastRedirectionDevice, String localState, String cause,
                       Map<String, String> callData) implements CstaEvent {}

    record Held(String monitorCrossRefId, Connection connection, String holdingDevice, String localState, String cause)
            implements CstaEvent {}

    record Retrieved(String monitorCrossRefId, Connection connection, String retrievingDevice, String localState,
                     String cause) implements CstaEvent {}

    record ConnectionCleared(String monitorCrossRefId, Connection connection, String releasingDevice, String localState,
                             String cause) implements CstaEvent {}

    record CallCleared(String monitorCrossRefId, String callId, String localState, String cause) implements CstaEvent {}

    /** ECMA-323 spells the element {@code TransferedEvent}. */
    record Transferred(String monitorCrossRefId, Connection primaryOldCall, Connection secondaryOldCall,
                       String transferringDevice, String transferredToDevice, List<ConnectionListItem> connections,
                       String localState, String cause, Map<String, String> callData) implements CstaEvent {}

    record Conferenced(String monitorCrossRefId, Connection primaryOldCall, Connection secondaryOldCall,
                       String conferencingDevice, String addedParty, List<ConnectionListItem> connections,
                       String localState, String cause, Map<String, String> callData) implements CstaEvent {}

    record Diverted(String monitorCrossRefId, Connection connection, String divertingDevice, String newDestination,
                    String callingDevice, String calledDevice, String localState, String cause,
                    Map<String, String> callData) implements CstaEvent {}

    record Failed(String monitorCrossRefId, Connection connection, String failingDevice, String callingDevice,
                  String calledDevice, String localState, String cause) implements CstaEvent {}

    record Queued(String monitorCrossRefId, Connection connection, String queue, String callingDevice,
                  String calledDevice, int numberQueued, String localState, String cause,
                  Map<String, String> callData) implements CstaEvent {}

    record CallInformation(String monitorCrossRefId, Connection connection, String device,
                           Map<String, String> callData) implements CstaEvent {}

    /** The agent events, told apart by {@code kind}: they carry the same fields. */
    record AgentChanged(String monitorCrossRefId, AgentEventKind kind, String agentDevice, String agentId,
                        String reasonCode, String acdGroup, String pendingAgentState, String pendingReasonCode)
            implements CstaEvent {}

    enum AgentEventKind {
        /** {@code AgentLoggedOnEvent}. */
        LOGGED_ON,
        /** {@code AgentLoggedOffEvent}. */
        LOGGED_OFF,
        /** {@code AgentReadyEvent}. */
        READY,
        /** {@code AgentNotReadyEvent}. */
        NOT_READY,
        /** {@code AgentBusyEvent}. */
        BUSY,
        /** {@code AgentWorkingAfterCallEvent}. */
        WORKING_AFTER_CALL
    }
}
