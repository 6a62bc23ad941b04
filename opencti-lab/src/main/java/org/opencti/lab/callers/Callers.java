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
    /** Original call id -> the script, while the caller is on the call. */
    private final Map<String, Active> active = new HashMap<>();

    private static final class Active {
        final ScriptedCall script;
        Timer patience;
        boolean answered;

        Active(ScriptedCall script) {
            this.script = script;
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
        Active caller = new Active(script);
        active.put(callId, caller);
        if (!script.patience().isZero())
            caller.patience = loop.schedule(script.patience(), () -> {
                if (!caller.answered)
                    hangUp(callId, script.from());
            });
        return callId;
    }

    @Override
    public void publish(CallEvent event, Map<String, ConnectionState> audience) {
        switch (event) {
            case CallEvent.Established established -> active.forEach((callId, caller) -> {
                if (!caller.answered && pbx.currentId(callId).equals(established.callId())
                        && pbx.directory().isExtension(established.answeringDevice()))
                    answered(callId, caller);
            });
            case CallEvent.CallCleared cleared -> active.keySet().removeIf(id -> pbx.currentId(id).equals(cleared.callId()));
            case CallEvent.ServiceInitiated e -> { }
            case CallEvent.Originated e -> { }
            case CallEvent.Delivered e -> { }
            case CallEvent.Held e -> { }
            case CallEvent.Retrieved e -> { }
            case CallEvent.ConnectionCleared e -> { }
            case CallEvent.Transferred e -> { }
            case CallEvent.Conferenced e -> { }
            case CallEvent.Diverted e -> { }
            case CallEvent.Failed e -> { }
            case CallEvent.Queued e -> { }
            case CallEvent.CallInformation e -> { }
        }
    }

    private void answered(String callId, Active caller) {
        caller.answered = true;
        if (caller.patience != null)
            caller.patience.cancel();
        Duration talk = caller.script.talkTime();
        if (!talk.isZero())
            loop.schedule(talk, () -> hangUp(callId, caller.script.from()));
    }

    private void hangUp(String callId, String from) {
        String current = pbx.currentId(callId);
        boolean onCall = pbx.snapshot(current).map(CallSnapshot::parties).orElse(java.util.List.of()).stream()
                .anyMatch(p -> p.device().equals(from));
        if (onCall)
            pbx.clearConnection(new ConnectionId(current, from));
    }
}
