package org.opencti.store;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** A database the contract suites run against; each suite works in a schema of its own. */
public interface TestDatabase {
    String name();

    /** The JDBC URL of the database itself. */
    String url();

    /** The same database reached through {@code 127.0.0.1:port} (a {@link TcpProxy} in front of {@link #address()}). */
    String urlThrough(int port);

    /** Where the database listens on TCP, for a proxy to forward to. */
    InetSocketAddress address();

    String user();

    /** Small timeouts and backoffs, so failures and retries happen within a test's time. */
    default StoreConfig config(String url, String schema) {
        return StoreConfig.of(url, user(), "").withSchema(schema)
                .withPool(2, Duration.ofMillis(500))
                .withRetry(Duration.ofMillis(10), Duration.ofMillis(100))
                .withCloseTimeout(Duration.ofSeconds(10));
    }

    default StoreConfig config(String schema) {
        return config(url(), schema);
    }

    default Connection connect(String schema) throws SQLException {
        Connection connection = DriverManager.getConnection(url(), user(), "");
        connection.setSchema(schema);
        return connection;
    }

    default long count(String schema, String table) throws SQLException {
        try (Connection connection = connect(schema); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    default void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }
}
