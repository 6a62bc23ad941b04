package org.opencti.lab.callers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.opencti.lab.clock.EventLoop;
import org.opencti.lab.clock.Timer;
import org.opencti.lab.pbx.CallData;
import org.opencti.lab.pbx.CallEvent;
import org.opencti.lab.pbx.CallEventSink;
import org.opencti.lab.pbx.CallSnapshot;
import org.opencti.lab.pbx.ConnectionId;
import org.opencti.lab.pbx.ConnectionState;
import org.opencti.lab.pbx.Pbx;

/**
 * Scripted customers: they place calls, abandon after their patience and hang up after their talk time. They
 * watch call events like any party would, and follow their call through transfers. Loop-confined.
 */
public final class Callers implements CallEventSink {

    private final EventLoop loop;
    private final Pbx pbx;
    /** Current call id -> the caller on it; re-keyed when a transfer or conference merges the call into another. */
    private final Map<String, Active> active = new HashMap<>();

    private static final class Active {
        final ScriptedCall script;
        String callId;
        Timer patience;
        boolean answered;

        Active(ScriptedCall script, String callId) {
            this.script = script;
            this.callId = callId;
        }
    }

    public Callers(EventLoop loop, Pbx pbx) {
        this.loop = loop;
        this.pbx = pbx;
    }

    /** Places the call; returns its call id. Loop thread only. */
    public String place(ScriptedCall script) {
        ConnectionId connection = pbx.makeCall(script.from(), script.dialled(), CallData.of(script.callData()));
        String callId = connection.callId();
        if (pbx.snapshot(callId).isEmpty())
            return callId; // failed at once (busy): nothing to follow
        Active caller = new Active(script, callId);
        active.put(callId, caller);
        if (!script.patience().isZero())
            caller.patience = loop.schedule(script.patience(), () -> {
                if (!caller.answered)
                    hangUp(caller);
            });
        return callId;
    }

    /** Callers still on a call (a leak check: zero once every call has cleared). */
    public int activeCount() {
        return active.size();
    }

    @Override
    public void publish(CallEvent event, Map<String, ConnectionState> audience) {
        switch (event) {
            case CallEvent.Established established -> {
                Active caller = active.get(established.callId());
                if (caller != null && !caller.answered && pbx.directory().isExtension(established.answeringDevice()))
                    answered(caller);
            }
            case CallEvent.CallCleared cleared -> active.remove(cleared.callId());
            case CallEvent.Transferred e -> e.secondaryOldCall().ifPresent(old -> merged(old.callId(), e.callId()));
            case CallEvent.Conferenced e -> merged(e.secondaryOldCall().callId(), e.callId());
            case CallEvent.ServiceInitiated e -> { }
            case CallEvent.Originated e -> { }
            case CallEvent.Delivered e -> { }
            case CallEvent.Held e -> { }
            case CallEvent.Retrieved e -> { }
            case CallEvent.ConnectionCleared e -> { }
            case CallEvent.Diverted e -> { }
            case CallEvent.Failed e -> { }
            case CallEvent.Queued e -> { }
            case CallEvent.CallInformation e -> { }
        }
    }

    private void merged(String oldId, String newId) {
        Active caller = active.remove(oldId);
        if (caller != null && !oldId.equals(newId)) {
            caller.callId = newId;
            active.put(newId, caller);
        }
    }

    private void answered(Active caller) {
        caller.answered = true;
        if (caller.patience != null)
            caller.patience.cancel();
        Duration talk = caller.script.talkTime();
        if (!talk.isZero())
            loop.schedule(talk, () -> hangUp(caller));
    }

    private void hangUp(Active caller) {
        String from = caller.script.from();
        boolean onCall = pbx.snapshot(caller.callId).map(CallSnapshot::parties).orElse(java.util.List.of()).stream()
                .anyMatch(p -> p.device().equals(from));
        if (onCall)
            pbx.clearConnection(new ConnectionId(caller.callId, from));
    }
}
