package org.opencti.server.store;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own in the development PostgreSQL (127.0.0.1:5432, database {@code test}, trust authentication,
 * user {@code postgres}; override with {@code -Dopencti.test.postgres.host/port/user}), dropped on close.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String HOST = System.getProperty("opencti.test.postgres.host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("opencti.test.postgres.port", 5432);
    public static final String USER = System.getProperty("opencti.test.postgres.user", "postgres");
    public static final String URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/test";

    public final String name;

    public PostgresSchema(String purpose) {
        this.name = "srv_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static InetSocketAddress address() { return new InetSocketAddress(HOST, PORT); }

    /** The same database reached through a relay on {@code 127.0.0.1:port}. */
    public static String urlThrough(int port) { return "jdbc:postgresql://127.0.0.1:" + port + "/test"; }

    public long count(String table) {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + name + "\"." + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count " + table + " in schema " + name + " of " + URL, e);
        }
    }

    @Override public void close() {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test schema " + name, e);
        }
    }
}
