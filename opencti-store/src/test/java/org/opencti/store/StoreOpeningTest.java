package org.opencti.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.CallId;
import org.opencti.model.DisconnectCause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening a store: the default H2 file in the data folder, and a database that is not there. */
class StoreOpeningTest {
    @TempDir Path dataDir;

    @Test
    void a_store_in_a_data_folder_keeps_its_interactions_across_a_restart() {
        Desk alice = new Desk("1001", "5001");
        try (Store store = Store.open(StoreConfig.h2(dataDir))) {
            store.recorder().record(alice.offered("c-1", "0612345678", "sales", 0));
            store.recorder().record(alice.ended("c-1", DisconnectCause.Abandoned, 3));
        }

        try (Store reopened = Store.open(StoreConfig.h2(dataDir))) {
            assertThat(reopened.interactions().byCall(alice.agentId(), new CallId("c-1")))
                    .hasValueSatisfying(row -> assertThat(row.cause()).isEqualTo(DisconnectCause.Abandoned));
        }
        assertThat(dataDir.resolve("opencti.mv.db")).exists();
    }

    @Test
    void opening_a_store_on_an_unreachable_database_fails_at_once_naming_the_database_and_what_to_check() {
        StoreConfig unreachable = StoreConfig.of("jdbc:postgresql://127.0.0.1:1/opencti?password=hunter2", "opencti", "hunter2");

        assertThatThrownBy(() -> Store.open(unreachable))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not migrate jdbc:postgresql://127.0.0.1:1/opencti: ")
                .hasMessageEndingWith("; check the URL, user and password, that the database runs, and that the user may create tables")
                .hasMessageNotContaining("hunter2")
                .hasCauseInstanceOf(org.flywaydb.core.api.FlywayException.class);
    }
}
