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

/**
 * The one YAML file of a deployment: {@code server} (port, data folder, allowed origins), {@code lab} (embedded
 * lab on or off, its own config file, CSTA port, traffic), {@code connector} (type and properties), {@code store}
 * (JDBC URL, user, password). Every section is optional; defaults give the demo. Validated whole at load: every
 * problem is reported with its property, value and what is accepted.
 */
public record ServerConfig(int port, Path dataDir, List<String> allowedOrigins, boolean labEnabled, Path labConfig,
                           int labCstaPort, boolean traffic, String connectorType, Map<String, String> connectorProperties,
                           String storeUrl, String storeUser, String storePassword) {

    public static ServerConfig defaults() {
        return new ServerConfig(8080, Path.of("data"), List.of(), true, null, 4720, true, "csta", Map.of(), null, null, null);
    }

    public ServerConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        connectorProperties = Map.copyOf(connectorProperties);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, allowedOrigins, labEnabled, labConfig, labCstaPort, traffic,
                connectorType, connectorProperties, storeUrl, storeUser, storePassword);
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(port, dir, allowedOrigins, labEnabled, labConfig, labCstaPort, traffic,
                connectorType, connectorProperties, storeUrl, storeUser, storePassword);
    }

    public ServerConfig withLab(boolean enabled, boolean withTraffic) {
        return new ServerConfig(port, dataDir, allowedOrigins, enabled, labConfig, labCstaPort, withTraffic,
                connectorType, connectorProperties, storeUrl, storeUser, storePassword);
    }

    public ServerConfig withLabCstaPort(int cstaPort) {
        return new ServerConfig(port, dataDir, allowedOrigins, labEnabled, labConfig, cstaPort, traffic,
                connectorType, connectorProperties, storeUrl, storeUser, storePassword);
    }

    /** The JDBC URL: the configured one, else an H2 file in the data folder. */
    public String effectiveStoreUrl() {
        return storeUrl != null ? storeUrl : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("opencti");
    }

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
        List<String> origins = new ArrayList<>();
        server.path("allowedOrigins").forEach(n -> {
            if (!n.asText().matches("https?://[^/\\s]+")) problems.add("server.allowedOrigins: '" + n.asText()
                    + "' is not an origin; expected scheme://host[:port], e.g. https://crm.example.com");
            origins.add(n.asText());
        });
        Map<String, String> properties = new LinkedHashMap<>();
        connector.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue().asText()));
        String storeUrl = text(store, "url");
        if (storeUrl != null && !storeUrl.startsWith("jdbc:h2:") && !storeUrl.startsWith("jdbc:postgresql:"))
            problems.add("store.url: '" + storeUrl + "' is not supported; expected jdbc:h2:... or jdbc:postgresql://...");
        if (!problems.isEmpty()) throw new InvalidServerConfigException(source, problems);
        return new ServerConfig(port, server.has("dataDir") ? Path.of(server.get("dataDir").asText()) : d.dataDir(), origins,
                lab.path("enabled").asBoolean(true), lab.has("config") ? Path.of(lab.get("config").asText()) : null,
                cstaPort, lab.path("traffic").asBoolean(true), connector.path("type").asText(d.connectorType()),
                properties, storeUrl, text(store, "user"), text(store, "password"));
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
