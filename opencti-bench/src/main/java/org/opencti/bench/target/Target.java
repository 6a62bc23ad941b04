package org.opencti.bench.target;

/** What the load generator's desktops connect to: OpenCTI with its lab, or the bare baseline. */
public sealed interface Target extends AutoCloseable permits ServerUnderTest, BaselineServer {
    /** The HTTP port serving {@code WS /cti/v1}. */
    int port();

    /** Short name for reports: {@code opencti} or {@code baseline}. */
    String name();

    /** Starts customer calls at this rate (calls per second); called again, changes it. */
    void startCalls(double callsPerSecond);

    void stopCalls();

    long callsPlaced();

    /** Event frames handed to desktop sockets so far. */
    long eventsDelivered();

    int openSockets();

    @Override void close();
}
