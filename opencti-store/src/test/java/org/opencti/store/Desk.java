package org.opencti.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.Customer;
import org.opencti.model.DisconnectCause;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallInfoEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.EventHeader;

/**
 * One agent's desk as a connector sees it: builds the canonical events of realistic calls, remembering each
 * call's type, numbers and conversation so a scenario reads as a story.
 */
public final class Desk {
    public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private record Call(CallId conversationId, CallType type, String ani, String dnis, String queue) {}

    private final AgentId agentId;
    private final String device;
    private final Map<String, Call> calls = new HashMap<>();

    public Desk(String agentId, String device) {
        this.agentId = new AgentId(agentId);
        this.device = device;
    }

    public AgentId agentId() { return agentId; }

    public static Instant at(int second) { return T0.plusSeconds(second); }

    /** An inbound ACD call rings here. */
    public CallStateEvent offered(String callId, String ani, String queue, int second) {
        calls.put(callId, new Call(new CallId(callId), CallType.Inbound, ani, "8001", queue));
        return event(ConnectionState.Offering, callId, null, null, Map.of(), null, second);
    }

    /** Another agent consults this one: a consult leg of the customer's conversation rings here. */
    public CallStateEvent consulted(String callId, String conversationId, String fromDn, int second) {
        calls.put(callId, new Call(new CallId(conversationId), CallType.Consult, fromDn, device, null));
        return event(ConnectionState.Offering, callId, null, null, Map.of(), null, second);
    }

    /** This agent dials out. */
    public CallStateEvent dialled(String callId, String destination, int second) {
        calls.put(callId, new Call(new CallId(callId), CallType.Outbound, device, destination, null));
        return event(ConnectionState.Initiated, callId, null, null, Map.of(), null, second);
    }

    public CallStateEvent state(ConnectionState state, String callId, int second) {
        return event(state, callId, null, null, Map.of(), null, second);
    }

    public CallStateEvent offeredWith(String callId, String ani, Map<String, String> callData, Customer customer, int second) {
        calls.put(callId, new Call(new CallId(callId), CallType.Inbound, ani, "8001", "sales"));
        return event(ConnectionState.Offering, callId, null, null, callData, customer, second);
    }

    public CallStateEvent ended(String callId, DisconnectCause cause, int second) {
        return event(ConnectionState.Disconnected, callId, null, cause, Map.of(), null, second);
    }

    /** After a transfer the call here carries a new id; no Disconnected comes for the old one. */
    public CallStateEvent replaced(String oldCallId, String newCallId, ConnectionState state, int second) {
        calls.put(newCallId, calls.get(oldCallId));
        return event(state, newCallId, new CallId(oldCallId), null, Map.of(), null, second);
    }

    public CallInfoEvent callInfo(String callId, Map<String, String> callData, Customer customer, int second) {
        return new CallInfoEvent(header(second), new CallId(callId), callData, customer);
    }

    public AgentStateEvent agentState(AgentState state, String reason, AgentState previous, int second) {
        return new AgentStateEvent(header(second), state, reason, previous, null, null, null);
    }

    private CallStateEvent event(ConnectionState state, String callId, CallId replaces, DisconnectCause cause,
                                 Map<String, String> callData, Customer customer, int second) {
        Call call = calls.get(callId);
        if (call == null) throw new IllegalStateException("the scenario never started call " + callId + " at " + agentId);
        return new CallStateEvent(header(second), state, new CallId(callId), call.conversationId(), call.type(),
                call.ani(), call.dnis(), null, call.queue(), null, replaces, null, callData, List.of(), cause, customer);
    }

    private EventHeader header(int second) {
        return EventHeader.of(at(second), agentId, device);
    }
}
