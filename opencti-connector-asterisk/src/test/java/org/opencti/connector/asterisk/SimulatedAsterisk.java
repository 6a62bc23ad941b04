package org.opencti.connector.asterisk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.AsteriskJavaEventBuilder;
import org.opencti.connector.asterisk.ami.FakeAmiServer;
import org.opencti.connector.asterisk.ami.Transcript;
import org.opencti.connector.spi.contract.FarSide;
import org.opencti.model.AgentState;
import org.opencti.model.ConnectionState;

/**
 * A tiny Asterisk for the TCK: queue {@code sales} (DNIS 8001) with dynamic members, PJSIP phones that answer
 * Originate at once, a trunk whose numbers answer, are busy or never answer, and callers who queue, ring a member
 * and hang up. It answers AMI actions and writes AMI v2 events in the shapes of our documentation-derived transcripts
 * (the same fields, the same order) through a {@link FakeAmiServer}, on its own virtual clock. It is a fixture for
 * the connector's contract, not a model of Asterisk: anything the TCK does not reach is left out.
 */
final class SimulatedAsterisk implements FarSide, FakeAmiServer.Script {
    static final String QUEUE = "sales";
    static final String DNIS = "8001";
    private static final Duration RING_NO_ANSWER = Duration.ofSeconds(15);
    private static final Duration OUTSIDE_RING = Duration.ofSeconds(3);
    private static final Duration NO_ANSWER = Duration.ofSeconds(30);

    /** One queue member (one agent phone). */
    private static final class Member {
        boolean inQueue;
        boolean paused = true;
        String reason;
        boolean pausedDuringCall;
        long idleSince;
    }

    /** A channel: name, Uniqueid, Linkedid, caller number, exten. */
    private record Chan(String name, String uid, String linked, String num, String exten, String context) {}

    /** One call: an agent leg and a far leg (caller or trunk). */
    private static final class Call {
        Chan agent;
        Chan far;
        String extension;
        ConnectionState agentState;
        String number;
        boolean inbound;
        boolean inQueue;
        Map<String, String> callData = Map.of();
        Duration due;
        Runnable onDue;
    }

    private final FakeAmiServer server = new FakeAmiServer("opencti", "s3cret");
    private final AsteriskJavaEventBuilder builder = new AsteriskJavaEventBuilder();
    private final List<String> vocabularyProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Call> waiting = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long counter = 10;
    private long idleCounter;

    SimulatedAsterisk() {
        server.answerWith(this);
        for (int i = 0; i < 3; i++) members.put(extension(i), new Member());
    }

    int port() { return server.port(); }

    /**
     * Events the simulation wrote that asterisk-java's event builder does not know, or with properties it has no
     * field for: the same check as the transcripts', so the simulation cannot drift from AMI either.
     */
    List<String> vocabularyProblems() { return List.copyOf(vocabularyProblems); }

    private void send(String packets) {
        if (packets.isEmpty()) return;
        for (Transcript.Packet packet : Transcript.parse("simulated", packets).events()) {
            ManagerEvent event = builder.build(packet.fields());
            if (event == null) vocabularyProblems.add("unknown event " + packet.fields());
            else AsteriskJavaEventBuilder.unknownProperties(event.getClass(), packet.fields())
                    .forEach(p -> vocabularyProblems.add(packet.name() + "." + p));
        }
        server.broadcast(packets);
    }

    private static String extension(int index) { return String.valueOf(5001 + index); }

    // ---- FarSide ----

    @Override public DemoAgent agent(int index) { return new DemoAgent(String.valueOf(1001 + index), "unused", extension(index)); }

    @Override public String queueDnis(int index) { return DNIS; }

    @Override public String answeringNumber(int index) { return "06120000" + String.format("%02d", index + 1); }

    @Override public String unreachableNumber() { return "0999"; }

    @Override public String busyNumber() { return "0612999998"; }

    @Override public String neverAnsweringNumber() { return "0612999997"; }

    @Override public Duration ringNoAnswer() { return RING_NO_ANSWER; }

    @Override public Duration outsideRingTime() { return OUTSIDE_RING; }

    @Override public Duration noAnswerTimeout() { return NO_ANSWER; }

    @Override public Duration wrapTime() { return Duration.ZERO; }

