package org.opencti.store;

import java.net.InetSocketAddress;

/**
 * The PostgreSQL of development and CI: 127.0.0.1:5432, database {@code test}, user {@code postgres}, trust
 * authentication. Override with {@code -Dopencti.test.postgres.host=… -Dopencti.test.postgres.port=…}.
 */
public final class PostgresDatabase implements TestDatabase {
    public static final PostgresDatabase INSTANCE = new PostgresDatabase();

    private final String host = System.getProperty("opencti.test.postgres.host", "127.0.0.1");
    private final int port = Integer.getInteger("opencti.test.postgres.port", 5432);
    private final String database = System.getProperty("opencti.test.postgres.database", "test");

    private PostgresDatabase() {}

    @Override public String name() { return "PostgreSQL"; }

    @Override public String url() { return "jdbc:postgresql://" + host + ":" + port + "/" + database; }

    @Override public String urlThrough(int proxyPort) {
        return "jdbc:postgresql://127.0.0.1:" + proxyPort + "/" + database;
    }

    @Override public InetSocketAddress address() { return new InetSocketAddress(host, port); }

    @Override public String user() { return System.getProperty("opencti.test.postgres.user", "postgres"); }
}
