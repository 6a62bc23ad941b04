package org.opencti.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * How the writer stores one kind of row. Rows are written whole and keyed by their id, so a retry after an
 * unknown commit outcome is harmless: {@link Kind#UPSERT} rows are updated in place, {@link Kind#APPEND} rows
 * are skipped when their id is already there.
 */
public record Table<R>(String name, Kind kind, Function<R, String> id, String insertSql, Binder<R> insert,
                       String updateSql, Binder<R> update) {

    public enum Kind {
        /** A row that changes over time (an interaction): the newest version replaces the stored one. */
        UPSERT,
        /** A row written once (a log line). */
        APPEND
    }

    /** Binds a row's values to a statement; for an update the id is the last parameter. */
    @FunctionalInterface
    public interface Binder<R> {
        void bind(PreparedStatement statement, R row) throws SQLException;
    }

    public static <R> Table<R> append(String name, Function<R, String> id, String insertSql, Binder<R> insert) {
        return new Table<>(name, Kind.APPEND, id, insertSql, insert, null, null);
    }

    public static <R> Table<R> upsert(String name, Function<R, String> id, String insertSql, Binder<R> insert,
                                      String updateSql, Binder<R> update) {
        return new Table<>(name, Kind.UPSERT, id, insertSql, insert, updateSql, update);
    }

    public PendingWrite<R> write(R row) {
        return new PendingWrite<>(this, id.apply(row), row);
    }
}
