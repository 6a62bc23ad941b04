package org.opencti.store;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreConfigTest {
    @Test
    void the_default_is_an_h2_file_in_the_data_folder() {
        StoreConfig config = StoreConfig.h2(Path.of("/var/lib/opencti"));

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:h2:file:/var/lib/opencti/opencti");
        assertThat(config.whenBufferFull()).isEqualTo(WhenBufferFull.DROP_NEWEST);
        assertThat(config.bufferCapacity()).isEqualTo(100_000);
    }

    @Test
    void every_bad_setting_is_reported_at_once_with_its_value_and_range() {
        assertThatThrownBy(() -> new StoreConfig("postgres://db", "u", "p", "bad-schema", 0, Duration.ofMillis(10),
                100, null, 500, Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofSeconds(1), 16, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("""
                        Invalid store configuration:
                         - store.jdbcUrl must be an H2 or PostgreSQL JDBC URL (e.g. jdbc:h2:file:./data/opencti or \
                        jdbc:postgresql://host:5432/opencti), got 'postgres://db'
                         - store.schema must be a plain identifier (letters, digits, '_', at most 63), got 'bad-schema'
                         - store.poolSize must be between 1 and 64, got 0
                         - store.connectionTimeout must be between PT0.5S and PT5M, got PT0.01S
                         - store.whenBufferFull is required: DROP_NEWEST or BLOCK_CALLER
                         - store.retryMaxBackoff must be between PT0.1S and PT10M, got PT0.05S""");
    }

    @Test
    void a_jdbc_url_of_a_database_the_store_has_no_upsert_for_is_refused() {
        assertThatThrownBy(() -> StoreConfig.of("jdbc:mysql://db/opencti", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store.jdbcUrl must be an H2 or PostgreSQL JDBC URL")
                .hasMessageContaining("got 'jdbc:mysql://db/opencti'");
    }

    @Test
    void the_password_never_appears_in_text() {
        StoreConfig config = StoreConfig.of("jdbc:postgresql://db:5432/opencti?password=hunter2", "opencti", "hunter2");

        assertThat(config.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://db:5432/opencti");
    }
}
