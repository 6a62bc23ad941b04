package org.opencti.server.config;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opencti.store.StoreConfig;
import org.opencti.store.WhenBufferFull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreSectionTest {

    @Test
    void the_writers_buffer_bound_and_overflow_policy_reach_the_store_configuration() {
        ServerConfig config = ServerConfig.parse("""
                store: {url: "jdbc:postgresql://db:5432/opencti", user: opencti, password: secret, schema: cti,
                        bufferCapacity: 2000, whenBufferFull: BLOCK_CALLER, batchSize: 50}
                """, "store.yaml");

        StoreConfig store = config.store().toStoreConfig(Path.of("data"));

        assertThat(store.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/opencti");
        assertThat(store.schema()).isEqualTo("cti");
        assertThat(store.bufferCapacity()).isEqualTo(2000);
        assertThat(store.whenBufferFull()).isEqualTo(WhenBufferFull.BLOCK_CALLER);
        assertThat(store.batchSize()).isEqualTo(50);
        assertThat(store.password()).isEqualTo("secret");
    }

    @Test
    void without_a_store_section_the_store_is_h2_in_the_data_folder_with_the_librarys_defaults() {
        StoreConfig store = ServerConfig.parse("", "empty.yaml").store().toStoreConfig(Path.of("/var/lib/opencti"));

        assertThat(store.jdbcUrl()).isEqualTo("jdbc:h2:file:/var/lib/opencti/opencti");
        assertThat(store.bufferCapacity()).isEqualTo(100_000);
        assertThat(store.whenBufferFull()).isEqualTo(WhenBufferFull.DROP_NEWEST);
    }

    @Test
    void bad_buffer_settings_are_all_reported_with_what_is_accepted() {
        assertThatThrownBy(() -> ServerConfig.parse("""
                store: {bufferCapacity: 0, whenBufferFull: WAIT, batchSize: lots, schema: "a-b", pool: 3}
                """, "bad.yaml"))
                .isInstanceOf(InvalidServerConfigException.class)
                .hasMessageContaining("store.bufferCapacity: '0' is not accepted; expected an integer from 1 to 10000000")
                .hasMessageContaining("store.whenBufferFull: 'WAIT' is not a policy; expected DROP_NEWEST")
                .hasMessageContaining("store.batchSize: 'lots' is not accepted; expected an integer from 1 to 5000")
                .hasMessageContaining("store.schema: 'a-b' is not a plain identifier")
                .hasMessageContaining("store.pool: unknown property; expected one of [batchSize, bufferCapacity, password, schema, url, user, whenBufferFull]");
    }

    @Test
    void the_db_url_replaces_the_files_url_and_keeps_the_rest() {
        ServerConfig config = ServerConfig.parse("store: {url: \"jdbc:h2:mem:x\", schema: cti, bufferCapacity: 7}", "s.yaml")
                .withStoreUrl("jdbc:postgresql://127.0.0.1:5432/test");

        assertThat(config.effectiveStoreUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(config.store().schema()).isEqualTo("cti");
        assertThat(config.store().bufferCapacity()).isEqualTo(7);
    }
}
