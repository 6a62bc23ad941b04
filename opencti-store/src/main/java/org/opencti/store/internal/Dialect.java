package org.opencti.store.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL that differs between the databases the store runs on: the single-statement upsert. Everything else (the
 * migrations, the reads, the appends) is written once and runs on both.
 */
public enum Dialect {
    /** H2 2.x, embedded or over TCP. */
    H2,
    /** PostgreSQL 9.5 or newer. */
    POSTGRESQL;

    /** The dialect of a JDBC URL; empty for a database the store is not written for. */
    public static Optional<Dialect> of(String jdbcUrl) {
        if (jdbcUrl == null) return Optional.empty();
        if (jdbcUrl.startsWith("jdbc:h2:")) return Optional.of(H2);
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return Optional.of(POSTGRESQL);
        return Optional.empty();
    }

    /**
     * One statement that inserts the row, or replaces every other column of the stored row with the same
     * {@code key}; its parameters are the {@code columns} in order. A batch of these must not hold a key twice if
     * the driver may rewrite it into one multi-row statement (pgjdbc's {@code reWriteBatchedInserts}): the
     * {@link WriteBuffer} hands out one version per row, so the writer's batches never do.
     */
    String upsertSql(String table, String key, List<String> columns) {
        String names = String.join(", ", columns);
        String values = "?, ".repeat(columns.size() - 1) + "?";
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + key + ") VALUES (" + values + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT (" + key
                    + ") DO UPDATE SET " + columns.stream().filter(column -> !column.equals(key))
                            .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        };
    }
}
