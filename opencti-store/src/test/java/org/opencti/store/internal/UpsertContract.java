package org.opencti.store.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencti.store.TestDatabase;
import org.opencti.store.WhenBufferFull;
import org.opencti.store.WriteListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's one-statement upsert, batch by batch, on a table of its own: new rows are inserted, stored rows are
 * replaced whole, and the newest version of a row wins within a batch and across batches. Each batch is exactly
 * the rows offered before the writer starts. Runs on every database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UpsertContract {
    private record Version(String id, int version, String note) {}

    private static final Table<Version> VERSIONS = Table.upsert("versions", Version::id, "version, note, id",
            (statement, row) -> {
                statement.setInt(1, row.version());
                statement.setString(2, row.note());
                statement.setString(3, row.id());
            });

    private final String schema = "t_upsert_" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Integer> batches = new CopyOnWriteArrayList<>();
    private HikariDataSource dataSource;

    /** The database this concrete suite runs against. */
    protected abstract TestDatabase database();

    @BeforeAll
    void createTable() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database().url());
        config.setUsername(database().user());
        config.setMaximumPoolSize(2);
        try (Connection connection = DriverManager.getConnection(database().url(), database().user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA \"" + schema + "\"");
            statement.execute("CREATE TABLE \"" + schema + "\".versions (id VARCHAR(36) NOT NULL PRIMARY KEY,"
                    + " version INT NOT NULL, note VARCHAR(64))");
        }
        config.setSchema(schema);
        dataSource = new HikariDataSource(config);
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        batches.clear();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM versions");
        }
    }

    @AfterAll
    void dropTable() throws SQLException {
        if (dataSource != null) dataSource.close();
        database().dropSchema(schema);
    }

    @Test
    void many_new_rows_in_one_batch_are_all_inserted() throws Exception {
        List<Version> rows = IntStream.range(0, 1_200).mapToObj(i -> new Version("r-%04d".formatted(i), 1, "new")).toList();

        writeOneBatch(rows);

        assertThat(batches).containsExactly(1_200);
        assertThat(stored()).isEqualTo(rows);
    }

    @Test
    void a_later_batch_replaces_stored_rows_whole_and_inserts_new_ones_beside_them() throws Exception {
        writeOneBatch(List.of(new Version("a", 1, "first"), new Version("b", 1, "first")));

        writeOneBatch(List.of(new Version("a", 2, null), new Version("c", 1, "new")));

        assertThat(batches).containsExactly(2, 2);
        assertThat(stored()).containsExactly(new Version("a", 2, null), new Version("b", 1, "first"), new Version("c", 1, "new"));
    }

    @Test
    void a_row_changed_again_while_it_waits_is_written_once_in_its_newest_version() throws Exception {
        writeOneBatch(List.of(new Version("a", 1, "offered"), new Version("b", 1, "offered"),
                new Version("a", 2, "answered"), new Version("a", 3, "ended")));

        assertThat(batches).containsExactly(2);
        assertThat(stored()).containsExactly(new Version("a", 3, "ended"), new Version("b", 1, "offered"));
    }

    @Test
    void each_later_batch_wins_over_the_earlier_ones() throws Exception {
        writeOneBatch(List.of(new Version("a", 1, "offered")));
        writeOneBatch(List.of(new Version("a", 2, "answered"), new Version("b", 1, "offered")));
        writeOneBatch(List.of(new Version("b", 2, "answered"), new Version("a", 3, "ended")));

        assertThat(stored()).containsExactly(new Version("a", 3, "ended"), new Version("b", 2, "answered"));
    }

    @Test
    void a_batch_written_again_as_after_an_unknown_commit_outcome_leaves_the_same_rows() throws Exception {
        List<Version> batch = List.of(new Version("a", 2, "answered"), new Version("b", 1, "offered"));
        writeOneBatch(batch);

        writeOneBatch(batch);

        assertThat(stored()).isEqualTo(batch);
    }

    /** Offers every row before the writer starts, so its first take is the whole (coalesced) batch. */
    private void writeOneBatch(List<Version> rows) throws InterruptedException {
        var buffer = new WriteBuffer(10_000, WhenBufferFull.DROP_NEWEST);
        rows.forEach(row -> buffer.offer(VERSIONS.write(row)));
        var writer = new BatchWriter(dataSource, database().name(), Dialect.of(database().url()).orElseThrow(), buffer,
                5_000, Duration.ofMillis(10), Duration.ofMillis(100), new WriteListener() {
                    @Override public void batchWritten(int written) { batches.add(written); }
                }, dataSource::evictConnection);

        writer.start();

        assertThat(writer.stop(Duration.ofSeconds(10))).as("rows lost").isZero();
        assertThat(writer.failedAttempts()).as("failed attempts").isZero();
    }

    private List<Version> stored() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, version, note FROM versions ORDER BY id")) {
            List<Version> result = new ArrayList<>();
            while (rows.next()) result.add(new Version(rows.getString("id"), rows.getInt("version"), rows.getString("note")));
            return result;
        }
    }
}
