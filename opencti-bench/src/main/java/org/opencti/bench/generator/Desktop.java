package org.opencti.bench.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One agent desktop on {@code WS /cti/v1}, worked by a script: log in, go Ready, answer what rings, talk for the talk
 * time, hang up, wrap up, go Ready again (from after-call work, or after a ring-no-answer), and so on. Frames arrive
 * one at a time per socket (the listener asks for the next only when done), so the state here needs no lock but the
 * one {@link #send} takes to queue writes: the JDK's WebSocket allows one outstanding send.
 */
final class Desktop {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String agentId;
    private final String password;
    private final Measurements measurements;
    private final ScheduledExecutorService timers;
    private final Duration talk;
    private final CompletableFuture<Void> loggedIn = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending;
    private volatile WebSocket socket;
    private int nextRequest = 1;
    private long lastSeq;
    private volatile String agentState = "LoggedOut";
    private String call;
    private long offeredAtMicros;
    private boolean popPending;
    private final Map<String, Long> awaiting = new HashMap<>(); // confirming event -> nanoTime the request left
    volatile boolean working;
    volatile boolean onCall;
    volatile long lastFrameNanos;
    private volatile String lastFrame = "none";

    Desktop(String agentId, String password, Measurements measurements, ScheduledExecutorService timers, Duration talk) {
        this.agentId = agentId;
        this.password = password;
        this.measurements = measurements;
        this.timers = timers;
        this.talk = talk;
    }

    String agentId() { return agentId; }

    String agentState() { return agentState; }

    /** For a login that failed: how far it got. */
    String progress() {
        return agentId + ": socket " + (socket == null ? "not open" : "open") + ", last frame "
                + (lastFrameNanos == 0 ? "never" : (System.nanoTime() - lastFrameNanos) / 1_000_000 + " ms ago: " + lastFrame) + ", state " + agentState;
    }

    boolean loggedIn() { return loggedIn.isDone() && !loggedIn.isCompletedExceptionally(); }

    /** Connects and logs in; completes when the login result arrived (with the snapshot before it). */
    CompletableFuture<Void> connect(HttpClient client, URI uri) {
        return client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(uri, new Listener())
                .thenCompose(ws -> {
                    request("{\"type\":\"login\",\"agentId\":\"" + agentId + "\",\"password\":\"" + password + "\"}");
                    return loggedIn;
                });
    }

    /** Starts working: Ready now, and again after every call while {@link #working}. */
    void startWorking() {
        working = true;
        ready();
    }

    void close() {
        if (socket != null) socket.abort();
    }

    private void ready() {
        expect("Ready");
        request("{\"type\":\"agentReady\"}");
    }

    private synchronized void send(String text) {
        sending = sending.thenCompose(ws -> ws.sendText(text, true)).exceptionally(failure -> {
            measurements.error("SEND_FAILED");
            return socket;
        });
    }

    private synchronized void request(String body) {
        send("{\"op\":\"request\",\"id\":\"r-" + nextRequest++ + "\",\"request\":" + body + "}");
    }

    private void received(String text) {
        long receivedMicros = measurements.nowEpochMicros();
        lastFrameNanos = System.nanoTime();
        lastFrame = text.length() > 160 ? text.substring(0, 160) + "..." : text;
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            measurements.error("BAD_FRAME");
            return;
        }
        switch (frame.path("op").asText()) {
            case "event" -> event(frame.get("event"), receivedMicros);
            case "result" -> result(frame);
            case "ping" -> send("{\"op\":\"pong\"}");
            case "error" -> measurements.error(frame.at("/error/code").asText("ERROR"));
            default -> { }
        }
    }

    private void result(JsonNode frame) {
        if (!frame.path("ok").asBoolean()) {
            measurements.error(frame.at("/error/code").asText("ERROR"));
            if (!loggedIn.isDone()) loggedIn.completeExceptionally(new IllegalStateException(agentId + ": " + frame.at("/error/message").asText()));
            return;
        }
        if (!loggedIn.isDone()) loggedIn.complete(null);
    }

    private void event(JsonNode event, long receivedMicros) {
        measurements.eventsTotal.increment();
        if (measurements.measuring) measurements.eventsInWindow.increment();
        long seq = event.path("seq").asLong();
        if (seq > lastSeq + 1) measurements.seqGaps.add(seq - lastSeq - 1);
        lastSeq = Math.max(lastSeq, seq);
        Instant at = Instant.parse(event.path("at").asText());
        long atMicros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        measurements.eventLatency(receivedMicros - atMicros);
        String name = event.path("name").asText();
        switch (event.path("type").asText()) {
            case "AgentStateEvent" -> agentState(name, event);
            case "CallStateEvent" -> callState(name, event, atMicros, receivedMicros);
            case "CallInfoEvent" -> {
                if (popPending && event.path("callId").asText().equals(call) && event.has("customer")) popped(receivedMicros);
            }
            case "SnapshotEvent" -> agentState = event.at("/agent/state").asText(agentState);
            default -> { }
        }
    }

    private void agentState(String name, JsonNode event) {
        agentState = name;
        if (name.equals("Ready")) confirmed("Ready");
        if (!working || onCall) return;
        // After-call work, or NotReady after a ring-no-answer: back to Ready, as an agent keeping up would.
        if (name.equals("AfterCallWork") || (name.equals("NotReady") && "RONA".equals(event.path("reasonCode").asText())))
            ready();
    }

    private void callState(String name, JsonNode event, long atMicros, long receivedMicros) {
        String callId = event.path("callId").asText();
        switch (name) {
            case "Offering" -> {
                call = callId;
                onCall = true;
                offeredAtMicros = atMicros;
                popPending = true;
                if (event.has("customer")) popped(receivedMicros);
                expect("Established:" + callId);
                request("{\"type\":\"answerCall\",\"callId\":\"" + callId + "\"}");
            }
            case "Established" -> {
                confirmed("Established:" + callId);
                measurements.callsAnswered.increment();
                if (measurements.measuring) measurements.callsAnsweredInWindow.increment();
                timers.schedule(() -> hangUp(callId), talk.toNanos(), TimeUnit.NANOSECONDS);
            }
            case "Disconnected" -> {
                confirmed("Disconnected:" + callId);
                if (popPending && callId.equals(call)) measurements.popsWithoutCustomer.increment();
                popPending = false;
                call = null;
                onCall = false;
                request("{\"type\":\"wrapUp\",\"callId\":\"" + callId + "\",\"wrapUpCode\":\"Resolved\"}");
                if (working && agentState.equals("AfterCallWork")) ready();
            }
            default -> { }
        }
    }

    private void hangUp(String callId) {
        expect("Disconnected:" + callId);
        request("{\"type\":\"hangUpCall\",\"callId\":\"" + callId + "\"}");
    }

    /** The round trip of the request about to leave ends when this confirming event arrives. */
    private void expect(String key) {
        synchronized (awaiting) {
            awaiting.put(key, System.nanoTime());
        }
    }

    private void confirmed(String key) {
        Long sent;
        synchronized (awaiting) {
            sent = awaiting.remove(key);
        }
        if (sent != null) measurements.roundTrip((System.nanoTime() - sent) / 1_000);
    }

    private void popped(long receivedMicros) {
        popPending = false;
        measurements.screenPop(receivedMicros - offeredAtMicros);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        /** The socket is usable from here: a server ping may arrive before buildAsync's future completes. */
        @Override public void onOpen(WebSocket ws) {
            synchronized (Desktop.this) {
                socket = ws;
                sending = CompletableFuture.completedFuture(ws);
            }
            ws.request(1);
        }

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    received(text);
                } catch (RuntimeException e) {
                    // Counted and shown, and the socket keeps reading: a listener that throws is never called again.
                    measurements.error("GENERATOR_" + e.getClass().getSimpleName());
                }
            }
            ws.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            measurements.error("CLOSED_" + statusCode);
            return null;
        }

        @Override public void onError(WebSocket ws, Throwable error) { measurements.error("SOCKET_ERROR"); }
    }
}