    @Override public boolean checksAgentPasswords() { return false; }

    @Override public boolean controlsLinks() { return true; }

    @Override public void dropLinks() { server.dropAll(); }

    @Override public void acceptLinks() { server.accept(); }

    @Override public void makeLinksHalfOpen() { server.goSilent(); }

    @Override public synchronized String placeCustomerCall(String customerNumber, String dnis, Map<String, String> callData) {
        Call call = new Call();
        String uid = uid();
        call.far = new Chan("PJSIP/trunk-" + uid.substring(uid.indexOf('.') + 1), uid, uid, customerNumber, dnis, "from-trunk");
        call.number = customerNumber;
        call.inbound = true;
        call.inQueue = true;
        call.callData = Map.copyOf(callData);
        calls.add(call);
        waiting.add(call);
        StringBuilder out = new StringBuilder();
        event(out, "Newchannel", "call", channel(call.far, "4", "Ring", null, call.callData));
        event(out, "QueueCallerJoin", "agent", channel(call.far, "6", "Up", null, call.callData)
                + "Queue: " + QUEUE + "\r\nPosition: " + waiting.size() + "\r\nCount: " + waiting.size() + "\r\n");
        route(out);
        send(out.toString());
        return uid;
    }

    @Override public synchronized void outsideAnswers(String callId, String number) {
        for (Call call : List.copyOf(calls))
            if (!call.inbound && call.agent.linked().equals(callId) && call.agentState == ConnectionState.Alerting) {
                StringBuilder out = new StringBuilder();
                farAnswers(call, out);
                send(out.toString());
            }
    }

    @Override public synchronized void outsideHangsUp(String callId, String number) {
        StringBuilder out = new StringBuilder();
        for (Call call : List.copyOf(calls)) {
            if (!call.far.linked().equals(callId)) continue;
            if (call.inQueue) {
                event(out, "QueueCallerAbandon", "agent", channel(call.far, "6", "Up", null, Map.of()) + "Queue: " + QUEUE
                        + "\r\nPosition: 1\r\nOriginalPosition: 1\r\nHoldTime: 5\r\n");
                if (call.agent != null) {
                    event(out, "DialEnd", "call", channel(call.far, "6", "Up", null, Map.of()) + dest(call.agent, "5", "Ringing")
                            + "DialStatus: CANCEL\r\n");
                    hangup(out, call.agent, 16, "Normal Clearing");
                }
                waiting.remove(call);
                event(out, "QueueCallerLeave", "agent", channel(call.far, "6", "Up", null, Map.of()) + "Queue: " + QUEUE
                        + "\r\nPosition: 1\r\nCount: " + waiting.size() + "\r\n");
            } else if (call.agent != null && call.agentState == ConnectionState.Established) {
                if (call.inbound) event(out, "AgentComplete", "agent", agentBlock(call) + "HoldTime: 2\r\nTalkTime: 10\r\nReason: caller\r\n");
            }
            hangup(out, call.far, 16, "Normal Clearing");
            if (call.agent != null && !call.inQueue) hangup(out, call.agent, 16, "Normal Clearing");
            end(call);
        }
        send(out.toString());
    }

    @Override public void advanceTime(Duration duration) {
        Duration target;
        synchronized (this) { target = now.plus(duration); }
        while (true) {
            StringBuilder out = new StringBuilder();
            synchronized (this) {
                Call due = calls.stream().filter(c -> c.due != null && c.due.compareTo(target) <= 0)
                        .min(Comparator.comparing(c -> c.due)).orElse(null);
                if (due == null) {
                    now = target;
                    return;
                }
                now = due.due;
                Runnable action = due.onDue;
                due.due = null;
                due.onDue = null;
                action.run();
                out.append(pendingOut);
                pendingOut.setLength(0);
                send(out.toString());
            }
        }
    }

