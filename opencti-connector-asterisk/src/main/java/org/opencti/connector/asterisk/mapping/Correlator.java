package org.opencti.connector.asterisk.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.AbstractHoldEvent;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.opencti.connector.asterisk.AsteriskSettings;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.DequeueReason;
import org.opencti.model.DisconnectCause;
import org.opencti.model.QueueChange;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.QueueEvent;

/**
 * Our own call correlator over asterisk-java's parsed AMI v2 events: a call is keyed by {@code Linkedid}, a leg by
 * {@code Uniqueid}; the desk whose extension owns a channel ({@code PJSIP/5001-0000002a} is extension 5001) sees that
 * leg's states, and queue events drive agent states. See {@code docs/asterisk.md} for the table this implements.
 *
 * <p>Threading: {@link #apply} runs on the AMI reader thread, one event at a time, in wire order; requests touch a
 * desk under the same lock ({@code synchronized (correlator)}).
 */
public final class Correlator {

    /** What the correlator asks its connector to do (side effects stay out of the mapping). */
    public interface Effects {
        /** The agent let a queue call ring out: pause it with reason RONA (if so configured). */
        void ringNoAnswer(Desk desk);

        /** After-call work started: settle the desk after {@code seconds}. */
        void wrapUp(Desk desk, int seconds);
    }

    /** A channel Asterisk told us about, by Uniqueid. */
    private static final class Channel {
        final String name;
        final String linkedId;
        final String callerNum;
        final String exten;
        String queue;
        boolean abandoned;
        /** Offered to an agent: the canonical CallDequeued (Distributed) was published. */
        boolean distributed;

        Channel(String name, String linkedId, String callerNum, String exten) {
            this.name = name;
            this.linkedId = linkedId;
            this.callerNum = callerNum;
            this.exten = exten;
        }
    }

    /** A call our Originate pre-assigned a Uniqueid to ({@code ChannelId}). */
    private record Originated(String destination, Map<String, String> callData) {}

    /** Channel variables with this prefix are call data; Originate sets them from makeCall's callData. */
    public static final String CALL_DATA_PREFIX = "OPENCTI_";

    private final AsteriskSettings settings;
    private final Effects effects;
    private final Map<AgentId, Desk> desks = new ConcurrentHashMap<>();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, Originated> originated = new ConcurrentHashMap<>();
    private final Set<String> monitoredQueues = ConcurrentHashMap.newKeySet();
    /** Callers waiting per queue name, as the last queue event said. */
    private final Map<String, Integer> waiting = new ConcurrentHashMap<>();

    public Correlator(AsteriskSettings settings, Effects effects) {
        this.settings = settings;
        this.effects = effects;
    }

    public Desk desk(AgentId agentId) { return desks.get(agentId); }

    public java.util.Collection<Desk> desks() { return List.copyOf(desks.values()); }

    public void add(Desk desk) { desks.put(desk.agentId(), desk); }

    public void remove(Desk desk) { desks.remove(desk.agentId(), desk); }

    public Desk deskAt(String device) {
        for (Desk desk : desks.values()) if (desk.device().equals(device)) return desk;
        return null;
    }

    /** Remembers a MakeCall's pre-assigned Uniqueid, so its channel becomes this desk's Outbound call. */
    public void originating(String uniqueId, String destination, Map<String, String> callData) {
        originated.put(uniqueId, new Originated(destination, callData));
    }

    public void monitorQueue(String queueName) { monitoredQueues.add(queueName); }

    /** The extension of an agent phone channel ({@code PJSIP/5001-0000002a} -> 5001), or null for any other. */
    String extensionOf(String channel) {
        if (channel == null || !channel.startsWith(settings.technology() + "/")) return null;
        int dash = channel.lastIndexOf('-');
        return channel.substring(settings.technology().length() + 1, dash > 0 ? dash : channel.length());
    }

    private Desk deskOfChannel(String channel) {
        String extension = extensionOf(channel);
        return extension == null ? null : deskAt(extension);
    }

