package org.opencti.connector.csta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.framing.Framer;
import org.opencti.connector.csta.framing.FramingException;

/**
 * A loopback TCP proxy between the connector and the lab. It forwards bytes both ways and notes the root element of
 * every frame the connector sends (to prove a refused request sent nothing). {@link #goSilent()} makes every
 * current link half-open: sockets stay open but nothing passes, as when a network path dies without a reset.
 */
final class LinkProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    LinkProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("proxy-accept").start(this::accept);
    }

    int port() { return server.getLocalPort(); }

    /** Service names the connector sent, in order. */
    List<String> sentServices() { return List.copyOf(sent); }

    /** Whole XML documents the lab sent to the connector, in order (for diagnosing a failed test). */
    List<String> receivedDocuments() { return List.copyOf(received); }

    void goSilent() { silent = true; }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                silent = false;
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                } catch (IOException refused) {
                    client.close(); // the lab refuses: so do we, the connector sees the link fail at once
                    continue;
                }
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromConnector) {
        Thread.ofPlatform().daemon().name("proxy-pump").start(() -> {
            Framer.Decoder frames = Framer.header().decoder();
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (silent) continue; // swallowed: a half-open path loses everything without telling anyone
                    record(frames, buffer, n, fromConnector);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: close the other below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private void record(Framer.Decoder frames, byte[] buffer, int n, boolean fromConnector) {
        try {
            for (Frame frame : frames.feed(buffer, n)) {
                String xml = frame.xml();
                if (!fromConnector) {
                    received.add(frame.invokeId() + " " + xml);
                    continue;
                }
                int start = xml.indexOf('<', xml.startsWith("<?") ? xml.indexOf("?>") + 2 : 0) + 1;
                int end = start;
                while (end < xml.length() && " />".indexOf(xml.charAt(end)) < 0) end++;
                sent.add(xml.substring(start, end));
            }
        } catch (FramingException e) {
            sent.add("(bad frame: " + e.getMessage() + ")");
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override public void close() throws IOException {
        server.close();
        sockets.forEach(LinkProxy::closeQuietly);
    }
}
