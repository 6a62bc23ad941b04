package org.opencti.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;

/** A desktop socket that sends any text and hands back every frame in order, for fuzzing the gateway. */
final class RawDesktop implements AutoCloseable {
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final WebSocket socket;
    private volatile String closeReason;

    RawDesktop(int port) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/cti/v1"),
                new WebSocket.Listener() {
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

                    @Override public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        closeReason = status + " " + reason;
                        closed.countDown();
                        return null;
                    }

                    @Override public void onError(WebSocket ws, Throwable error) {
                        closeReason = String.valueOf(error);
                        closed.countDown();
                    }
                }).join();
    }

    void send(String text) { socket.sendText(text, true).join(); }

    boolean isClosed() { return closed.getCount() == 0; }

    String closeReason() { return closeReason; }

    /** Every frame up to and including the first that matches; fails after 5 s, naming what it got. */
    List<JsonNode> until(Predicate<JsonNode> last) {
        List<JsonNode> frames = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = inbox.poll(10, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    if (isClosed()) break;
                    continue;
                }
                frames.add(frame);
                if (last.test(frame)) return frames;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("expected frame did not arrive within 5 s" + (isClosed() ? " (socket closed: " + closeReason + ")" : "")
                + "; got " + frames);
    }

    static boolean isOp(JsonNode frame, String op) { return frame.path("op").asText().equals(op); }

    @Override public void close() { socket.abort(); }
}
