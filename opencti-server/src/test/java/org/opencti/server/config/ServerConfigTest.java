package org.opencti.server.config;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {

    @Test
    void an_empty_file_gives_the_demo_defaults() {
        ServerConfig config = ServerConfig.parse("", "empty.yaml");

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.labEnabled()).isTrue();
        assertThat(config.labCstaPort()).isEqualTo(4720);
        assertThat(config.labWebSocketPort()).isEqualTo(4725);
        assertThat(config.effectiveStoreUrl()).startsWith("jdbc:h2:file:").endsWith("data/opencti");
    }

    @Test
    void every_problem_is_reported_at_once_with_its_property_and_what_is_accepted() {
        String yaml = """
                server:
                  port: 99999
                  allowedOrigins: [crm.example.com]
                store:
                  url: jdbc:mysql://db/opencti
                telephony: {}
                """;

        assertThatThrownBy(() -> ServerConfig.parse(yaml, "bad.yaml"))
                .isInstanceOf(InvalidServerConfigException.class)
                .hasMessageContaining("Invalid configuration bad.yaml:")
                .hasMessageContaining("telephony: unknown section")
                .hasMessageContaining("server.port: '99999' is not a port; expected 0 to 65535")
                .hasMessageContaining("server.allowedOrigins: 'crm.example.com' is not an origin")
                .hasMessageContaining("store.url: 'jdbc:mysql://db/opencti' is not supported");
    }

    @Test
    void a_full_file_sets_every_section() {
        ServerConfig config = ServerConfig.parse("""
                server: {port: 9090, dataDir: /var/lib/opencti, allowedOrigins: ["https://crm.example.com"]}
                lab: {enabled: false, cstaPort: 14720, webSocketPort: 14725}
                connector: {type: csta, properties: {host: pbx.example.com, port: 1040}}
                store: {url: "jdbc:postgresql://127.0.0.1:5432/test", user: postgres}
                """, "full.yaml");

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/opencti"));
        assertThat(config.labEnabled()).isFalse();
        assertThat(config.labCstaPort()).isEqualTo(14720);
        assertThat(config.labWebSocketPort()).isEqualTo(14725);
        assertThat(config.connectorProperties()).containsEntry("host", "pbx.example.com").containsEntry("port", "1040");
        assertThat(config.effectiveStoreUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    }
}
