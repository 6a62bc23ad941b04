package org.opencti.store.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallInfoEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.ErrorEvent;
import org.opencti.model.event.LinkStateEvent;
import org.opencti.model.event.PartyInfoEvent;
import org.opencti.model.event.QueueEvent;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.request.WrapUp;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.agentstate.AgentStateLog;
import org.opencti.store.internal.Jdbc;

/**
 * Turns canonical events into interaction rows and agent-state log lines.
 *
 * <p>Threading: {@link #record} may be called from any thread. It updates an in-memory copy of each open call
 * under a short lock and hands the whole row to the background writer; it never waits for the database (unless
 * the store is configured with {@link org.opencti.store.WhenBufferFull#BLOCK_CALLER}). Ended calls stay in memory
 * (the newest few per agent) so a wrap-up usually needs no read either.
 */
public final class InteractionRecorder {
    private static final int MAX_WRAP_UP_CODE = 255;

    private final Object lock = new Object();
    private final Map<AgentId, List<TrackedCall>> callsByAgent = new HashMap<>(); // per agent, oldest first
    private final Jdbc jdbc;
    private final Interactions interactions;
    private final AgentStateLog agentStates;
    private final int endedCallsKeptPerAgent;

    /** Created by {@link org.opencti.store.Store}. */
    public InteractionRecorder(Jdbc jdbc, Interactions interactions, AgentStateLog agentStates, int endedCallsKeptPerAgent) {
        this.jdbc = jdbc;
        this.interactions = interactions;
        this.agentStates = agentStates;
        this.endedCallsKeptPerAgent = endedCallsKeptPerAgent;
    }

    /** Loads interactions that were open when the store last stopped, so their calls can still end. */
    public void reloadOpenInteractions() {
        List<Interaction> open = interactions.open();
        synchronized (lock) {
            for (Interaction row : open) callsByAgent.computeIfAbsent(row.agentId(), a -> new ArrayList<>()).add(TrackedCall.of(row));
        }
    }

    public void record(CtiEvent event) {
        switch (event) {
            case CallStateEvent call -> onCallState(call);
            case CallInfoEvent info -> onCallInfo(info);
            case AgentStateEvent state -> agentStates.append(AgentStateChange.of(state));
            // Not history of their own: a snapshot repeats what events said, parties and queues are live views,
            // and link loss is handled by closeLostCalls once the reconcile says which calls survived.
            case SnapshotEvent snapshot -> { }
            case PartyInfoEvent parties -> { }
            case LinkStateEvent link -> { }
            case QueueEvent queue -> { }
            case ErrorEvent error -> { }
        }
    }

    /**
     * Records the wrap-up of the agent's newest interaction on {@code callId}, ended or not.
     *
     * @throws CtiException {@link ErrorCode#OPENCTI_UNKNOWN_CALL} when the agent has no interaction on that call
     * @throws IllegalArgumentException when the code is blank or too long, or the notes are over 4000 characters
     */
    public void wrapUp(AgentId agentId, CallId callId, String wrapUpCode, String notes, Instant at) {
        new WrapUp(callId, wrapUpCode, notes); // the request's own checks: code present, notes <= 4000
        if (wrapUpCode.length() > MAX_WRAP_UP_CODE)
            throw new IllegalArgumentException("wrapUpCode is " + wrapUpCode.length() + " characters long; at most "
                    + MAX_WRAP_UP_CODE + " are accepted");
        synchronized (lock) {
            TrackedCall call = newest(agentId, callId, true);
            if (call != null) {
                call.wrapUp(wrapUpCode, notes, at);
                save(call);
                return;
            }
        }
        // Older than what memory keeps: read it (a request path, not the event path).
        Interaction stored = interactions.byCall(agentId, callId).orElseThrow(() -> new CtiException(
                ErrorCode.OPENCTI_UNKNOWN_CALL, "Cannot wrap up call '" + callId + "': agent " + agentId
                + " has no recorded interaction on it; give the callId of a call this agent handled",
                Map.of("agentId", agentId.value(), "callId", callId.value())));
        synchronized (lock) {
            TrackedCall call = TrackedCall.of(stored);
            call.wrapUp(wrapUpCode, notes, at);
            save(call);
        }
    }

    /**
     * After a CTI link drop: ends the agent's open calls that the reconcile no longer finds, with cause
     * {@link DisconnectCause#LinkLost} at {@code lostAt} (flagged approximate). Returns the calls it closed.
     */
    public List<CallId> closeLostCalls(AgentId agentId, Set<CallId> stillPresent, Instant lostAt) {
        List<CallId> closed = new ArrayList<>();
        synchronized (lock) {
            List<TrackedCall> calls = callsByAgent.getOrDefault(agentId, List.of());
            for (TrackedCall call : calls) {
                if (call.ended() || stillPresent.contains(call.callId())) continue;
                call.end(lostAt, DisconnectCause.LinkLost, true);
                save(call);
                closed.add(call.callId());
            }
            forgetOldEndedCalls(agentId);
        }
        return closed;
    }

    /** The agent's calls that have not ended, oldest first: what a reconcile should look for. */
    public List<CallId> openCalls(AgentId agentId) {
        synchronized (lock) {
            return callsByAgent.getOrDefault(agentId, List.of()).stream()
                    .filter(call -> !call.ended()).map(TrackedCall::callId).toList();
        }
    }

    private void onCallState(CallStateEvent event) {
        synchronized (lock) {
            TrackedCall call = event.replacesCallId() == null ? null : newest(event.agentId(), event.replacesCallId(), false);
            if (call == null) call = newest(event.agentId(), event.callId(), false);
            if (call == null) {
                // Nothing open to end: a repeated Disconnected, or a call that ended before it was watched.
                if (event.name() == ConnectionState.Disconnected) return;
                call = TrackedCall.startedBy(UUID.randomUUID().toString(), event);
                callsByAgent.computeIfAbsent(event.agentId(), a -> new ArrayList<>()).add(call);
            }
            call.apply(event);
            save(call);
            if (call.ended()) forgetOldEndedCalls(event.agentId());
        }
    }

    private void onCallInfo(CallInfoEvent event) {
        synchronized (lock) {
            TrackedCall call = newest(event.agentId(), event.callId(), true);
            if (call == null) return; // data for a call this agent never had: nothing to attach it to
            call.attach(event.callData(), event.customer() == null ? null : event.customer().id());
            save(call);
        }
    }

    private TrackedCall newest(AgentId agentId, CallId callId, boolean includeEnded) {
        List<TrackedCall> calls = callsByAgent.getOrDefault(agentId, List.of());
        for (int i = calls.size() - 1; i >= 0; i--) {
            TrackedCall call = calls.get(i);
            if (call.callId().equals(callId) && (includeEnded || !call.ended())) return call;
        }
        return null;
    }

    private void forgetOldEndedCalls(AgentId agentId) {
        List<TrackedCall> calls = callsByAgent.get(agentId);
        if (calls == null) return;
        long ended = calls.stream().filter(TrackedCall::ended).count();
        for (Iterator<TrackedCall> it = calls.iterator(); it.hasNext() && ended > endedCallsKeptPerAgent; ) {
            if (it.next().ended()) {
                it.remove();
                ended--;
            }
        }
        if (calls.isEmpty()) callsByAgent.remove(agentId);
    }

    private void save(TrackedCall call) {
        jdbc.enqueue(Interactions.TABLE, call.snapshot());
    }
}
