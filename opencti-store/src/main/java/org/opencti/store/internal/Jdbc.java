package org.opencti.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.opencti.store.StoreException;
import org.opencti.store.WhenBufferFull;

/**
 * Synchronous reads and seeding on the pool, and the hand-over of writes to the background writer. Values are
 * bound with the same calls on H2 and PostgreSQL: {@code OffsetDateTime} in UTC for timestamps.
 */
public final class Jdbc {
    private final DataSource dataSource;
    private final String database;
    private final WriteBuffer buffer;

    public Jdbc(DataSource dataSource, String database, WriteBuffer buffer) {
        this.dataSource = dataSource;
        this.database = database;
        this.buffer = buffer;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Queues a row for the background writer; never touches the database. Returns false when the buffer was full
     * and the row was dropped ({@link WhenBufferFull#DROP_NEWEST}).
     */
    public <R> boolean enqueue(Table<R> table, R row) {
        return buffer.offer(table.write(row));
    }

    public <T> List<T> query(String what, String sql, List<?> parameters, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) bind(statement, i + 1, parameters.get(i));
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) result.add(mapper.map(rows));
                return result;
            }
        } catch (SQLException e) {
            throw failure("read " + what, e);
        }
    }

    public <T> Optional<T> queryOne(String what, String sql, List<?> parameters, RowMapper<T> mapper) {
        return query(what, sql, parameters, mapper).stream().findFirst();
    }

    /** Runs {@code work} in one transaction, synchronously (seeding: callers want to know it is done). */
    public void inTransaction(String what, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " on " + database + ": " + e.getMessage()
                + "; check that the database is reachable and migrated (SQLState " + e.getSQLState() + ")", e);
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.VARCHAR);
            case String s -> statement.setString(index, s);
            case Instant instant -> setInstant(statement, index, instant);
            case Integer i -> statement.setInt(index, i);
            case Long l -> statement.setLong(index, l);
            case Boolean b -> statement.setBoolean(index, b);
            default -> throw new IllegalArgumentException("Cannot bind a " + value.getClass().getName()
                    + " as a SQL parameter; expected String, Instant, Integer, Long or Boolean");
        }
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        else statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
    }

    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
