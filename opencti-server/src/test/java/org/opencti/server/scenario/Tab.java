package org.opencti.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser tab on {@code WS /cti/v1}: keeps every frame in arrival order, answers the gateway's pings (unless told
 * to play dead), and waits for frames with a deadline, listing what it did see when they do not come.
 */
final class Tab implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String name;
    private final List<JsonNode> frames = new ArrayList<>();
    private final CompletableFuture<Integer> closedByServer = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile boolean answerPings = true;
    private volatile boolean reading = true;
    private volatile boolean aborted;
    private int nextId = 1;

    private Tab(String name, int port) {
        this.name = name;
        this.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/cti/v1"), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received(CtiJson.readTree(partial.toString(), ErrorCode.OPENCTI_BAD_REQUEST));
                    partial.setLength(0);
                }
                if (reading) ws.request(1);
                return null;
            }

            @Override public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closedByServer.complete(statusCode);
                return null;
            }

            @Override public void onError(WebSocket ws, Throwable error) { closedByServer.complete(-1); }
        }).join();
    }

    static Tab open(String name, int port) { return new Tab(name, port); }

    private void received(JsonNode frame) {
        if (!reading) return; // one frame may still come on demand already given: a half-open tab never sees it
        if (frame.path("op").asText().equals("ping") && answerPings) socket.sendText("{\"op\":\"pong\"}", true);
        synchronized (frames) {
            frames.add(frame);
            frames.notifyAll();
        }
    }

    // ---- sending ----

    /** Sends a request with a fresh id; returns the id. */
    synchronized String request(String requestJson) {
        String id = name + "-r" + nextId++;
        send("{\"op\":\"request\",\"id\":\"" + id + "\",\"request\":" + requestJson + "}");
        return id;
    }

    void send(String frame) { socket.sendText(frame, true).join(); }

    /** Sends a request and waits for its result, which must be ok; returns the result's value. */
    JsonNode ok(String requestJson) {
        JsonNode result = result(request(requestJson));
        assertThat(result.path("ok").asBoolean()).as("%s: %s -> %s", name, requestJson, result).isTrue();
        return result.path("value");
    }

    /** Sends a request that must be refused with {@code code}; returns the error. */
    JsonNode refused(String requestJson, String code) {
        JsonNode result = result(request(requestJson));
        assertThat(result.at("/error/code").asText()).as("%s: %s -> %s", name, requestJson, result).isEqualTo(code);
        return result.get("error");
    }

    void resume(String token, Long lastSeq) {
        send("{\"op\":\"resume\",\"token\":\"" + token + "\"" + (lastSeq == null ? "" : ",\"lastSeq\":" + lastSeq) + "}");
    }

    /** Whether this tab answers pings and reads (neither aborted nor playing dead). */
    boolean playsAlive() { return answerPings && reading && !closedByServer.isDone() && !aborted; }

    /**
     * A ping of the tab's own, answered: the gateway handles one socket's frames in order, so once the pong is back
     * every frame this tab sent before (pongs included) has been read.
     */
    void roundTrip() {
        long before = count("pong");
        send("{\"op\":\"ping\"}");
        await("the gateway's pong", f -> count("pong") > before);
    }

    /** The tab stops answering pings but still reads (a frozen page). */
    void stopAnsweringPings() { answerPings = false; }

    /** The tab reads and answers nothing more, and its socket stays open (a half-open connection). */
    void goHalfOpen() {
        answerPings = false;
        reading = false;
    }

    /** The network drops the connection: no close handshake. */
    void abort() {
        aborted = true;
        socket.abort();
    }

    @Override public void close() { abort(); }

    // ---- reading ----

    JsonNode result(String id) {
        return await("result " + id, f -> f.path("op").asText().equals("result") && f.path("id").asText().equals(id));
    }

    /** How many events this tab has received: a mark for {@link #eventsSince}. */
    int mark() { return events().size(); }

    List<JsonNode> events() {
        synchronized (frames) {
            return frames.stream().filter(f -> f.path("op").asText().equals("event")).map(f -> f.get("event")).toList();
        }
    }

    List<JsonNode> eventsSince(int mark) {
        List<JsonNode> all = events();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** The first event at or after {@code mark} that matches, waiting for it if need be. */
    JsonNode awaitEvent(int mark, String what, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (frames) {
            while (true) {
                List<JsonNode> events = eventsSince(mark);
                for (JsonNode event : events) if (wanted.test(event)) return event;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError(name + ": no event " + what + " within " + WAIT + " after mark "
                        + mark + "; events since: " + Scenarios.describe(events));
                waitOn(left);
            }
        }
    }

    JsonNode awaitEvent(int mark, String type, String eventName) {
        return awaitEvent(mark, type + " " + eventName, e -> e.path("type").asText().equals(type) && e.path("name").asText().equals(eventName));
    }

    /** Waits until at least {@code count} events arrived since {@code mark}; returns them. */
    List<JsonNode> awaitEvents(int mark, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (frames) {
            while (eventsSince(mark).size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError(name + ": expected " + count + " events after mark " + mark
                        + " within " + WAIT + "; got " + Scenarios.describe(eventsSince(mark)));
                waitOn(left);
            }
            return eventsSince(mark);
        }
    }

    JsonNode await(String what, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (frames) {
            while (true) {
                for (JsonNode frame : frames) if (wanted.test(frame)) return frame;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError(name + ": no " + what + " within " + WAIT + "; frames: " + frames);
                waitOn(left);
            }
        }
    }

    /** How many frames with this {@code op} arrived (e.g. {@code ping}). */
    long count(String op) {
        synchronized (frames) {
            return frames.stream().filter(f -> f.path("op").asText().equals(op)).count();
        }
    }

    /** The highest seq received, 0 before any event. */
    long lastSeq() {
        return events().stream().mapToLong(e -> e.path("seq").asLong()).max().orElse(0);
    }

    /** Every seq received, in arrival order. */
    List<Long> seqs() { return events().stream().map(e -> e.path("seq").asLong()).toList(); }

    /** Completes with the close code when the server closes this socket. */
    CompletableFuture<Integer> closedByServer() { return closedByServer; }

    private void waitOn(long nanos) {
        try {
            frames.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted while waiting", e);
        }
    }
}
