package org.opencti.server.session;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A desktop socket whose unsent frames are bounded: frames wait here, in order, and go to the transport one at a time
 * (asynchronously); a frame counts until the transport reports it written. A socket whose reader falls behind by more than
 * {@code maxFrames} frames or {@code maxBytes} bytes is closed with code {@value #CLOSE_CODE} (try again later) and a
 * reason saying so, and sends nothing more: memory stays bounded, the other tabs and agents are not held up, and
 * the session keeps its replay buffer, so the desktop resumes with its {@code lastSeq}.
 */
public final class SendQueue implements DesktopSocket {
    /** RFC 6455 "Try Again Later": the server is overloaded by this client, which may reconnect. */
    public static final int CLOSE_CODE = 1013;

    /** The asynchronous side of a socket: a real WebSocket in the server, a fake in tests. */
    public interface Transport {
        String id();

        /** Queues {@code text} for writing; calls {@code written} (or {@code failed}) once, maybe on another thread. */
        void send(String text, Runnable written, Consumer<Throwable> failed);

        void close(int code, String reason);
    }

    private final Transport transport;
    private final int maxFrames;
    private final long maxBytes;
    private final Consumer<SendQueue> overflowed;
    /** Frames not yet written, oldest first; the head is being written while {@code writing}. */
    private final ArrayDeque<String> frames = new ArrayDeque<>();
    private long bytes;
    private int peakFrames;
    private long peakBytes;
    private boolean writing;
    private boolean closed;

    /** @param overflowed told once when this socket fell behind its bound and was closed */
    public SendQueue(Transport transport, int maxFrames, long maxBytes, Consumer<SendQueue> overflowed) {
        if (maxFrames < 1 || maxBytes < 1)
            throw new IllegalArgumentException("a send queue needs room for at least one frame and one byte, got "
                    + maxFrames + " frames and " + maxBytes + " bytes");
        this.transport = transport;
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
        this.overflowed = overflowed;
    }

    @Override public String id() { return transport.id(); }

    /** Never blocks; a frame that does not fit closes the socket instead. */
    @Override public void send(String text) {
        long size = utf8Length(text);
        String reason;
        synchronized (this) {
            if (closed) return;
            if (frames.size() + 1 <= maxFrames && bytes + size <= maxBytes) {
                frames.addLast(text);
                bytes += size;
                peakFrames = Math.max(peakFrames, frames.size());
                peakBytes = Math.max(peakBytes, bytes);
                if (writing) return; // the write in progress goes on with this one
                writing = true;
                reason = null;
            } else {
                closed = true;
                reason = "send queue full (" + frames.size() + " frames, " + bytes + " bytes unsent); resume with lastSeq";
                frames.clear();
                bytes = 0;
            }
        }
        if (reason != null) {
            transport.close(CLOSE_CODE, reason);
            overflowed.accept(this);
            return;
        }
        writeFromHead();
    }

    /**
     * Writes the queue one frame at a time, in order, never holding this lock while the transport works (its
     * completions may come on its own threads). A write that completes at once continues in this loop rather than
     * in its callback, so a fast socket does not grow the stack.
     */
    private void writeFromHead() {
        while (true) {
            String next;
            synchronized (this) {
                if (closed || frames.isEmpty()) {
                    writing = false;
                    return;
                }
                next = frames.peekFirst();
            }
            Write write = new Write();
            transport.send(next, () -> written(write, next), failure -> written(write, next));
            synchronized (this) {
                write.returned = true;
                if (!write.done) return; // its callback goes on when the transport finishes
            }
        }
    }

    private void written(Write write, String frame) {
        boolean goOn;
        synchronized (this) {
            if (!closed && frames.peekFirst() == frame) {
                frames.pollFirst();
                bytes -= utf8Length(frame);
            }
            write.done = true;
            goOn = write.returned; // else writeFromHead is still in its loop and goes on itself
        }
        if (goOn) writeFromHead();
    }

    /** One frame handed to the transport: whether {@code send} has returned, and whether the write is done. */
    private static final class Write {
        boolean returned;
        boolean done;
    }

    @Override public void close(int code, String reason) {
        synchronized (this) {
            closed = true;
        }
        transport.close(code, reason);
    }

    /** What the queue holds now and at most so far, and whether it overflowed: for tests and metrics. */
    public synchronized Counters counters() { return new Counters(frames.size(), bytes, peakFrames, peakBytes, closed); }

    /** @param closed true once the socket was closed (by overflow or otherwise); nothing is sent after that */
    public record Counters(int frames, long bytes, int peakFrames, long peakBytes, boolean closed) {}

    private static long utf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) length++;
            else if (c < 0x800) length += 2;
            else if (Character.isHighSurrogate(c)) { length += 4; i++; }
            else length += 3;
        }
        return length;
    }
}
