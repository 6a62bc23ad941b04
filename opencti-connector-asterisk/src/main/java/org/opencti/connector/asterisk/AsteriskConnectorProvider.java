package org.opencti.connector.asterisk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.CtiConnectorProvider;
import org.opencti.connector.spi.InvalidConfigException;

/**
 * Connector type {@code asterisk-ami}: an Asterisk Manager Interface client. Properties, all validated up front
 * (every bad one is reported by name, value and what is accepted): {@code host} (required), {@code port} (5038),
 * {@code username} and {@code secret} (required: a manager.conf user with call, agent and system rights),
 * {@code technology} ({@code PJSIP}: agent phones are {@code PJSIP/<extension>}), {@code queues}
 * ({@code 8001=sales,8002=support}: queue DNIS to Asterisk queue name; login adds the agent to every one),
 * {@code context} ({@code from-internal}: where Originate, BlindTransfer, Redirect and Atxfer dial),
 * {@code originateTimeout} (s, 30), {@code pingInterval} (s, 2: a link that misses two pings is lost),
 * {@code reconnectMin} / {@code reconnectMax} (s, 1 / 30), {@code ringNoAnswer} ({@code pause} | {@code ignore}).
 */
public final class AsteriskConnectorProvider implements CtiConnectorProvider {
    public static final String TYPE = "asterisk-ami";

    @Override public String type() { return TYPE; }

    @Override public CtiConnector create(ConnectorConfig config) {
        ConnectorConfig.Reader read = config.reader();
        String host = read.required("host", "the Asterisk host name or address, e.g. pbx.example.com");
        int port = read.integer("port", 5038, 1, 65535);
        String username = read.required("username", "the manager.conf user, e.g. opencti");
        String secret = read.required("secret", "that user's secret");
        String technology = read.string("technology", "PJSIP");
        String queueList = read.string("queues", "");
        String context = read.string("context", "from-internal");
        int originateTimeout = read.integer("originateTimeout", 30, 5, 300);
        int pingInterval = read.integer("pingInterval", 2, 1, 60);
        int reconnectMin = read.integer("reconnectMin", 1, 1, 60);
        int reconnectMax = read.integer("reconnectMax", 30, 1, 600);
        AsteriskSettings.RingNoAnswer ringNoAnswer = read.choice("ringNoAnswer", AsteriskSettings.RingNoAnswer.class,
                AsteriskSettings.RingNoAnswer.PAUSE);
        List<String> problems = new ArrayList<>();
        if (technology != null && !technology.matches("[A-Za-z0-9_]+"))
            problems.add("technology = '" + technology + "': must be a channel technology such as PJSIP, SIP or IAX2");
        if (context != null && !context.matches("[A-Za-z0-9_.-]+"))
            problems.add("context = '" + context + "': must be a dialplan context name such as from-internal");
        Map<String, String> queues = queues(queueList, problems);
        if (reconnectMax < reconnectMin)
            problems.add("reconnectMax = " + reconnectMax + ": must be at least reconnectMin (" + reconnectMin + ")");
        try {
            read.done();
        } catch (InvalidConfigException e) {
            problems.addAll(0, e.problems());
        }
        if (!problems.isEmpty()) throw new InvalidConfigException(TYPE, problems);
        return new AsteriskConnector(new AsteriskSettings(host.trim(), port, username, secret, technology, queues, context,
                Duration.ofSeconds(originateTimeout), Duration.ofSeconds(pingInterval), Duration.ofSeconds(reconnectMin),
                Duration.ofSeconds(reconnectMax), ringNoAnswer));
    }

    private static Map<String, String> queues(String list, List<String> problems) {
        Map<String, String> queues = new LinkedHashMap<>();
        if (list == null || list.isBlank()) return queues;
        for (String entry : list.split(",")) {
            String[] pair = entry.trim().split("=", 2);
            if (pair.length != 2 || !pair[0].trim().matches("[0-9*#+]{1,32}") || !pair[1].trim().matches("[A-Za-z0-9_.-]+")) {
                problems.add("queues = '" + list + "': entry '" + entry.trim()
                        + "' must be <queue DNIS>=<Asterisk queue name>, e.g. 8001=sales");
                continue;
            }
            queues.put(pair[0].trim(), pair[1].trim());
        }
        return queues;
    }
}
