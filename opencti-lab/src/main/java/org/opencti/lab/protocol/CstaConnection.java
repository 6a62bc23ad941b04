package org.opencti.lab.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's TCP connection: a reader thread cutting frames and a writer thread draining a queue, so the
 * event loop never blocks on a slow client. Frames go to {@code onFrame} on the reader thread; the close
 * callback runs once, whoever closes first.
 */
final class CstaConnection implements ClientLink {

    private static final Logger log = LoggerFactory.getLogger(CstaConnection.class);
    private static final byte[] CLOSE = new byte[0];

    private final long id;
    private final Socket socket;
    private final LinkedBlockingQueue<byte[]> outgoing = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onSilenced;
    private volatile boolean silent;
    private final Consumer<Frame> onFrame;
    private final Runnable onClose;

    /** {@code onSilenced} runs for every frame a half-open link swallows, either way (the fault counters). */
    CstaConnection(long id, Socket socket, Consumer<Frame> onFrame, Runnable onClose, Runnable onSilenced) {
        this.id = id;
        this.onSilenced = onSilenced;
        this.socket = socket;
        this.onFrame = onFrame;
        this.onClose = onClose;
    }

    @Override
    public long id() {
        return id;
    }

    void start() {
        Thread.ofVirtual().name("csta-read-" + id).start(this::read);
        Thread.ofVirtual().name("csta-write-" + id).start(this::write);
    }

    /** Queues a frame; never blocks. Frames sent after close are dropped. */
    @Override
    public void send(String invokeId, String xml) {
        if (silent)
            onSilenced.run();
        else if (!closed.get())
            outgoing.add(Frame.of(invokeId, xml).encode());
    }

    @Override
    public void silence() {
        silent = true;
    }

    @Override
    public boolean silent() {
        return silent;
    }

    /** Closes after the frames already queued have been written. */
    @Override
    public void closeAfterWrites() {
        outgoing.add(CLOSE);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true))
            return;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing CSTA connection {} failed", id, e);
        }
        outgoing.add(CLOSE);
        onClose.run();
    }

    private void read() {
        FrameDecoder decoder = new FrameDecoder();
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                List<Frame> frames = decoder.feed(buffer, n);
                for (Frame frame : frames) {
                    // Read and dropped, not left unread: the client's writes must not block, as on a dead path.
                    if (silent)
                        onSilenced.run();
                    else
                        onFrame.accept(frame);
                }
            }
        } catch (BadFrameException e) {
            log.info("Closing CSTA connection {}: {}", id, e.getMessage());
        } catch (SocketException e) {
            log.debug("CSTA connection {} reset: {}", id, e.getMessage());
        } catch (IOException e) {
            log.info("CSTA connection {} failed", id, e);
        } finally {
            close();
        }
    }

    private void write() {
        try (OutputStream out = socket.getOutputStream()) {
            while (true) {
                byte[] bytes = outgoing.take();
                if (bytes == CLOSE)
                    break;
                if (silent) {
                    onSilenced.run(); // queued before the link went half-open: lost with it
                    continue;
                }
                out.write(bytes);
                if (outgoing.isEmpty())
                    out.flush();
            }
        } catch (IOException e) {
            log.debug("CSTA connection {}: write failed: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }
}
