package org.opencti.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contract suite's plumbing: every concrete class gets a schema of its own (created by the store's migration,
 * dropped at the end), emptied before each test, and an open store on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreTestBase {
    private static final String[] TABLES =
            {"interactions", "agent_state_log", "audit_log", "customers", "reason_codes", "wrap_up_codes"};

    protected final String schema = "t_" + getClass().getSimpleName().toLowerCase(Locale.ROOT) + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    protected Store store;

    /** The database this concrete suite runs against. */
    protected abstract TestDatabase database();

    protected StoreConfig config() {
        return database().config(schema);
    }

    @BeforeEach
    void openStoreOnEmptyTables() throws SQLException {
        store = Store.open(config());
        try (Connection connection = database().connect(schema); Statement statement = connection.createStatement()) {
            for (String table : TABLES) statement.executeUpdate("DELETE FROM " + table);
        }
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }

    @AfterAll
    void dropSchema() throws SQLException {
        database().dropSchema(schema);
    }

    /** Waits for the writer instead of sleeping; fails with the writer's counters. */
    protected void flushed() {
        flushed(store);
    }

    protected static void flushed(Store store) {
        assertThat(store.awaitFlushed(Duration.ofSeconds(10)))
                .as("rows written within 10 s; writer counters: %s", store.counters()).isTrue();
    }

    protected long rows(String table) throws SQLException {
        return database().count(schema, table);
    }
}
