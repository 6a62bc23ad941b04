package org.opencti.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.opencti.store.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that drains the {@link WriteBuffer} into the database, one transaction per batch. A failed
 * batch is retried with exponential backoff until it commits, so an outage loses nothing that fits in the
 * buffer. A row the database refuses for its content is skipped and counted, so it cannot wedge the writer.
 * After any other failure the connection is evicted from the pool: Hikari spots a broken PostgreSQL connection by
 * its SQLState (08xxx) but not a broken H2 one, and would hand the dead connection back to the next retry.
 */
public final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final int MAX_IN_LIST = 500;

    private final DataSource dataSource;
    private final String database;
    private final Dialect dialect;
    private final WriteBuffer buffer;
    private final int batchSize;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final WriteListener listener;
    private final Consumer<Connection> evict;
    private final CountDownLatch giveUp = new CountDownLatch(1);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Thread thread;

    public BatchWriter(DataSource dataSource, String database, Dialect dialect, WriteBuffer buffer, int batchSize,
                       Duration initialBackoff, Duration maxBackoff, WriteListener listener,
                       Consumer<Connection> evict) {
        this.dataSource = dataSource;
        this.database = database;
        this.dialect = dialect;
        this.buffer = buffer;
        this.batchSize = batchSize;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.listener = listener;
        this.evict = evict;
        this.thread = Thread.ofPlatform().name("opencti-store-writer").daemon(true).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /**
     * Waits for the writer to drain a closed buffer; after {@code timeout} it stops retrying and counts what is
     * left as lost. Returns the number of rows lost.
     */
    public long stop(Duration timeout) throws InterruptedException {
        buffer.close();
        thread.join(Math.max(1, timeout.toMillis()));
        if (thread.isAlive()) {
            giveUp.countDown();
            thread.join();
        }
        return lost.get();
    }

    public long written() { return written.get(); }
    public long rejected() { return rejected.get(); }
    public long failedAttempts() { return failedAttempts.get(); }
    public long lost() { return lost.get(); }

    private void run() {
        try {
            while (true) {
                List<PendingWrite<?>> batch = buffer.take(batchSize);
                if (batch.isEmpty()) return;
                if (giveUp.getCount() == 0) lost.addAndGet(batch.size() + buffer.discard());
                else writeUntilCommitted(batch);
                buffer.settled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilCommitted(List<PendingWrite<?>> batch) throws InterruptedException {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                int refused = write(batch, attempt > 1);
                written.addAndGet(batch.size() - refused);
                if (attempt > 1) LOG.info("Store writes resumed on {} after {} failed attempts", database, attempt - 1);
                listener.batchWritten(batch.size() - refused);
                return;
            } catch (SQLException | RuntimeException e) {
                failedAttempts.incrementAndGet();
                if (attempt == 1)
                    LOG.warn("Could not write {} rows to {}; retrying with backoff up to {}; rows stay buffered meanwhile",
                            batch.size(), database, maxBackoff, e);
                listener.attemptFailed(attempt, e, backoff);
                if (giveUp.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    lost.addAndGet(batch.size()); // Store.close reports the total
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    /** Writes the batch in one transaction; returns how many rows the database refused for their content. */
    private int write(List<PendingWrite<?>> batch, boolean retry) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                connection.setAutoCommit(false);
                for (List<PendingWrite<?>> rows : byTable(batch).values()) writeRows(connection, rows, retry);
                connection.commit();
                return 0;
            } catch (SQLException e) {
                rollback(connection, e);
                if (isContentError(e)) return writeOneByOne(connection, batch);
                evict.accept(connection);
                throw e;
            } catch (RuntimeException e) {
                evict.accept(connection);
                throw e;
            }
        }
    }

    /** A content error fails the whole batch: find the rows at fault and keep the others. */
    private int writeOneByOne(Connection connection, List<PendingWrite<?>> batch) throws SQLException {
        int refused = 0;
        for (PendingWrite<?> row : batch) {
            try {
                writeRows(connection, List.of(row), true);
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                if (!isContentError(e)) {
                    evict.accept(connection);
                    throw e;
                }
                refused++;
                rejected.incrementAndGet();
                LOG.error("The database refused row {} of {} ({}); it is skipped. Check the value lengths against the schema.",
                        row.id(), row.table().name(), e.getMessage());
            }
        }
        return refused;
    }

    /** One statement per row: an upsert, or an insert for append-only tables. */
    private void writeRows(Connection connection, List<PendingWrite<?>> rows, boolean retry) throws SQLException {
        Table<?> table = rows.getFirst().table();
        List<PendingWrite<?>> toWrite = switch (table.kind()) {
            case UPSERT -> rows; // an upsert of the same version twice changes nothing
            // A retried batch may have committed before its connection broke: skip what is already there.
            case APPEND -> retry ? withoutStored(connection, table, rows) : rows;
        };
        if (toWrite.isEmpty()) return;
        try (PreparedStatement statement = connection.prepareStatement(table.writeSql(dialect))) {
            for (PendingWrite<?> row : toWrite) {
                row.bind(statement);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static List<PendingWrite<?>> withoutStored(Connection connection, Table<?> table,
                                                       List<PendingWrite<?>> rows) throws SQLException {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < rows.size(); from += MAX_IN_LIST) {
            List<PendingWrite<?>> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_IN_LIST));
            String sql = "SELECT id FROM " + table.name() + " WHERE id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) select.setString(i + 1, chunk.get(i).id());
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) stored.add(found.getString(1));
                }
            }
        }
        return rows.stream().filter(row -> !stored.contains(row.id())).toList();
    }

    private static Map<String, List<PendingWrite<?>>> byTable(List<PendingWrite<?>> batch) {
        Map<String, List<PendingWrite<?>>> grouped = new LinkedHashMap<>();
        for (PendingWrite<?> row : batch) grouped.computeIfAbsent(row.table().name(), name -> new ArrayList<>()).add(row);
        return grouped;
    }

    /** SQLState class 22 (data exception) or 23 (integrity constraint): retrying the same row cannot help. */
    static boolean isContentError(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) return true;
                    if (e.getNextException() == e) break;
                }
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static void rollback(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
