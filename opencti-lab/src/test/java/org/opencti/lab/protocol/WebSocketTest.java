package org.opencti.lab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.support.Csta;

class WebSocketTest {

    private ContactCentreLab lab;
    private WebSocket socket;
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void connect() {
        lab = ContactCentreLab.create(LabConfig.demo(), LabClock.virtual(LabOptions.VIRTUAL_EPOCH),
                LabOptions.defaults().withCstaPort(0).withWebSocketPort(0));
        lab.start();
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + lab.webSocketPort() + "/csta"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }

    @AfterEach
    void close() {
        socket.abort();
        lab.close();
    }

    private XmlElement request(String invokeId, String xml) {
        String withId = WebSocketLink.withInvokeId(xml, invokeId);
        socket.sendText(withId, true).join();
        return next(m -> invokeId.equals(m.attributes().get("invokeID")) && !m.name().endsWith("Event"));
    }

    private XmlElement next(java.util.function.Predicate<XmlElement> wanted) {
        try {
            while (true) {
                String text = received.poll(5, TimeUnit.SECONDS);
                if (text == null)
                    fail("Nothing wanted within 5 s; seen: %s", seen);
                seen.add(text);
                XmlElement message = XmlReader.parse(text.getBytes(StandardCharsets.UTF_8));
                if (wanted.test(message))
                    return message;
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_session_a_call_and_an_error_over_websocket_text_frames() {
        XmlElement started = request("0001", Csta.startSession(60));
        assertThat(started.name()).isEqualTo("StartApplicationSessionPosResponse");
        String monitor = request("0002", Csta.monitorStart("5002")).text("monitorCrossRefID").orElseThrow();

        XmlElement made = request("0003", Csta.makeCall("5001", "5002"));
        XmlElement delivered = next(m -> m.name().equals("DeliveredEvent"));
        XmlElement refused = request("0004", Csta.hold("999", "5001"));

        assertThat(made.name()).isEqualTo("MakeCallResponse");
        assertThat(delivered.attributes().get("invokeID")).isEqualTo("9999");
        assertThat(delivered.text("monitorCrossRefID")).contains(monitor);
        assertThat(delivered.text("connection", "deviceID")).contains("5002");
        assertThat(refused.name()).isEqualTo("CSTAErrorCode");
        assertThat(refused.text("operation")).contains("invalidCallID");
        assertThat(request("0005", "<Nonsense/>").text("message").orElseThrow()).startsWith("Unknown service 'Nonsense'");
    }

    @Test
    void the_lab_describes_both_endpoints() {
        assertThat(lab.describe()).endsWith(" and ws://127.0.0.1:" + lab.webSocketPort() + "/csta");
    }
}