    private Desk deskOfInterface(String memberInterface) {
        if (memberInterface == null) return null;
        for (Desk desk : desks.values()) if (desk.memberInterface().equalsIgnoreCase(memberInterface)) return desk;
        return null;
    }

    private DeskCall byLeg(Desk desk, String uniqueId) { return desk == null ? null : desk.byLeg(uniqueId); }

    /** Maps one AMI event to the canonical events it causes, in order. */
    public synchronized List<CtiEvent> apply(ManagerEvent event, Instant at) {
        List<CtiEvent> out = new ArrayList<>();
        switch (event) {
            case NewChannelEvent e -> newChannel(e, at, out);
            case DialBeginEvent e -> dialBegin(e, at, out);
            case DialEndEvent e -> dialEnd(e, at, out);
            case AgentCalledEvent e -> agentCalled(e, at, out);
            case AgentConnectEvent e -> {
                Desk desk = deskOfInterface(e.getInterface());
                DeskCall call = byLeg(desk, e.getDestUniqueId());
                if (call != null) established(desk, call, at, out);
            }
            case AgentCompleteEvent e -> {
                Desk desk = deskOfInterface(e.getInterface());
                DeskCall call = byLeg(desk, e.getDestUniqueId());
                if (call != null) end(desk, call, Causes.ofAgentComplete(e.getReason()), at, out);
            }
            case AgentRingNoAnswerEvent e -> {
                Desk desk = deskOfInterface(e.getInterface());
                DeskCall call = byLeg(desk, e.getDestUniqueId());
                if (call != null) {
                    desk.end(call, DisconnectCause.NoAnswer, at, out);
                    effects.ringNoAnswer(desk);
                }
            }
            case HangupEvent e -> hangup(e, at, out);
            case HoldEvent e -> hold(e, ConnectionState.Held, at, out);
            case UnholdEvent e -> hold(e, ConnectionState.Established, at, out);
            case BlindTransferEvent e -> {
                if ("Success".equalsIgnoreCase(e.getResult())) transferred(e.getTransfererUniqueId(), at, out);
            }
            case AttendedTransferEvent e -> {
                if ("Success".equalsIgnoreCase(e.getResult())) {
                    transferred(e.getOrigTransfererUniqueid(), at, out);
                    transferred(e.getSecondTransfererUniqueid(), at, out);
                }
            }
            case QueueCallerJoinEvent e -> {
                Channel caller = channels.get(e.getUniqueId());
                if (caller != null) caller.queue = e.getQueue();
                if (e.getCount() != null) waiting.put(e.getQueue(), e.getCount());
                queueEvent(e.getQueue(), QueueChange.CallQueued, e.getLinkedId(), e.getCount(), null, at, out);
            }
            case QueueCallerAbandonEvent e -> {
                Channel caller = channels.get(e.getUniqueId());
                if (caller != null) caller.abandoned = true;
            }
            case QueueCallerLeaveEvent e -> {
                Channel caller = channels.get(e.getUniqueId());
                boolean abandoned = caller != null && caller.abandoned;
                if (e.getCount() != null) waiting.put(e.getQueue(), e.getCount());
                if (caller != null) caller.queue = null; // out of the queue: a later dial of it is a plain one
                if (caller != null && caller.distributed && !abandoned) break; // CallDequeued went out when it was offered
                queueEvent(e.getQueue(), QueueChange.CallDequeued, e.getLinkedId(), e.getCount(),
                        abandoned ? DequeueReason.Abandoned : DequeueReason.Distributed, at, out);
            }
            case QueueMemberAddedEvent e -> {
                Desk desk = deskOfInterface(e.getInterface());
                if (desk != null) {
                    desk.queues.add(e.getQueue());
                    if (e.getWrapupTime() != null) desk.wrapUpSeconds = e.getWrapupTime();
                    if (!desk.onCall()) desk.paused(Boolean.TRUE.equals(e.getPaused()), desk.pauseReason, at, out);
                }
            }
            case QueueMemberPauseEvent e -> {
                Desk desk = deskOfInterface(e.getInterface());
                String reason = e.getPausedreason() != null ? e.getPausedreason() : e.getReason();
                if (desk != null) desk.paused(Boolean.TRUE.equals(e.getPaused()), reason, at, out);
            }
            case QueueMemberStatusEvent e -> {
                Desk desk = deskOfInterface(e.getInterface());
                if (desk != null && e.getWrapuptime() != null) desk.wrapUpSeconds = e.getWrapuptime();
            }
            case QueueMemberRemovedEvent e -> {
                Desk desk = deskOfInterface(e.getInterface());
                if (desk != null) {
                    desk.queues.remove(e.getQueue());
                    if (desk.queues.isEmpty()) {
                        desk.pendingState = null;
                        desk.pendingReasonCode = null;
                        desk.moveTo(org.opencti.model.AgentState.LoggedOut, null, at, out);
                        desks.remove(desk.agentId(), desk);
                    }
                }
            }
            default -> {
                // Newstate, DialState, Bridge*, MusicOnHold*, DTMF*, ... add nothing the events above do not say.
            }
        }
        return out;
    }

