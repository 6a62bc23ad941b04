package org.opencti.server.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;

/**
 * One agent's desktop over a real WebSocket that works its calls like a diligent agent: answers every offered call,
 * wraps each one up when it ends, and goes Ready again after after-call work. It keeps the view its events give it
 * (agent state and calls), checks that every event's seq follows the previous one, and counts the calls it handled.
 * Frames are processed in order on one thread of its own; {@link #idle()} says when nothing is pending.
 */
final class SoakDesktop implements AutoCloseable {
    private final String agentId;
    private final String wrapUpCode;
    private final WebSocket socket;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final AtomicInteger unprocessed = new AtomicInteger();
    private final Set<String> pending = new HashSet<>();
    private final Thread worker;
    private int nextId = 1;
    private volatile boolean loggingOut;

    // The view, guarded by this.
    private String agentState = "LoggedOut";
    private final Map<String, String> calls = new LinkedHashMap<>();
    private long lastSeq;
    private final Set<String> handled = new LinkedHashSet<>();
    private final Set<String> wrapped = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private String token;
    private JsonNode lastSnapshot;
    private int snapshots;

    SoakDesktop(int port, String agentId, String password, String wrapUpCode) {
        this.agentId = agentId;
        this.wrapUpCode = wrapUpCode;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/cti/v1"),
                new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            unprocessed.incrementAndGet();
                            inbox.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        if (!loggingOut) problem("socket closed by the server: " + status + " " + reason);
                        return null;
                    }
                }).join();
        worker = Thread.ofVirtual().name("soak-desktop-" + agentId).start(this::work);
        request("{\"type\":\"login\",\"agentId\":\"" + agentId + "\",\"password\":\"" + password + "\"}");
    }

    String agentId() { return agentId; }

    synchronized String agentState() { return agentState; }

    synchronized Map<String, String> calls() { return Map.copyOf(calls); }

    synchronized Set<String> handled() { return Set.copyOf(handled); }

    synchronized Set<String> wrapped() { return Set.copyOf(wrapped); }

    synchronized List<String> problems() { return List.copyOf(problems); }

    /** No frame waiting to be processed and no request waiting for its result. */
    synchronized boolean idle() { return unprocessed.get() == 0 && pending.isEmpty(); }

    synchronized void request(String requestJson) {
        String id = "r-" + nextId++;
        pending.add(id);
        socket.sendText("{\"op\":\"request\",\"id\":\"" + id + "\",\"request\":" + requestJson + "}", true).join();
    }

    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String text = inbox.take();
                try {
                    handle(CtiJson.readTree(text, ErrorCode.OPENCTI_BAD_REQUEST));
                } catch (RuntimeException e) {
                    problem("cannot handle " + text + ": " + e);
                } finally {
                    unprocessed.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void handle(JsonNode frame) {
        switch (frame.path("op").asText()) {
            case "ping" -> socket.sendText("{\"op\":\"pong\"}", true).join();
            case "result" -> {
                pending.remove(frame.path("id").asText());
                if (!frame.path("ok").asBoolean()) problem("request " + frame.path("id").asText() + " failed: " + frame.get("error"));
                else if (frame.at("/value/token").isTextual()) { // logged in: NotReady with reason login
                    token = frame.at("/value/token").asText();
                    request("{\"type\":\"agentReady\"}");
                }
            }
            case "event" -> event(frame.get("event"));
            default -> problem("unexpected frame " + frame);
        }
    }

    private void event(JsonNode event) {
        long seq = event.path("seq").asLong();
        if (seq != lastSeq + 1) problem("seq " + seq + " after " + lastSeq + " in " + event);
        lastSeq = seq;
        String name = event.path("name").asText();
        switch (event.path("type").asText()) {
            case "SnapshotEvent" -> {
                lastSnapshot = event;
                snapshots++;
                agentState = event.at("/agent/state").asText();
                calls.clear();
                event.path("calls").forEach(c -> calls.put(c.path("callId").asText(), c.path("state").asText()));
            }
            case "AgentStateEvent" -> {
                agentState = name;
                if (name.equals("AfterCallWork")) request("{\"type\":\"agentReady\"}");
            }
            case "CallStateEvent" -> call(event, name);
            case "ErrorEvent", "LinkStateEvent" -> problem("unexpected " + event);
            default -> { /* PartyInfoEvent, CallInfoEvent (a late screen pop): nothing to do */ }
        }
    }

    private void call(JsonNode event, String state) {
        String callId = event.path("callId").asText();
        if (event.hasNonNull("replacesCallId")) calls.remove(event.get("replacesCallId").asText());
        switch (state) {
            case "Offering" -> {
                calls.put(callId, state);
                handled.add(callId);
                request("{\"type\":\"answerCall\",\"callId\":\"" + callId + "\"}");
            }
            case "Disconnected" -> {
                calls.remove(callId);
                wrapped.add(callId);
                request("{\"type\":\"wrapUp\",\"callId\":\"" + callId + "\",\"wrapUpCode\":\"" + wrapUpCode + "\",\"notes\":\"soak\"}");
            }
            default -> calls.put(callId, state);
        }
    }

    private synchronized void problem(String what) {
        if (problems.size() < 50) problems.add(agentId + ": " + what);
    }

    synchronized int snapshots() { return snapshots; }

    /** The last SnapshotEvent this desktop got. */
    synchronized JsonNode lastSnapshot() { return lastSnapshot; }

    /** Asks for the session's whole state again, as a second tab does (a resume without lastSeq). */
    synchronized void resync() {
        socket.sendText("{\"op\":\"resume\",\"token\":\"" + token + "\"}", true).join();
    }

    /** Logs out; the server then ends the session. */
    void logout() {
        loggingOut = true;
        request("{\"type\":\"logout\"}");
    }

    @Override public void close() {
        worker.interrupt();
        socket.abort();
    }
}