    @Override public synchronized AgentTruth truth(String extension) {
        Member member = members.get(extension);
        List<CallTruth> here = new ArrayList<>();
        for (Call call : calls) {
            if (call.agent == null || !extension.equals(call.extension)) continue;
            Map<String, ConnectionState> parties = new LinkedHashMap<>();
            parties.put(extension, call.agentState);
            parties.put(call.number, call.agentState == ConnectionState.Established ? ConnectionState.Established : ConnectionState.Alerting);
            here.add(new CallTruth(call.agent.linked(), call.agentState, parties));
        }
        if (member == null || !member.inQueue) return new AgentTruth(AgentState.LoggedOut, null, null, here);
        if (!here.isEmpty())
            return new AgentTruth(AgentState.Busy, null, member.pausedDuringCall && member.paused ? AgentState.NotReady : null, here);
        return member.paused ? new AgentTruth(AgentState.NotReady, member.reason, null, here) : new AgentTruth(AgentState.Ready, null, null, here);
    }

    @Override public void close() { server.close(); }

    // ---- AMI actions ----

    private final StringBuilder pendingOut = new StringBuilder();

    @Override public synchronized String answer(Map<String, String> action, String actionId) {
        String name = action.getOrDefault("action", "");
        String iface = action.get("interface");
        String extension = iface == null ? null : iface.substring(iface.indexOf('/') + 1);
        Member member = extension == null ? null : members.get(extension);
        StringBuilder out = new StringBuilder();
        switch (name.toLowerCase()) {
            case "queueadd" -> {
                if (member == null || member.inQueue) return error(actionId, "Unable to add interface: Already there");
                member.inQueue = true;
                member.paused = "true".equalsIgnoreCase(action.get("paused"));
                member.reason = member.paused ? action.getOrDefault("reason", "") : null;
                success(out, actionId, "Added interface to queue");
                event(out, "QueueMemberAdded", "agent", memberBlock(extension, member));
            }
            case "queueremove" -> {
                if (member == null || !member.inQueue) return error(actionId, "Unable to remove interface: Not there");
                member.inQueue = false;
                success(out, actionId, "Removed interface from queue");
                event(out, "QueueMemberRemoved", "agent", memberBlock(extension, member));
            }
            case "queuepause" -> {
                if (member == null || !member.inQueue) return error(actionId, "Interface not found");
                member.paused = "true".equalsIgnoreCase(action.get("paused"));
                member.reason = member.paused ? action.getOrDefault("reason", "") : null;
                member.pausedDuringCall = member.paused && calls.stream().anyMatch(c -> extension.equals(c.extension));
                if (!member.paused) member.idleSince = idleCounter++;
                success(out, actionId, "Interface paused successfully");
                event(out, "QueueMemberPause", "agent", memberBlock(extension, member));
                route(out);
            }
            case "originate" -> {
                String exten = action.get("exten");
                if (unreachableNumber().equals(exten)) return error(actionId, "Extension does not exist.");
                success(out, actionId, "Originate successfully queued");
                originate(action, out);
            }
            case "hangup" -> {
                success(out, actionId, "Channel Hungup");
                for (Call call : List.copyOf(calls)) {
                    if (call.agent == null || !call.agent.name().equals(action.get("channel"))) continue;
                    if (call.inbound && call.agentState == ConnectionState.Established)
                        event(out, "AgentComplete", "agent", agentBlock(call) + "HoldTime: 2\r\nTalkTime: 10\r\nReason: agent\r\n");
                    hangup(out, call.agent, 16, "Normal Clearing");
                    hangup(out, call.far, 16, "Normal Clearing");
                    end(call);
                }
            }
            case "redirect" -> {
                success(out, actionId, "Redirect successful");
                for (Call call : List.copyOf(calls))
                    if (call.far.name().equals(action.get("channel"))) redirect(call, action.get("exten"), out);
            }
            default -> success(out, actionId, name + " accepted");
        }
        send(out.toString());
        return "";
    }

    // ---- the simulated PBX ----