    private void newChannel(NewChannelEvent e, Instant at, List<CtiEvent> out) {
        channels.put(e.getUniqueId(), new Channel(e.getChannel(), e.getLinkedid(), e.getCallerIdNum(), e.getExten()));
        Originated ours = originated.remove(e.getUniqueId());
        Desk desk = deskOfChannel(e.getChannel());
        if (ours == null || desk == null) return;
        CallType type = deskAt(ours.destination()) != null ? CallType.Internal : CallType.Outbound;
        DeskCall call = new DeskCall(new CallId(e.getLinkedid()), type, ConnectionState.Initiated, at);
        call.leg = e.getUniqueId();
        call.channel = e.getChannel();
        call.otherDn = ours.destination();
        call.callData = ours.callData();
        desk.add(call, at, out);
    }

    private void dialBegin(DialBeginEvent e, Instant at, List<CtiEvent> out) {
        Desk caller = deskOfChannel(e.getChannel());
        DeskCall calling = byLeg(caller, e.getUniqueId());
        if (calling != null && calling.state == ConnectionState.Initiated) {
            calling.parties.put(calling.otherDn, ConnectionState.Alerting);
            caller.change(calling, ConnectionState.Alerting, at, out);
        }
        Desk called = deskOfChannel(e.getDestChannel());
        Channel source = channels.get(e.getUniqueId());
        if (called == null || byLeg(called, e.getDestUniqueId()) != null) return;
        if (source != null && source.queue != null) return; // app_queue dials: AgentCalled follows with the queue
        String callId = e.getDestLinkedId() != null ? e.getDestLinkedId() : e.getLinkedId();
        DeskCall call = new DeskCall(new CallId(callId), caller != null ? CallType.Internal : CallType.Inbound,
                ConnectionState.Offering, at);
        call.leg = e.getDestUniqueId();
        call.channel = e.getDestChannel();
        call.ani = caller != null ? caller.device() : e.getCallerIdNum();
        call.dnis = e.getExten();
        call.otherDn = call.ani;
        call.farChannel = e.getChannel();
        call.callData = calling != null ? calling.callData : callData(e);
        called.add(call, at, out);
    }

    private void agentCalled(AgentCalledEvent e, Instant at, List<CtiEvent> out) {
        Channel caller = channels.get(e.getUniqueId());
        if (caller != null && !caller.distributed) {
            // Canonically a call leaves the queue when it is offered to an agent (DequeueReason.Distributed);
            // Asterisk's QueueCallerLeave only comes when the agent answers.
            caller.distributed = true;
            int left = Math.max(0, waiting.getOrDefault(e.getQueue(), 1) - 1);
            waiting.put(e.getQueue(), left);
            queueEvent(e.getQueue(), QueueChange.CallDequeued, e.getLinkedId(), left, DequeueReason.Distributed, at, out);
        }
        Desk desk = deskOfInterface(e.getInterface());
        if (desk == null || byLeg(desk, e.getDestUniqueId()) != null) return;
        String callId = e.getDestLinkedId() != null ? e.getDestLinkedId() : e.getLinkedId();
        DeskCall call = new DeskCall(new CallId(callId), CallType.Inbound, ConnectionState.Offering, at);
        call.leg = e.getDestUniqueId();
        call.channel = e.getDestChannel();
        call.ani = e.getCallerIdNum();
        call.dnis = e.getExten();
        call.otherDn = call.ani;
        call.queue = e.getQueue();
        call.acd = true;
        call.farChannel = e.getChannel();
        call.callData = callData(e);
        desk.add(call, at, out);
    }

