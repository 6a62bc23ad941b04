package org.opencti.connector.csta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.connector.csta.framing.Framer;
import org.opencti.connector.csta.session.SessionSettings;
import org.opencti.connector.csta.xml.CstaNames;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.CtiConnectorProvider;
import org.opencti.connector.spi.InvalidConfigException;

/**
 * Connector type {@code csta}: a CSTA III XML client. Properties (all validated up front; every bad one is reported
 * by name, value and what is accepted): {@code host} (required), {@code port} (4720), {@code framing}
 * ({@code header} | {@code nul}), {@code protocol} ({@code ed4} | {@code ed3}), {@code applicationId}
 * ({@code opencti}), {@code sessionDuration} (s, 180), {@code heartbeat} (s, 2: link loss noticed within three),
 * {@code requestTimeout} (s, 5), {@code connectTimeout} (s, 3), {@code reconnectMin} / {@code reconnectMax}
 * (s, 1 / 30), {@code extensionMaxDigits} (6: shorter dial strings are internal), {@code queues}
 * ({@code 8001=sales,8002=support}: queue device to queue id).
 */
public final class CstaConnectorProvider implements CtiConnectorProvider {
    public static final String TYPE = "csta";

    /** How messages are delimited on the TCP stream. */
    public enum Framing { HEADER, NUL }

    /** Which CSTA III XML edition to ask for (the switch may answer with the other). */
    public enum Protocol { ED4, ED3 }

    @Override public String type() { return TYPE; }

    @Override public CtiConnector create(ConnectorConfig config) {
        ConnectorConfig.Reader read = config.reader();
        String host = read.required("host", "the CTI server's host name or address, e.g. localhost");
        int port = read.integer("port", 4720, 1, 65535);
        Framing framing = read.choice("framing", Framing.class, Framing.HEADER);
        Protocol protocol = read.choice("protocol", Protocol.class, Protocol.ED4);
        String applicationId = read.string("applicationId", "opencti");
        int sessionDuration = read.integer("sessionDuration", 180, 10, 3600);
        int heartbeat = read.integer("heartbeat", 2, 1, 60);
        int requestTimeout = read.integer("requestTimeout", 5, 1, 120);
        int connectTimeout = read.integer("connectTimeout", 3, 1, 60);
        int reconnectMin = read.integer("reconnectMin", 1, 1, 60);
        int reconnectMax = read.integer("reconnectMax", 30, 1, 600);
        int extensionMaxDigits = read.integer("extensionMaxDigits", 6, 1, 32);
        String queueList = read.string("queues", "");
        List<String> problems = new ArrayList<>();
        Map<String, String> queues = queues(queueList, problems);
        if (reconnectMax < reconnectMin)
            problems.add("reconnectMax = " + reconnectMax + ": must be at least reconnectMin (" + reconnectMin + ")");
        try {
            read.done();
        } catch (InvalidConfigException e) {
            problems.addAll(0, e.problems());
        }
        if (!problems.isEmpty()) throw new InvalidConfigException(TYPE, problems);
        SessionSettings settings = new SessionSettings(host.trim(), port,
                framing == Framing.HEADER ? Framer.header() : Framer.nulTerminated(),
                protocol == Protocol.ED4 ? CstaNames.ED4 : CstaNames.ED3, applicationId,
                Duration.ofSeconds(sessionDuration), Duration.ofSeconds(heartbeat), Duration.ofSeconds(requestTimeout),
                Duration.ofSeconds(connectTimeout), Duration.ofSeconds(reconnectMin), Duration.ofSeconds(reconnectMax));
        return new CstaConnector(settings, queues, extensionMaxDigits);
    }

    private static Map<String, String> queues(String list, List<String> problems) {
        Map<String, String> queues = new LinkedHashMap<>();
        if (list == null || list.isBlank()) return queues;
        for (String entry : list.split(",")) {
            String[] pair = entry.trim().split("=", 2);
            if (pair.length != 2 || !pair[0].trim().matches("[0-9*#+]{1,32}") || pair[1].isBlank()) {
                problems.add("queues = '" + list + "': entry '" + entry.trim() + "' must be <queue device>=<queue id>, e.g. 8001=sales");
                continue;
            }
            queues.put(pair[0].trim(), pair[1].trim());
        }
        return queues;
    }
}
