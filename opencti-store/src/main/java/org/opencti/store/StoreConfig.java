package org.opencti.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.opencti.store.internal.Dialect;

/**
 * Everything {@link Store#open} needs, validated as a whole: every bad value is reported at once, with its name,
 * the value and the accepted range, and nothing is clamped. Start from {@link #h2(Path)} or {@link #of}, then
 * change what differs with the {@code with…} methods.
 *
 * @param jdbcUrl              {@code jdbc:h2:…} or {@code jdbc:postgresql://…}, the two databases the store is written for
 * @param schema               the schema to migrate and use (created when missing); null for the connection's default
 * @param poolSize             connections in the pool (the writer holds one while it writes)
 * @param connectionTimeout    how long to wait for a connection; during an outage each write attempt takes this long
 * @param bufferCapacity       rows the writer may hold while the database is slow or down
 * @param whenBufferFull       what recording does when {@code bufferCapacity} rows are waiting
 * @param batchSize            rows per transaction
 * @param retryInitialBackoff  wait after the first failed attempt; it doubles up to {@code retryMaxBackoff}
 * @param closeTimeout         how long {@link Store#close()} (and {@link Store#flush()}) wait for pending rows
 * @param endedCallsKeptPerAgent ended calls the recorder keeps in memory per agent, for wrap-ups without a read
 * @param listener             observer of the writer (metrics, logs, tests)
 */
public record StoreConfig(String jdbcUrl, String user, String password, String schema, int poolSize,
                          Duration connectionTimeout, int bufferCapacity, WhenBufferFull whenBufferFull, int batchSize,
                          Duration retryInitialBackoff, Duration retryMaxBackoff, Duration closeTimeout,
                          int endedCallsKeptPerAgent, WriteListener listener) {
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public StoreConfig {
        List<String> problems = new ArrayList<>();
        if (Dialect.of(jdbcUrl).isEmpty())
            problems.add("store.jdbcUrl must be an H2 or PostgreSQL JDBC URL (e.g. jdbc:h2:file:./data/opencti or "
                    + "jdbc:postgresql://host:5432/opencti), got " + quote(jdbcUrl));
        if (schema != null && !SCHEMA.matcher(schema).matches())
            problems.add("store.schema must be a plain identifier (letters, digits, '_', at most 63), got " + quote(schema));
        range(problems, "store.poolSize", poolSize, 1, 64);
        range(problems, "store.connectionTimeout", connectionTimeout, Duration.ofMillis(500), Duration.ofMinutes(5));
        range(problems, "store.bufferCapacity", bufferCapacity, 1, 10_000_000);
        if (whenBufferFull == null) problems.add("store.whenBufferFull is required: DROP_NEWEST or BLOCK_CALLER");
        range(problems, "store.batchSize", batchSize, 1, 5_000);
        range(problems, "store.retryInitialBackoff", retryInitialBackoff, Duration.ofMillis(1), Duration.ofMinutes(1));
        range(problems, "store.retryMaxBackoff", retryMaxBackoff,
                retryInitialBackoff == null ? Duration.ofMillis(1) : retryInitialBackoff, Duration.ofMinutes(10));
        range(problems, "store.closeTimeout", closeTimeout, Duration.ZERO, Duration.ofMinutes(10));
        range(problems, "store.endedCallsKeptPerAgent", endedCallsKeptPerAgent, 0, 1_000);
        if (!problems.isEmpty())
            throw new IllegalArgumentException("Invalid store configuration:\n - " + String.join("\n - ", problems));
        listener = listener == null ? WriteListener.NONE : listener;
    }

    /** The default: an H2 database in {@code <dataDir>/opencti.mv.db}. */
    public static StoreConfig h2(Path dataDir) {
        return of("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("opencti"), "sa", "");
    }

    /** Any JDBC URL, with the default pool, buffer and retry settings. */
    public static StoreConfig of(String jdbcUrl, String user, String password) {
        return new StoreConfig(jdbcUrl, user, password, null, 4, Duration.ofSeconds(5), 100_000,
                WhenBufferFull.DROP_NEWEST, 500, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10),
                16, WriteListener.NONE);
    }

    public StoreConfig withSchema(String newSchema) {
        return new StoreConfig(jdbcUrl, user, password, newSchema, poolSize, connectionTimeout, bufferCapacity,
                whenBufferFull, batchSize, retryInitialBackoff, retryMaxBackoff, closeTimeout, endedCallsKeptPerAgent, listener);
    }

    public StoreConfig withPool(int size, Duration timeout) {
        return new StoreConfig(jdbcUrl, user, password, schema, size, timeout, bufferCapacity,
                whenBufferFull, batchSize, retryInitialBackoff, retryMaxBackoff, closeTimeout, endedCallsKeptPerAgent, listener);
    }

    public StoreConfig withBuffer(int capacity, WhenBufferFull whenFull, int rowsPerBatch) {
        return new StoreConfig(jdbcUrl, user, password, schema, poolSize, connectionTimeout, capacity,
                whenFull, rowsPerBatch, retryInitialBackoff, retryMaxBackoff, closeTimeout, endedCallsKeptPerAgent, listener);
    }

    public StoreConfig withRetry(Duration initialBackoff, Duration maxBackoff) {
        return new StoreConfig(jdbcUrl, user, password, schema, poolSize, connectionTimeout, bufferCapacity,
                whenBufferFull, batchSize, initialBackoff, maxBackoff, closeTimeout, endedCallsKeptPerAgent, listener);
    }

    public StoreConfig withCloseTimeout(Duration timeout) {
        return new StoreConfig(jdbcUrl, user, password, schema, poolSize, connectionTimeout, bufferCapacity,
                whenBufferFull, batchSize, retryInitialBackoff, retryMaxBackoff, timeout, endedCallsKeptPerAgent, listener);
    }

    public StoreConfig withEndedCallsKeptPerAgent(int count) {
        return new StoreConfig(jdbcUrl, user, password, schema, poolSize, connectionTimeout, bufferCapacity,
                whenBufferFull, batchSize, retryInitialBackoff, retryMaxBackoff, closeTimeout, count, listener);
    }

    public StoreConfig withListener(WriteListener newListener) {
        return new StoreConfig(jdbcUrl, user, password, schema, poolSize, connectionTimeout, bufferCapacity,
                whenBufferFull, batchSize, retryInitialBackoff, retryMaxBackoff, closeTimeout, endedCallsKeptPerAgent, newListener);
    }

    /** The URL without any query part, which may carry credentials: safe for messages and logs. */
    public String describe() {
        int query = jdbcUrl.indexOf('?');
        String url = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return schema == null ? url : url + " (schema " + schema + ")";
    }

    /** Never prints the password. */
    @Override public String toString() {
        return "StoreConfig[" + describe() + ", user=" + user + ", poolSize=" + poolSize + ", connectionTimeout="
                + connectionTimeout + ", bufferCapacity=" + bufferCapacity + ", whenBufferFull=" + whenBufferFull
                + ", batchSize=" + batchSize + ", retry=" + retryInitialBackoff + ".." + retryMaxBackoff
                + ", closeTimeout=" + closeTimeout + ", endedCallsKeptPerAgent=" + endedCallsKeptPerAgent + "]";
    }

    private static void range(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max)
            problems.add(name + " must be between " + min + " and " + max + ", got " + value);
    }

    private static void range(List<String> problems, String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0)
            problems.add(name + " must be between " + min + " and " + max + ", got " + value);
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