    private void originate(Map<String, String> action, StringBuilder out) {
        String extension = action.get("channel").substring(action.get("channel").indexOf('/') + 1);
        String uid = action.get("channelid");
        Call call = new Call();
        call.extension = extension;
        call.number = action.get("exten");
        call.agent = new Chan("PJSIP/" + extension + "-" + uid.substring(uid.length() - 8), uid, uid, extension, "s", "from-internal");
        call.agentState = ConnectionState.Initiated;
        calls.add(call);
        event(out, "Newchannel", "call", channel(call.agent, "0", "Down", null, Map.of()));
        event(out, "Newstate", "call", channel(call.agent, "5", "Ringing", null, Map.of()));
        event(out, "Newstate", "call", channel(call.agent, "6", "Up", null, Map.of()));
        String trunkUid = uid();
        call.far = new Chan("PJSIP/trunk-" + trunkUid.substring(trunkUid.indexOf('.') + 1), trunkUid, uid, call.number, call.number, "from-internal");
        event(out, "Newchannel", "call", channel(call.far, "0", "Down", null, Map.of()));
        event(out, "DialBegin", "call", channel(call.agent, "6", "Up", null, Map.of()) + dest(call.far, "0", "Down")
                + "DialString: trunk/" + call.number + "\r\n");
        if (busyNumber().equals(call.number)) {
            event(out, "DialEnd", "call", channel(call.agent, "6", "Up", null, Map.of()) + dest(call.far, "0", "Down") + "DialStatus: BUSY\r\n");
            hangup(out, call.far, 17, "User busy");
            hangup(out, call.agent, 17, "User busy");
            end(call);
            return;
        }
        call.agentState = ConnectionState.Alerting;
        event(out, "DialState", "call", channel(call.agent, "6", "Up", null, Map.of()) + dest(call.far, "5", "Ringing") + "DialStatus: RINGING\r\n");
        if (neverAnsweringNumber().equals(call.number)) {
            call.due = now.plus(NO_ANSWER);
            call.onDue = () -> {
                event(pendingOut, "DialEnd", "call", channel(call.agent, "6", "Up", null, Map.of()) + dest(call.far, "5", "Ringing")
                        + "DialStatus: NOANSWER\r\n");
                hangup(pendingOut, call.far, 19, "No user responding");
                hangup(pendingOut, call.agent, 16, "Normal Clearing");
                end(call);
            };
        } else {
            call.due = now.plus(OUTSIDE_RING);
            call.onDue = () -> farAnswers(call, pendingOut);
        }
    }

    private void farAnswers(Call call, StringBuilder out) {
        call.due = null;
        call.agentState = ConnectionState.Established;
        event(out, "DialEnd", "call", channel(call.agent, "6", "Up", null, Map.of()) + dest(call.far, "6", "Up") + "DialStatus: ANSWER\r\n");
    }

    /** Offers the longest-waiting caller to the longest-idle unpaused member with no call. */
    private void route(StringBuilder out) {
        while (!waiting.isEmpty()) {
            Call call = waiting.stream().filter(c -> c.agent == null).findFirst().orElse(null);
            if (call == null) return;
            String free = members.entrySet().stream().filter(m -> m.getValue().inQueue && !m.getValue().paused)
                    .filter(m -> calls.stream().noneMatch(c -> m.getKey().equals(c.extension)))
                    .min(Comparator.comparingLong(m -> m.getValue().idleSince)).map(Map.Entry::getKey).orElse(null);
            if (free == null) return;
            offer(call, free, out);
        }
    }

    private void offer(Call call, String extension, StringBuilder out) {
        String uid = uid();
        call.extension = extension;
        call.agent = new Chan("PJSIP/" + extension + "-" + uid.substring(uid.indexOf('.') + 1), uid, call.far.linked(), extension,
                call.far.exten(), "from-internal");
        call.agentState = ConnectionState.Offering;
        event(out, "Newchannel", "call", channel(call.agent, "0", "Down", call.number, Map.of()));
        event(out, "DialBegin", "call", channel(call.far, "6", "Up", null, call.callData) + dest(call.agent, "0", "Down")
                + "DialString: PJSIP/" + extension + "\r\n");
        if (call.inQueue)
            event(out, "AgentCalled", "agent", channel(call.far, "6", "Up", null, call.callData) + dest(call.agent, "5", "Ringing")
                    + "Queue: " + QUEUE + "\r\nInterface: PJSIP/" + extension + "\r\nMemberName: " + extension + "\r\n");
        call.due = now.plus(RING_NO_ANSWER);
        call.onDue = () -> ringNoAnswer(call);
    }

    private void ringNoAnswer(Call call) {
        if (call.inQueue) event(pendingOut, "AgentRingNoAnswer", "agent", agentBlock(call) + "RingTime: 15\r\n");
        hangup(pendingOut, call.agent, 26, "Answered elsewhere");
        call.agent = null;
        call.extension = null;
        call.agentState = null;
        if (!call.inQueue) end(call);
    }

