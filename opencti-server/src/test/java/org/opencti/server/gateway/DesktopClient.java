package org.opencti.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;

/** A desktop tab over a real WebSocket: sends frames and waits for the frames it expects, listing what it saw on failure. */
public final class DesktopClient implements AutoCloseable {
    /** Generous: the build machine is shared, and a frame that does arrive returns at once. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final WebSocket socket;
    private int nextId = 1;

    public DesktopClient(int port) { this(port, null); }

    public DesktopClient(int port, String origin) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) builder.header("Origin", origin);
        socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/cti/v1"), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    inbox.add(CtiJson.readTree(partial.toString(), ErrorCode.OPENCTI_BAD_REQUEST));
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).join();
    }

    public void send(String frame) { socket.sendText(frame, true).join(); }

    /** Sends a request with a fresh id and returns the id. */
    public String request(String requestJson) {
        String id = "r-" + nextId++;
        send("{\"op\":\"request\",\"id\":\"" + id + "\",\"request\":" + requestJson + "}");
        return id;
    }

    public JsonNode result(String id) { return await(f -> f.path("op").asText().equals("result") && f.path("id").asText().equals(id)); }

    public JsonNode event(String type, String name) {
        return await(f -> f.path("op").asText().equals("event") && f.at("/event/type").asText().equals(type)
                && (name == null || f.at("/event/name").asText().equals(name))).get("event");
    }

    public JsonNode await(Predicate<JsonNode> wanted) {
        for (JsonNode frame : seen) if (wanted.test(frame)) { seen.remove(frame); return frame; }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame == null) break;
                if (wanted.test(frame)) return frame;
                seen.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("The expected frame did not arrive within " + PATIENCE.toSeconds() + " s; frames seen: " + seen);
    }

    /** Every event frame received so far and within a short settle of the given marker request. */
    public List<JsonNode> eventsUntilResult(String id) {
        List<JsonNode> events = new ArrayList<>();
        await(f -> {
            if (f.path("op").asText().equals("event")) events.add(f.get("event"));
            return f.path("op").asText().equals("result") && f.path("id").asText().equals(id);
        });
        return events;
    }

    public void dropConnection() { socket.abort(); }

    @Override public void close() { socket.abort(); }
}
