package org.opencti.lab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;

/** The link fault switch ({@link LinkFaults}) on real TCP and WebSocket clients: drop, refuse, half-open. */
class LinkFaultsTest {

    private ContactCentreLab lab;
    private CstaTestClient tcp;

    @BeforeEach
    void start() {
        lab = ContactCentreLab.create(LabConfig.demo(), LabClock.virtual(LabOptions.VIRTUAL_EPOCH),
                LabOptions.defaults().withCstaPort(0).withWebSocketPort(0).withTraffic(false).withSimulatedAgents(0));
        lab.start();
        tcp = CstaTestClient.connect(lab.cstaPort());
        tcp.ok(Csta.startSession(180));
    }

    @AfterEach
    void stop() {
        tcp.close();
        lab.close();
    }

    @Test
    void dropAll_ends_every_tcp_and_websocket_link_at_once_while_calls_carry_on() {
        WebSocketClient ws = WebSocketClient.open(lab.webSocketPort());
        awaitUntil(() -> lab.links().open() == 2, "both links open");
        String callId = lab.placeCall(ScriptedCall.from("0612345007", "8001"));

        lab.links().dropAll();

        assertThat(tcp.awaitClosed()).as("the TCP client saw its socket end").isTrue();
        assertThat(ws.closed).succeedsWithin(Duration.ofSeconds(5));
        awaitUntil(() -> lab.links().open() == 0, "no link left");
        assertThat(tcp.seen()).as("no SystemStatus first").noneMatch(m -> m.contains("SystemStatus"));
        assertThat(lab.call(callId)).as("the customer still waits in the queue").isPresent();
    }

    @Test
    void refuseNew_refuses_tcp_connects_and_websocket_upgrades_until_switched_back_and_open_links_carry_on() {
        lab.links().refuseNew(true);

        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), lab.cstaPort()).close())
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> WebSocketClient.open(lab.webSocketPort()))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(tcp.ok(Csta.snapshotDevice("5001")).name()).isEqualTo("SnapshotDeviceResponse");
        assertThat(lab.links().refusingNew()).isTrue();

        lab.links().refuseNew(false);

        try (CstaTestClient again = CstaTestClient.connect(lab.cstaPort())) {
            assertThat(again.ok(Csta.startSession(180)).name()).isEqualTo("StartApplicationSessionPosResponse");
        }
        WebSocketClient ws = WebSocketClient.open(lab.webSocketPort());
        ws.socket.abort();
        assertThat(lab.links().refusingNew()).isFalse();
    }

    @Test
    void a_half_open_link_stays_open_but_nothing_passes_either_way_until_the_client_closes_it() {
        String monitor = tcp.monitor("5001");
        tcp.ok(Csta.logOn("5001", "1001", "64656D6F"));
        tcp.await(monitor, "AgentNotReadyEvent");
        int before = tcp.seen().size();

        assertThat(lab.links().halfOpenAll()).isEqualTo(1);
        tcp.sendRaw(Frame.of("0042", Csta.agentState("5001", "ready", null)).encode());
        awaitUntil(() -> lab.links().silencedMessages() >= 1, "the request swallowed");
        lab.sendSystemStatus("normal");
        awaitUntil(() -> lab.links().silencedMessages() >= 2, "the lab's SystemStatus swallowed");

        assertThat(tcp.seen()).as("nothing reached the client").hasSize(before);
        assertThat(tcp.isClosed()).isFalse();
        assertThat(lab.links().open()).isEqualTo(1);
        assertThat(lab.agent("1001").state()).as("the request was never handled")
                .isEqualTo(org.opencti.lab.acd.AgentState.NOT_READY);
        try (CstaTestClient fresh = CstaTestClient.connect(lab.cstaPort())) {
            assertThat(fresh.ok(Csta.startSession(180)).name()).as("new links are normal").isEqualTo("StartApplicationSessionPosResponse");
        }

        tcp.close();
        awaitUntil(() -> lab.links().open() == 0, "the lab closed its end too");
    }

    @Test
    void a_half_open_websocket_link_swallows_requests_and_events() {
        WebSocketClient ws = WebSocketClient.open(lab.webSocketPort());
        awaitUntil(() -> lab.links().open() == 2, "both links open");

        assertThat(lab.links().halfOpenAll()).isEqualTo(2);
        ws.socket.sendText(Csta.snapshotDevice("5001").replace("<SnapshotDevice ", "<SnapshotDevice invokeID=\"7\" "), true).join();
        awaitUntil(() -> lab.links().silencedMessages() >= 1, "the WebSocket request swallowed");

        assertThat(ws.texts).isZero();
        assertThat(ws.closed).isNotDone();
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + CstaTestClient.TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("Not so within " + CstaTestClient.TIMEOUT + ": " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** A bare WebSocket client of {@code /csta}: counts text frames and completes {@code closed} when the lab closes. */
    private static final class WebSocketClient {
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        volatile int texts;
        WebSocket socket;

        static WebSocketClient open(int port) {
            WebSocketClient client = new WebSocketClient();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/csta"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            if (last)
                                client.texts++;
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            client.closed.complete(statusCode);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket webSocket, Throwable error) {
                            client.closed.complete(-1);
                        }
                    }).join();
            return client;
        }
    }
}
