package org.opencti.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opencti.store.WhenBufferFull;

/**
 * The one YAML file of a deployment: {@code server} (port, data folder, allowed origins), {@code lab} (embedded
 * lab on or off, its own config file, CSTA TCP and WebSocket ports, traffic), {@code connector} (type and properties), {@code store}
 * (JDBC URL, user, password, schema, and the writer's buffer: {@code bufferCapacity}, {@code whenBufferFull},
 * {@code batchSize}; see {@link StoreSettings}). Every section is optional; defaults give the demo. Validated whole at load: every
 * problem is reported with its property, value and what is accepted.
 */
public record ServerConfig(int port, Path dataDir, List<String> allowedOrigins, boolean labEnabled, Path labConfig,
                           int labCstaPort, int labWebSocketPort, boolean traffic, String connectorType, Map<String, String> connectorProperties,
                           StoreSettings store) {

    public static ServerConfig defaults() {
        return new ServerConfig(8080, Path.of("data"), List.of(), true, null, 4720, 4725, true, "csta", Map.of(), StoreSettings.DEFAULTS);
    }

    public ServerConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        connectorProperties = Map.copyOf(connectorProperties);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, allowedOrigins, labEnabled, labConfig, labCstaPort, labWebSocketPort, traffic,
                connectorType, connectorProperties, store);
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(port, dir, allowedOrigins, labEnabled, labConfig, labCstaPort, labWebSocketPort, traffic,
                connectorType, connectorProperties, store);
    }

    public ServerConfig withLab(boolean enabled, boolean withTraffic) {
        return new ServerConfig(port, dataDir, allowedOrigins, enabled, labConfig, labCstaPort, labWebSocketPort, withTraffic,
                connectorType, connectorProperties, store);
    }

    public ServerConfig withLabCstaPort(int cstaPort) {
        return new ServerConfig(port, dataDir, allowedOrigins, labEnabled, labConfig, cstaPort, labWebSocketPort, traffic,
                connectorType, connectorProperties, store);
    }

    /** The port of the embedded lab's CSTA WebSocket endpoint {@code /csta} (for client-side desks); 0 = any free port. */
    public ServerConfig withLabWebSocketPort(int webSocketPort) {
        return new ServerConfig(port, dataDir, allowedOrigins, labEnabled, labConfig, labCstaPort, webSocketPort, traffic,
                connectorType, connectorProperties, store);
    }

    /** The same configuration on another database (the {@code --db-url} option wins over the file). */
    public ServerConfig withStoreUrl(String url) {
        return new ServerConfig(port, dataDir, allowedOrigins, labEnabled, labConfig, labCstaPort, labWebSocketPort, traffic,
                connectorType, connectorProperties, store.withUrl(url));
    }

    public ServerConfig withStore(StoreSettings newStore) {
        return new ServerConfig(port, dataDir, allowedOrigins, labEnabled, labConfig, labCstaPort, labWebSocketPort, traffic,
                connectorType, connectorProperties, newStore);
    }

    /** The JDBC URL: the configured one, else an H2 file in the data folder. */
    public String effectiveStoreUrl() { return store.effectiveUrl(dataDir); }

    private static final Set<String> SECTIONS = Set.of("server", "lab", "connector", "store");

    public static ServerConfig load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InvalidServerConfigException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
    }

    public static ServerConfig parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new InvalidServerConfigException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        ServerConfig d = defaults();
        if (root == null || root.isMissingNode() || root.isNull()) return d;
        root.fieldNames().forEachRemaining(name -> {
            if (!SECTIONS.contains(name)) problems.add(name + ": unknown section; expected one of " + SECTIONS);
        });
        JsonNode server = root.path("server");
        JsonNode lab = root.path("lab");
        JsonNode connector = root.path("connector");
        JsonNode store = root.path("store");
        int port = port(server, "server.port", d.port(), problems);
        int cstaPort = port(lab, "lab.cstaPort", d.labCstaPort(), problems);
        int webSocketPort = port(lab, "lab.webSocketPort", d.labWebSocketPort(), problems);
        List<String> origins = new ArrayList<>();
        server.path("allowedOrigins").forEach(n -> {
            if (!n.asText().matches("https?://[^/\\s]+")) problems.add("server.allowedOrigins: '" + n.asText()
                    + "' is not an origin; expected scheme://host[:port], e.g. https://crm.example.com");
            origins.add(n.asText());
        });
        Map<String, String> properties = new LinkedHashMap<>();
        connector.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue().asText()));
        StoreSettings storeSettings = store(store, problems);
        if (!problems.isEmpty()) throw new InvalidServerConfigException(source, problems);
        return new ServerConfig(port, server.has("dataDir") ? Path.of(server.get("dataDir").asText()) : d.dataDir(), origins,
                lab.path("enabled").asBoolean(true), lab.has("config") ? Path.of(lab.get("config").asText()) : null,
                cstaPort, webSocketPort, lab.path("traffic").asBoolean(true), connector.path("type").asText(d.connectorType()),
                properties, storeSettings);
    }

    private static final Set<String> STORE_FIELDS = Set.of("url", "user", "password", "schema", "bufferCapacity",
            "whenBufferFull", "batchSize");

    private static StoreSettings store(JsonNode store, List<String> problems) {
        StoreSettings d = StoreSettings.DEFAULTS;
        store.fieldNames().forEachRemaining(name -> {
            if (!STORE_FIELDS.contains(name)) problems.add("store." + name + ": unknown property; expected one of " + new TreeSet<>(STORE_FIELDS));
        });
        String url = text(store, "url");
        if (url != null && !supportedUrl(url))
            problems.add("store.url: '" + url + "' is not supported; expected jdbc:h2:... or jdbc:postgresql://...");
        String schema = text(store, "schema");
        if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"))
            problems.add("store.schema: '" + schema + "' is not a plain identifier; expected letters, digits and '_' (at most 63)");
        int capacity = integer(store, "store.bufferCapacity", d.bufferCapacity(), 1, 10_000_000, problems);
        int batchSize = integer(store, "store.batchSize", d.batchSize(), 1, 5_000, problems);
        WhenBufferFull whenFull = d.whenBufferFull();
        String policy = text(store, "whenBufferFull");
        if (policy != null) {
            try {
                whenFull = WhenBufferFull.valueOf(policy);
            } catch (IllegalArgumentException e) {
                problems.add("store.whenBufferFull: '" + policy + "' is not a policy; expected DROP_NEWEST (events never"
                        + " wait; drops are counted) or BLOCK_CALLER (nothing is dropped; events wait for room)");
            }
        }
        return new StoreSettings(url, text(store, "user"), text(store, "password"), schema, capacity, whenFull, batchSize);
    }

    /** The JDBC URLs the store supports (the {@code --db-url} option is checked the same way). */
    public static boolean supportedUrl(String url) {
        return url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql://");
    }

    private static int integer(JsonNode section, String name, int defaultValue, int min, int max, List<String> problems) {
        JsonNode node = section.path(name.substring(name.indexOf('.') + 1));
        if (node.isMissingNode()) return defaultValue;
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            problems.add(name + ": '" + node.asText() + "' is not accepted; expected an integer from " + min + " to " + max);
            return defaultValue;
        }
        return node.asInt();
    }

    private static int port(JsonNode section, String name, int defaultValue, List<String> problems) {
        JsonNode node = section.path(name.substring(name.indexOf('.') + 1));
        if (node.isMissingNode()) return defaultValue;
        if (!node.canConvertToInt() || node.asInt() < 0 || node.asInt() > 65535) {
            problems.add(name + ": '" + node.asText() + "' is not a port; expected 0 to 65535 (0 picks a free one)");
            return defaultValue;
        }
        return node.asInt();
    }

    private static String text(JsonNode section, String field) {
        return section.hasNonNull(field) ? section.get(field).asText() : null;
    }
}
