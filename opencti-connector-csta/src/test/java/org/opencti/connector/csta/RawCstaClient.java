package org.opencti.connector.csta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.framing.Framer;
import org.opencti.connector.csta.xml.CstaDecoder;
import org.opencti.connector.csta.xml.CstaMessage;
import org.opencti.connector.csta.xml.CstaNames;
import org.opencti.connector.csta.xml.XmlBuilder;

/**
 * The far side's own plain CSTA client: it plays outside numbers (answer, hang up) the way the profile allows any
 * client to. Synchronous: one request, then read until its answer, skipping the lab's own messages.
 */
final class RawCstaClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framer.Decoder decoder = Framer.header().decoder();
    private final Deque<Frame> buffered = new ArrayDeque<>();
    private int invoke = 1;

    RawCstaClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    boolean isClosed() { return socket.isClosed(); }

    /** Sends one service and returns its answer (a response or an error). */
    synchronized CstaMessage request(String service, Consumer<XmlBuilder> body) throws IOException {
        String id = String.format("%04d", invoke++);
        XmlBuilder xml = XmlBuilder.root(service, CstaNames.ED4, null);
        body.accept(xml);
        out.write(Framer.header().encode(id, xml.build()));
        out.flush();
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            while (!buffered.isEmpty()) {
                Frame frame = buffered.poll();
                if (!id.equals(frame.invokeId())) continue;
                try {
                    CstaMessage message = CstaDecoder.decode(frame);
                    if (message instanceof CstaMessage.Response || message instanceof CstaMessage.ErrorResponse) return message;
                } catch (Exception e) {
                    throw new IOException("unreadable answer to " + service, e);
                }
            }
            int n = in.read(buffer);
            if (n < 0) throw new IOException("the lab closed the far side's CSTA connection");
            buffered.addAll(decoder.feed(buffer, n));
        }
    }

    @Override public void close() throws IOException { socket.close(); }
}