    /** The caller is sent to {@code exten} while it rings an agent: the queue lets it go, the new phone rings. */
    private void redirect(Call call, String exten, StringBuilder out) {
        if (call.agent != null) {
            event(out, "DialEnd", "call", channel(call.far, "6", "Up", null, Map.of()) + dest(call.agent, "5", "Ringing") + "DialStatus: CANCEL\r\n");
            hangup(out, call.agent, 16, "Normal Clearing");
        }
        if (call.inQueue) {
            waiting.remove(call);
            event(out, "QueueCallerLeave", "agent", channel(call.far, "6", "Up", null, Map.of()) + "Queue: " + QUEUE
                    + "\r\nPosition: 1\r\nCount: " + waiting.size() + "\r\n");
            call.inQueue = false;
        }
        call.agent = null;
        if (members.containsKey(exten)) offer(call, exten, out);
    }

    private void end(Call call) {
        calls.remove(call);
        waiting.remove(call);
        Member member = call.extension == null ? null : members.get(call.extension);
        if (member != null) {
            member.pausedDuringCall = false;
            member.idleSince = idleCounter++;
        }
    }

    // ---- AMI text ----

    private String uid() { return "1764324" + (counter++) + "." + counter; }

    private static void success(StringBuilder out, String id, String message) {
        out.append("Response: Success\r\nActionID: ").append(id).append("\r\nMessage: ").append(message).append("\r\n\r\n");
    }

    private String error(String id, String message) {
        send("Response: Error\r\nActionID: " + id + "\r\nMessage: " + message + "\r\n\r\n");
        return "";
    }

    private static void event(StringBuilder out, String name, String privilege, String body) {
        out.append("Event: ").append(name).append("\r\nPrivilege: ").append(privilege).append(",all\r\n").append(body).append("\r\n");
    }

    private static String channel(Chan c, String state, String desc, String connected, Map<String, String> callData) {
        StringBuilder b = new StringBuilder();
        b.append("Channel: ").append(c.name()).append("\r\nChannelState: ").append(state).append("\r\nChannelStateDesc: ").append(desc)
                .append("\r\nCallerIDNum: ").append(c.num()).append("\r\nCallerIDName: <unknown>\r\nConnectedLineNum: ")
                .append(connected == null ? "<unknown>" : connected).append("\r\nConnectedLineName: <unknown>\r\nLanguage: en\r\nAccountCode: \r\n")
                .append("Context: ").append(c.context()).append("\r\nExten: ").append(c.exten()).append("\r\nPriority: 1\r\nUniqueid: ")
                .append(c.uid()).append("\r\nLinkedid: ").append(c.linked()).append("\r\n");
        callData.forEach((k, v) -> b.append("ChanVariable: OPENCTI_").append(k).append('=').append(v).append("\r\n"));
        return b.toString();
    }

    private static String dest(Chan c, String state, String desc) {
        StringBuilder b = new StringBuilder();
        for (String line : channel(c, state, desc, null, Map.of()).split("\r\n")) b.append("Dest").append(line).append("\r\n");
        return b.toString();
    }

    private static String agentBlock(Call call) {
        return channel(call.far, "6", "Up", null, Map.of()) + dest(call.agent, "6", "Up") + "Queue: " + QUEUE
                + "\r\nInterface: PJSIP/" + call.extension + "\r\nMemberName: " + call.extension + "\r\n";
    }

    private static void hangup(StringBuilder out, Chan c, int cause, String text) {
        event(out, "Hangup", "call", channel(c, "6", "Up", null, Map.of()) + "Cause: " + cause + "\r\nCause-txt: " + text + "\r\n");
    }

    private static String memberBlock(String extension, Member m) {
        return "Queue: " + QUEUE + "\r\nMemberName: " + extension + "\r\nInterface: PJSIP/" + extension + "\r\nStateInterface: PJSIP/"
                + extension + "\r\nMembership: dynamic\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 0\r\nLoginTime: 1764324000\r\n"
                + "InCall: 0\r\nStatus: 1\r\nPaused: " + (m.paused ? 1 : 0) + "\r\nPausedReason: " + (m.reason == null ? "" : m.reason)
                + "\r\nRinginuse: 0\r\nWrapuptime: 0\r\n";
    }
}
