package org.opencti.connector.csta.mapping;

import java.util.Map;
import org.opencti.model.AgentState;
import org.opencti.model.ConnectionState;

/** ECMA-269 connection and agent states in canonical terms. */
public final class CstaStates {
    private CstaStates() {}

    /**
     * A connection's state ({@code localConnectionInfo} / {@code localConnectionState}) as a party state;
     * {@code fallback} when absent or unknown. {@code queued} reads as ringing: the party waits to be answered.
     */
    public static ConnectionState local(String cstaState, ConnectionState fallback) {
        return switch (cstaState == null ? "" : cstaState) {
            case "initiated" -> ConnectionState.Initiated;
            case "alerting", "queued" -> ConnectionState.Offering;
            case "connected" -> ConnectionState.Established;
            case "hold" -> ConnectionState.Held;
            case "null", "fail" -> ConnectionState.Disconnected;
            default -> fallback;
        };
    }

    /**
     * This device's canonical state on a call from the connection states of a snapshot: connected while every
     * other party still rings is {@code Alerting} (we dialled, the far end rings).
     */
    public static ConnectionState ofDevice(String device, Map<String, ConnectionState> parties) {
        ConnectionState mine = parties.getOrDefault(device, ConnectionState.Disconnected);
        boolean othersRinging = parties.entrySet().stream().filter(p -> !p.getKey().equals(device)).count() > 0
                && parties.entrySet().stream().filter(p -> !p.getKey().equals(device))
                .allMatch(p -> p.getValue() == ConnectionState.Offering);
        return mine == ConnectionState.Established && othersRinging ? ConnectionState.Alerting : mine;
    }

    /** {@code agentNull}, {@code agentNotReady}, ... as an agent state; null when absent. */
    public static AgentState agent(String cstaState) {
        if (cstaState == null) return null;
        return switch (cstaState) {
            case "agentNull", "loggedOff" -> AgentState.LoggedOut;
            case "agentNotReady", "notReady" -> AgentState.NotReady;
            case "agentReady", "ready" -> AgentState.Ready;
            case "agentBusy", "busy" -> AgentState.Busy;
            case "agentWorkingAfterCall", "workingAfterCall" -> AgentState.AfterCallWork;
            default -> null;
        };
    }
}
