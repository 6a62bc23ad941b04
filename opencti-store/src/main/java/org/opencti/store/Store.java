package org.opencti.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.opencti.store.agentstate.AgentStateLog;
import org.opencti.store.audit.AuditLog;
import org.opencti.store.codes.Codes;
import org.opencti.store.customer.Customers;
import org.opencti.store.interaction.InteractionRecorder;
import org.opencti.store.interaction.Interactions;
import org.opencti.store.internal.BatchWriter;
import org.opencti.store.internal.Dialect;
import org.opencti.store.internal.Jdbc;
import org.opencti.store.internal.WriteBuffer;

/**
 * OpenCTI's database: migrated with Flyway on open, pooled with HikariCP, the same on H2 and PostgreSQL.
 *
 * <p>Recording ({@link #recorder()}, {@link AgentStateLog#append}, {@link AuditLog#append}) only queues rows; one
 * writer thread drains them in JDBC batches, retrying with backoff while the database is away. Reads and seeding
 * are synchronous and see what the writer has committed. {@link #close()} writes what is still queued.
 * <pre>{@code
 * try (Store store = Store.open(StoreConfig.h2(dataDir))) {
 *     store.recorder().record(event);
 *     store.interactions().find(InteractionQuery.all().forAgent(agentId));
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
    private final StoreConfig config;
    private final HikariDataSource dataSource;
    private final WriteBuffer buffer;
    private final BatchWriter writer;
    private final Interactions interactions;
    private final InteractionRecorder recorder;
    private final AgentStateLog agentStates;
    private final AuditLog audit;
    private final Customers customers;
    private final Codes codes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Store(StoreConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.buffer = new WriteBuffer(config.bufferCapacity(), config.whenBufferFull());
        Dialect dialect = Dialect.of(config.jdbcUrl()).orElseThrow(); // StoreConfig admits only known dialects
        this.writer = new BatchWriter(dataSource, config.describe(), dialect, buffer, config.batchSize(),
                config.retryInitialBackoff(), config.retryMaxBackoff(), config.listener(), dataSource::evictConnection);
        Jdbc jdbc = new Jdbc(dataSource, config.describe(), buffer);
        this.interactions = new Interactions(jdbc);
        this.agentStates = new AgentStateLog(jdbc);
        this.recorder = new InteractionRecorder(jdbc, interactions, agentStates, config.endedCallsKeptPerAgent());
        this.audit = new AuditLog(jdbc);
        this.customers = new Customers(jdbc);
        this.codes = new Codes(jdbc);
    }

    /**
     * Migrates the schema (creating it when missing), opens the pool, reloads the calls still open and starts the
     * writer. Fails fast when the database cannot be reached.
     */
    public static Store open(StoreConfig config) {
        migrate(config);
        HikariDataSource dataSource = pool(config);
        Store store = new Store(config, dataSource);
        try {
            store.recorder.reloadOpenInteractions();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        store.writer.start();
        return store;
    }

    public InteractionRecorder recorder() { return recorder; }

    public Interactions interactions() { return interactions; }

    public AgentStateLog agentStates() { return agentStates; }

    public AuditLog audit() { return audit; }

    public Customers customers() { return customers; }

    public Codes codes() { return codes; }

    /** What this store was opened with (buffer bound, overflow policy, ...), for metrics and health. */
    public StoreConfig config() { return config; }

    public WriterCounters counters() {
        return new WriterCounters(buffer.queued(), writer.written(), buffer.dropped(), writer.rejected(),
                writer.failedAttempts(), writer.lost());
    }

    /**
     * Waits until nothing is queued and no batch is being written, i.e. every row recorded so far is committed
     * (or rejected); false when {@code timeout} passed first. Under a steady stream of events that moment may not
     * come: it is meant for tests, shutdown and health checks.
     */
    public boolean awaitFlushed(Duration timeout) {
        try {
            return buffer.awaitDrained(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Like {@link #awaitFlushed} with the configured close timeout, but fails loudly when it runs out. */
    public void flush() {
        if (!awaitFlushed(config.closeTimeout()))
            throw new StoreException("Queued rows were not written to " + config.describe() + " within "
                    + config.closeTimeout() + " (" + counters() + "); the database is slow or unreachable, and the"
                    + " writer keeps retrying: check the database, or raise store.closeTimeout");
    }

    /**
     * Stops accepting rows, writes what is queued (waiting up to the close timeout for the database), then closes
     * the pool. Throws when rows had to be abandoned, saying how many.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        long lost;
        try {
            lost = writer.stop(config.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lost = buffer.queued();
        } finally {
            dataSource.close();
        }
        if (lost > 0)
            throw new StoreException(lost + " recorded rows could not be written to " + config.describe()
                    + " within the close timeout of " + config.closeTimeout() + " and are lost: the database was"
                    + " unreachable (see the writer's warnings). Restore it before stopping, or raise store.closeTimeout");
    }

    private static void migrate(StoreConfig config) {
        var flyway = Flyway.configure()
                .dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration");
        if (config.schema() != null) flyway.schemas(config.schema());
        try {
            flyway.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("Could not migrate " + config.describe() + ": " + e.getMessage()
                    + "; check the URL, user and password, that the database runs, and that the user may create tables", e);
        }
    }

    private static HikariDataSource pool(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("opencti-store");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        // Hikari wants validation shorter than the connection timeout; 250 ms is its floor.
        hikari.setValidationTimeout(Math.max(250, Math.min(5_000, config.connectionTimeout().toMillis() / 2)));
        if (config.schema() != null) hikari.setSchema(config.schema());
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("Could not open a connection pool to " + config.describe() + ": "
                    + e.getMessage() + "; check the URL, user and password, and that the database runs", e);
        }
    }
}
