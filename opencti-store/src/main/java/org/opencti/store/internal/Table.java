package org.opencti.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How the writer stores one kind of row. Rows are written whole and keyed by their {@code id} column, so a retry
 * after an unknown commit outcome is harmless: {@link Kind#UPSERT} rows are upserted (one statement per row),
 * {@link Kind#APPEND} rows are skipped when their id is already there.
 *
 * @param columns the columns the {@code binder} sets, in parameter order; {@code id} among them
 */
public record Table<R>(String name, Kind kind, Function<R, String> id, List<String> columns, Binder<R> binder) {
    private static final String KEY = "id";

    public enum Kind {
        /** A row that changes over time (an interaction): the newest version replaces the stored one. */
        UPSERT,
        /** A row written once (a log line). */
        APPEND
    }

    /** Binds a row's values to a statement, one parameter per column in the order of {@link #columns()}. */
    @FunctionalInterface
    public interface Binder<R> {
        void bind(PreparedStatement statement, R row) throws SQLException;
    }

    public Table {
        columns = List.copyOf(columns);
        if (!columns.contains(KEY))
            throw new IllegalArgumentException("table " + name + " must list its key column '" + KEY + "', got " + columns);
    }

    /** @param columns comma-separated, in the binder's parameter order */
    public static <R> Table<R> append(String name, Function<R, String> id, String columns, Binder<R> binder) {
        return new Table<>(name, Kind.APPEND, id, split(columns), binder);
    }

    /** @param columns comma-separated, in the binder's parameter order */
    public static <R> Table<R> upsert(String name, Function<R, String> id, String columns, Binder<R> binder) {
        return new Table<>(name, Kind.UPSERT, id, split(columns), binder);
    }

    public PendingWrite<R> write(R row) {
        return new PendingWrite<>(this, id.apply(row), row);
    }

    /** The statement that writes one row of this table: a plain insert, or an upsert in the database's dialect. */
    String writeSql(Dialect dialect) {
        return switch (kind) {
            case APPEND -> "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + "?, ".repeat(columns.size() - 1) + "?)";
            case UPSERT -> dialect.upsertSql(name, KEY, columns);
        };
    }

    private static List<String> split(String columns) {
        return Arrays.stream(columns.split(",")).map(String::strip).toList();
    }
}