    /**
     * Call data rides in channel variables named {@code OPENCTI_<key>}, which Asterisk adds to channel events as
     * {@code ChanVariable: OPENCTI_accountId=A-1001} when manager.conf lists them in {@code channelvars}.
     */
    static Map<String, String> callData(ManagerEvent event) {
        Map<String, String> data = new java.util.TreeMap<>();
        event.getChannelVariables().forEach((name, value) -> {
            if (name.startsWith(CALL_DATA_PREFIX) && name.length() > CALL_DATA_PREFIX.length() && value != null && !value.isBlank())
                data.put(name.substring(CALL_DATA_PREFIX.length()), value);
        });
        return data;
    }

    private void dialEnd(DialEndEvent e, Instant at, List<CtiEvent> out) {
        boolean answered = "ANSWER".equalsIgnoreCase(e.getDialStatus());
        Desk caller = deskOfChannel(e.getChannel());
        DeskCall calling = byLeg(caller, e.getUniqueId());
        if (calling != null) {
            if (answered) established(caller, calling, at, out);
            else end(caller, calling, Causes.ofDialStatus(e.getDialStatus()), at, out);
        }
        Desk called = deskOfChannel(e.getDestChannel());
        DeskCall offered = byLeg(called, e.getDestUniqueId());
        if (offered == null) return;
        if (answered) {
            established(called, offered, at, out);
        } else if ("CANCEL".equalsIgnoreCase(e.getDialStatus())) {
            Channel source = channels.get(e.getUniqueId());
            boolean callerGone = source == null || source.abandoned;
            end(called, offered, callerGone ? DisconnectCause.Abandoned : DisconnectCause.Redirected, at, out);
        } else {
            end(called, offered, Causes.ofDialStatus(e.getDialStatus()), at, out);
        }
    }

    private void established(Desk desk, DeskCall call, Instant at, List<CtiEvent> out) {
        if (call.otherDn != null) call.parties.put(call.otherDn, ConnectionState.Established);
        desk.change(call, ConnectionState.Established, at, out);
    }

    private void end(Desk desk, DeskCall call, DisconnectCause cause, Instant at, List<CtiEvent> out) {
        boolean wasAcd = call.acd;
        desk.end(call, cause, at, out);
        if (wasAcd && !desk.onCall() && desk.state() == org.opencti.model.AgentState.AfterCallWork)
            effects.wrapUp(desk, desk.wrapUpSeconds);
    }

    private void hangup(HangupEvent e, Instant at, List<CtiEvent> out) {
        Channel gone = channels.remove(e.getUniqueId());
        for (Desk desk : desks.values()) {
            DeskCall own = desk.byLeg(e.getUniqueId());
            if (own != null) {
                end(desk, own, ownHangupCause(own, e), at, out);
                continue;
            }
            String linkedId = e.getLinkedId() != null ? e.getLinkedId() : gone == null ? null : gone.linkedId;
            DeskCall call = linkedId == null ? null : desk.calls.get(linkedId);
            if (call == null) continue;
            if (call.state == ConnectionState.Offering && e.getUniqueId().equals(linkedId)) {
                end(desk, call, DisconnectCause.Abandoned, at, out);
            } else if (call.state == ConnectionState.Established || call.state == ConnectionState.Held) {
                call.remoteLeft = true;
            }
        }
    }

    private static DisconnectCause ownHangupCause(DeskCall call, HangupEvent e) {
        if (call.hangUpRequested) return DisconnectCause.Normal;
        return switch (call.state) {
            case Established, Held -> call.remoteLeft ? DisconnectCause.RemoteHangup : DisconnectCause.Normal;
            case Offering -> DisconnectCause.Redirected;
            case Initiated, Alerting -> Causes.ofHangupCause(e.getCause());
            case Disconnected -> DisconnectCause.Normal;
        };
    }

