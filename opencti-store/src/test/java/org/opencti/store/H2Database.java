package org.opencti.store;

import java.net.InetSocketAddress;
import java.sql.SQLException;

import org.h2.tools.Server;

/**
 * One in-memory H2 database for the whole test run, also served over TCP so a proxy can cut it off. In-process
 * clients and TCP clients of the same JVM share the {@code mem:} database.
 */
public final class H2Database implements TestDatabase {
    public static final H2Database INSTANCE = new H2Database();
    private static final String NAME = "mem:opencti_tests";

    private Server server;

    private H2Database() {}

    @Override public String name() { return "H2"; }

    @Override public String url() { return "jdbc:h2:" + NAME + ";DB_CLOSE_DELAY=-1"; }

    @Override public String urlThrough(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + NAME + ";DB_CLOSE_DELAY=-1";
    }

    @Override public synchronized InetSocketAddress address() {
        if (server == null) {
            try {
                server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not start the H2 TCP server for the outage tests", e);
            }
        }
        return new InetSocketAddress("127.0.0.1", server.getPort());
    }

    @Override public String user() { return "sa"; }
}
