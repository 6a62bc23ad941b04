package org.opencti.connector.csta.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.framing.Framer;

/**
 * One TCP connection to the switch: a reader thread that turns bytes into frames, and a writer thread fed by a
 * queue, so no caller ever blocks on a slow or half-open socket. Closing is idempotent; the listener hears about
 * the end exactly once.
 */
final class CstaConnection {
    interface Listener {
        /** On the reader thread, in arrival order. */
        void onFrame(CstaConnection connection, Frame frame);

        /** Once, on whichever thread noticed the end. */
        void onClosed(CstaConnection connection, String why);
    }

    private static final byte[] POISON = new byte[0];

    private final Socket socket;
    private final Framer framer;
    private final Listener listener;
    private final LinkedBlockingQueue<byte[]> outgoing = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    CstaConnection(Socket socket, Framer framer, Listener listener) {
        this.socket = socket;
        this.framer = framer;
        this.listener = listener;
    }

    void start(String name) {
        Thread.ofPlatform().daemon().name(name + "-reader").start(this::read);
        Thread.ofPlatform().daemon().name(name + "-writer").start(this::write);
    }

    /** Queues one message; never blocks. */
    void send(String invokeId, String xml) {
        if (!closed.get()) outgoing.add(framer.encode(invokeId, xml));
    }

    void close(String why) {
        if (!closed.compareAndSet(false, true)) return;
        outgoing.add(POISON);
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that is already broken: nothing left to release
        }
        listener.onClosed(this, why);
    }

    boolean isClosed() { return closed.get(); }

    private void read() {
        Framer.Decoder decoder = framer.decoder();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = socket.getInputStream()) {
            while (!closed.get()) {
                int n = in.read(buffer);
                if (n < 0) {
                    close("the switch closed the connection");
                    return;
                }
                for (Frame frame : decoder.feed(buffer, n)) listener.onFrame(this, frame);
            }
        } catch (IOException e) {
            close("read failed: " + e.getMessage());
        } catch (RuntimeException e) {
            close("reader failed: " + e);
            throw e;
        }
    }

    private void write() {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                byte[] bytes = outgoing.take();
                if (bytes == POISON) return;
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
