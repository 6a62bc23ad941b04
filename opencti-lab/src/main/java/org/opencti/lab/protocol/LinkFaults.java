package org.opencti.lab.protocol;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lab's CTI-link fault switch, for connector and server tests and for soak runs: what a real switch or network
 * does to a CSTA link, on demand. Every method may be called from any thread and acts at once; calls and agents in the
 * lab carry on whatever happens to the links, as they do on a real PBX whose CTI server goes away.
 * <ul>
 *   <li>{@link #dropAll()}: every connection (TCP and WebSocket) is closed now, without a goodbye: the client sees its
 *       socket end, as when the CTI server process dies.</li>
 *   <li>{@link #refuseNew(boolean)}: new connections are refused (TCP connects fail, WebSocket upgrades get 503) until
 *       switched back; open ones carry on.</li>
 *   <li>{@link #halfOpenAll()}: every connection open now goes half-open for good: the lab handles nothing it sends
 *       and writes nothing to it, but keeps the socket open, as when a network path dies without a reset. Only the
 *       client's own heartbeat can notice; once it closes its end, the lab closes too. Connections opened later are
 *       normal (unless refused).</li>
 * </ul>
 * {@snippet :
 * lab.links().refuseNew(true);   // the CTI server is gone ...
 * lab.links().dropAll();         // ... and took every link with it
 * clock.advance(Duration.ofSeconds(30));   // calls go on meanwhile
 * lab.links().refuseNew(false);  // back: clients reconnect and reconcile
 * }
 */
public final class LinkFaults {

    private final CstaServer server;
    private final AtomicLong silenced = new AtomicLong();
    private volatile boolean refusing;

    LinkFaults(CstaServer server) {
        this.server = server;
    }

    /** Closes every CSTA connection now, TCP and WebSocket, with no SystemStatus or session end first. */
    public void dropAll() {
        server.links().forEach(ClientLink::close);
    }

    /** {@code true}: refuse new CSTA connections on TCP and WebSocket; {@code false}: accept them again, same ports. */
    public void refuseNew(boolean refuse) {
        refusing = refuse;
        server.refuseConnections(refuse);
        server.refuseWebSocket(refuse);
    }

    public boolean refusingNew() {
        return refusing;
    }

    /** Makes every connection open now half-open (see the class comment); returns how many. */
    public int halfOpenAll() {
        List<ClientLink> links = server.links();
        links.forEach(ClientLink::silence);
        return links.size();
    }

    /** Open connections, half-open ones included. */
    public int open() {
        return server.links().size();
    }

    /** Messages half-open links swallowed so far, both ways: proof that something was lost, for tests to await. */
    public long silencedMessages() {
        return silenced.get();
    }

    void silenced() {
        silenced.incrementAndGet();
    }
}
