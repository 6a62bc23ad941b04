package org.opencti.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.server.Deployment;
import org.opencti.server.config.ServerConfig;
import org.opencti.server.gateway.DesktopClient;
import org.opencti.server.store.PostgresSchema;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve --db-url jdbc:postgresql://...}: the option wins over the file, and the product records into PostgreSQL. */
class ServeOnPostgresTest {
    @TempDir Path dataDir;
    private final PostgresSchema schema = new PostgresSchema("serve");

    @AfterEach
    void dropSchema() { schema.close(); }

    private ServerConfig settings(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.settings();
    }

    @Test
    void the_db_url_option_wins_over_the_file_and_the_server_records_agent_states_in_postgresql() throws IOException {
        Path yaml = Files.writeString(dataDir.resolve("opencti.yaml"), """
                lab: {cstaPort: 0, webSocketPort: 0, traffic: false}
                store: {url: "jdbc:h2:mem:not-this-one", user: %s, schema: %s, bufferCapacity: 5000, whenBufferFull: BLOCK_CALLER}
                """.formatted(PostgresSchema.USER, schema.name));

        ServerConfig settings = settings("--config", yaml.toString(), "--db-url", PostgresSchema.URL, "--port", "0",
                "--data", dataDir.toString());

        assertThat(settings.effectiveStoreUrl()).isEqualTo(PostgresSchema.URL);
        assertThat(settings.store().schema()).isEqualTo(schema.name);
        assertThat(settings.store().bufferCapacity()).isEqualTo(5000);
        try (Deployment deployment = Deployment.start(settings); DesktopClient desk = new DesktopClient(deployment.port())) {
            JsonNode login = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"1001\",\"password\":\"demo\"}"));
            assertThat(login.path("ok").asBoolean()).as(login.toString()).isTrue();
            assertThat(desk.result(desk.request("{\"type\":\"agentReady\"}")).path("ok").asBoolean()).isTrue();
            desk.event("AgentStateEvent", "Ready");

            assertThat(deployment.store().awaitFlushed(Duration.ofSeconds(10))).isTrue();
            assertThat(schema.count("agent_state_log")).as("NotReady (login) and Ready").isEqualTo(2);
            assertThat(schema.count("audit_log")).as("login and agentReady audited").isEqualTo(2);
            assertThat(schema.count("customers")).as("seeded from the lab").isPositive();
        }
    }

    @Test
    void a_db_url_the_store_cannot_use_is_refused_naming_what_is_accepted() {
        assertThatThrownBy(() -> settings("--db-url", "jdbc:mysql://db/opencti"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--db-url: 'jdbc:mysql://db/opencti' is not supported; expected jdbc:h2:... or jdbc:postgresql://host:port/database");
    }
}