    private void hold(AbstractHoldEvent e, ConnectionState next, Instant at, List<CtiEvent> out) {
        for (Desk desk : desks.values()) {
            DeskCall own = desk.byLeg(e.getUniqueId());
            if (own != null) {
                if (own.state == ConnectionState.Established || own.state == ConnectionState.Held) desk.change(own, next, at, out);
                continue;
            }
            DeskCall call = e.getLinkedId() == null ? null : desk.calls.get(e.getLinkedId());
            if (call != null && call.otherDn != null && call.parties.containsKey(call.otherDn)) {
                call.parties.put(call.otherDn, next);
                out.add(desk.partyEvent(call, at));
            }
        }
    }

    private void transferred(String transfererUniqueId, Instant at, List<CtiEvent> out) {
        if (transfererUniqueId == null) return;
        for (Desk desk : desks.values()) {
            DeskCall call = desk.byLeg(transfererUniqueId);
            if (call != null) end(desk, call, DisconnectCause.Transferred, at, out);
        }
    }

    private void queueEvent(String queue, QueueChange change, String linkedId, Integer count, DequeueReason reason,
                            Instant at, List<CtiEvent> out) {
        if (queue == null || linkedId == null || !monitoredQueues.contains(queue)) return;
        String dnis = settings.queues().entrySet().stream().filter(q -> q.getValue().equals(queue)).map(Map.Entry::getKey)
                .findFirst().orElse(queue);
        out.add(new QueueEvent(EventHeader.of(at, null, dnis), change, queue, new CallId(linkedId), count == null ? 0 : count, reason));
    }

    /**
     * After a reconnect: the channels Asterisk still has ({@code CoreShowChannels} Uniqueids). A desk call whose leg is
     * gone ended in the gap and is closed with cause LinkLost.
     */
    public synchronized List<CtiEvent> reconcileCalls(Desk desk, Set<String> liveUniqueIds, Instant at) {
        List<CtiEvent> out = new ArrayList<>();
        channels.keySet().retainAll(liveUniqueIds);
        for (DeskCall call : List.copyOf(desk.calls.values()))
            if (!liveUniqueIds.contains(call.leg)) end(desk, call, DisconnectCause.LinkLost, at, out);
        return out;
    }

    /** After a reconnect: the member as {@code QueueStatus} reports it (null when it is in no queue any more). */
    public synchronized List<CtiEvent> reconcileMember(Desk desk, Set<String> queues, Boolean paused, String reason, Instant at) {
        List<CtiEvent> out = new ArrayList<>();
        desk.queues.clear();
        desk.queues.addAll(queues);
        if (queues.isEmpty()) {
            desk.moveTo(org.opencti.model.AgentState.LoggedOut, null, at, out);
            desks.remove(desk.agentId(), desk);
        } else if (paused != null) {
            desk.paused(paused, reason, at, out);
        }
        return out;
    }

    /**
     * Asterisk accepted the QueueAdds of a login: the agent is NotReady (reason login) now, whether or not
     * QueueMemberAdded has arrived, so a request right after login sees it.
     */
    public synchronized List<CtiEvent> loggedIn(Desk desk, java.util.Collection<String> queues, Instant at) {
        List<CtiEvent> out = new ArrayList<>();
        desk.queues.addAll(queues);
        if (!desk.onCall()) desk.paused(true, "login", at, out);
        return out;
    }

    /** The desk's agent-state change asked while it is on a call (pending until the calls end). */
    public synchronized List<CtiEvent> pending(Desk desk, org.opencti.model.AgentState next, String reason, Instant at) {
        return desk.pending(next, reason, at);
    }

    /** After-call work is over. */
    public synchronized List<CtiEvent> settle(Desk desk, Instant at) {
        List<CtiEvent> out = new ArrayList<>();
        if (desk.state() == org.opencti.model.AgentState.AfterCallWork) desk.settle(at, out);
        return out;
    }
}
