package org.opencti.bench.target;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.opencti.store.Store;
import org.opencti.store.StoreConfig;

/**
 * A fresh database for one bench run: H2 in its own folder, or a new schema ({@code bench_<millis>}) in the given
 * PostgreSQL, dropped again by {@link #dispose()}, so runs never see each other's rows or disturb other users.
 */
public final class BenchStore {
    public enum Kind { h2, postgres }

    private final Kind kind;
    private final StoreConfig config;

    private BenchStore(Kind kind, StoreConfig config) {
        this.kind = kind;
        this.config = config;
    }

    public static BenchStore h2(Path folder) {
        return new BenchStore(Kind.h2, StoreConfig.h2(folder));
    }

    public static BenchStore postgres(String jdbcUrl, String user, String password) {
        return new BenchStore(Kind.postgres, StoreConfig.of(jdbcUrl, user, password).withSchema("bench_" + System.currentTimeMillis()));
    }

    public Kind kind() { return kind; }

    public Store open() { return Store.open(config); }

    /** Opens it with other writer settings (the persistence run blocks instead of dropping when the buffer fills). */
    public Store open(java.util.function.UnaryOperator<StoreConfig> settings) { return Store.open(settings.apply(config)); }

    /** Committed rows of {@code table} (interactions, agent_state_log, audit_log). */
    public long count(String table) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + qualified(table))) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count " + table + " in " + config.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Drops the PostgreSQL schema of this run; H2 folders are left to the caller's temporary directory. */
    public void dispose() {
        if (kind != Kind.postgres) return;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop schema " + config.schema() + " in " + config.describe() + ": " + e.getMessage(), e);
        }
    }

    public String describe() { return config.describe(); }

    private String qualified(String table) { return config.schema() == null ? table : config.schema() + "." + table; }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }
}
