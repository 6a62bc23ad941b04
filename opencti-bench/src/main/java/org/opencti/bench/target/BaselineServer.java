package org.opencti.bench.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.opencti.lab.callers.ScriptedCall;

/**
 * The bare limit OpenCTI is measured against: a WebSocket fan-out on the same library (Jetty through Javalin) that
 * speaks just enough of {@code /cti/v1} for the bench's desktops and relays the same messages, with no OpenCTI logic.
 * Each request is answered at once with its result and the event that confirms it, built from the schema's golden
 * examples (a Jackson tree per frame, as the gateway builds them); a placed call becomes an {@code Offering} (with
 * its customer) for the longest-idle Ready desk. No validation, state tables, connector, lab, screen-pop lookup,
 * store, replay buffer or session tokens.
 */
public final class BaselineServer implements Target {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectNode snapshot = example("SnapshotEvent.after-login");
    private final ObjectNode ready = example("AgentStateEvent.ready");
    private final ObjectNode offering = example("CallStateEvent.offering");
    private final ObjectNode established = example("CallStateEvent.established");
    private final ObjectNode disconnected = example("CallStateEvent.disconnected");
    private final Map<WsContext, Desk> desks = new ConcurrentHashMap<>();
    private final Deque<Desk> idle = new ArrayDeque<>();
    private final Deque<ScriptedCall> waiting = new ArrayDeque<>();
    private final AtomicLong callIds = new AtomicLong();
    private final LongAdder delivered = new LongAdder();
    private final BenchCallers callers;
    private final Javalin http;

    private BaselineServer(int agents) {
        callers = new BenchCallers(BenchContactCentre.config(agents), 1L, this::placed);
        http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.ws("/cti/v1", ws -> {
                ws.onConnect(ctx -> {
                    ctx.session.setIdleTimeout(java.time.Duration.ZERO);
                    desks.put(ctx, new Desk(ctx));
                });
                ws.onMessage(ctx -> received(desks.get(ctx), ctx.message()));
                ws.onClose(ctx -> {
                    Desk desk = desks.remove(ctx);
                    if (desk != null) synchronized (idle) { idle.remove(desk); }
                });
            });
        }).start(0);
    }

    /** Same contact centre size as the OpenCTI run, so the callers draw the same customers. */
    public static BaselineServer start(int agents) { return new BaselineServer(agents); }

    @Override public int port() { return http.port(); }

    @Override public String name() { return "baseline"; }

    @Override public void startCalls(double callsPerSecond) { callers.start(callsPerSecond); }

    @Override public void stopCalls() { callers.stop(); }

    @Override public long callsPlaced() { return callers.placed(); }

    @Override public long eventsDelivered() { return delivered.sum(); }

    @Override public int openSockets() { return desks.size(); }

    @Override public void close() {
        callers.close();
        http.stop();
    }

    private void received(Desk desk, String text) throws IOException {
        JsonNode frame = JSON.readTree(text);
        switch (frame.path("op").asText()) {
            case "ping" -> desk.ctx.send("{\"op\":\"pong\"}");
            case "request" -> request(desk, frame.path("id").asText(), frame.path("request"));
            default -> { }
        }
    }

    private void request(Desk desk, String id, JsonNode request) {
        ObjectNode result = JSON.createObjectNode().put("op", "result").put("id", id).put("ok", true);
        ObjectNode value = result.putObject("value");
        switch (request.path("type").asText()) {
            case "login" -> {
                desk.agentId = request.path("agentId").asText();
                desk.device = request.path("extension").asText(desk.agentId);
                desk.send(snapshot.deepCopy());
                value.put("token", "baseline").put("expiresAt", AT.format(Instant.now().plusSeconds(43_200)));
                desk.ctx.send(result.toString());
            }
            case "agentReady" -> {
                desk.ctx.send(result.toString());
                desk.send(ready.deepCopy());
                becameIdle(desk);
            }
            case "answerCall" -> {
                desk.ctx.send(result.toString());
                desk.send(established.deepCopy().put("callId", request.path("callId").asText()));
            }
            case "hangUpCall" -> {
                desk.ctx.send(result.toString());
                desk.send(disconnected.deepCopy().put("callId", request.path("callId").asText()));
                desk.send(ready.deepCopy().put("name", "AfterCallWork").put("previous", "Busy"));
            }
            default -> desk.ctx.send(result.toString());
        }
    }

    private void placed(ScriptedCall call) {
        Desk desk;
        synchronized (idle) {
            desk = idle.pollFirst();
            if (desk == null) {
                waiting.addLast(call);
                return;
            }
        }
        offer(desk, call);
    }

    private void becameIdle(Desk desk) {
        ScriptedCall call;
        synchronized (idle) {
            call = waiting.pollFirst();
            if (call == null) {
                idle.addLast(desk);
                return;
            }
        }
        offer(desk, call);
    }

    private void offer(Desk desk, ScriptedCall call) {
        String callId = "b-" + callIds.incrementAndGet();
        desk.send(offering.deepCopy().put("callId", callId).put("conversationId", callId).put("ani", call.from())
                .put("otherDn", call.from()).put("dnis", call.dialled()));
    }

    private static ObjectNode example(String name) {
        try (InputStream in = BaselineServer.class.getResourceAsStream("/schema/v1/examples/valid/" + name + ".json")) {
            if (in == null) throw new IllegalStateException("The model jar has no example " + name + ".json");
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One desktop socket; events are numbered and sent under its lock, as a gateway session does. */
    private final class Desk {
        final WsContext ctx;
        String agentId = "?";
        String device = "?";
        long seq;

        Desk(WsContext ctx) { this.ctx = ctx; }

        synchronized void send(ObjectNode event) {
            event.put("seq", ++seq).put("at", AT.format(Instant.now())).put("agentId", agentId).put("device", device);
            ObjectNode frame = JSON.createObjectNode().put("op", "event");
            frame.set("event", event);
            if (ctx.session.isOpen()) ctx.send(frame.toString());
            delivered.increment();
        }
    }
}
