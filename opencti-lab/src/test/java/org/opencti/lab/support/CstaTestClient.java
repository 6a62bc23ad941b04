package org.opencti.lab.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.opencti.lab.protocol.Frame;
import org.opencti.lab.protocol.FrameDecoder;
import org.opencti.lab.protocol.XmlElement;
import org.opencti.lab.protocol.XmlReader;

/**
 * A raw CSTA client over TCP for tests: numbered requests, responses matched by invokeID, events sorted into
 * one queue per monitorCrossRefID. Waits fail after a timeout listing what was seen; nothing sleeps.
 */
public final class CstaTestClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    public record Received(String invokeId, XmlElement message) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final Map<String, BlockingQueue<Received>> responses = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<XmlElement>> events = new ConcurrentHashMap<>();
    private final BlockingQueue<Received> labRequests = new LinkedBlockingQueue<>();
    private final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);
    private int nextInvokeId = 1;

    private CstaTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread.ofVirtual().name("csta-test-client").start(this::read);
    }

    public static CstaTestClient connect(int port) {
        try {
            return new CstaTestClient(new Socket(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot connect to the lab on port " + port, e);
        }
    }

    /** Sends a request and returns the lab's answer (positive or CSTAErrorCode) with the same invokeID. */
    public synchronized XmlElement request(String xml) {
        String invokeId = String.format("%04d", nextInvokeId++);
        send(Frame.of(invokeId, xml).encode());
        return response(invokeId);
    }

    /** A request that must succeed: fails the test on a CSTAErrorCode or NegResponse. */
    public XmlElement ok(String xml) {
        XmlElement response = request(xml);
        if (response.name().equals("CSTAErrorCode") || response.name().endsWith("NegResponse"))
            fail("Expected a positive response to%n%s%nbut got%n%s", xml, response);
        return response;
    }

    /** A request that must be refused with {@code category/value}; returns the error. */
    public XmlElement error(String xml, String category, String value) {
        XmlElement response = request(xml);
        if (!response.name().equals("CSTAErrorCode") || !response.text(category).orElse("").equals(value))
            fail("Expected CSTAErrorCode %s/%s to%n%s%nbut got%n%s", category, value, xml, response);
        return response;
    }

    public XmlElement response(String invokeId) {
        try {
            Received received = queue(responses, invokeId).poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (received == null)
                fail("No response to invokeID %s within %s; seen: %s", invokeId, TIMEOUT, seen);
            return received.message();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MonitorStart on a device; returns the monitorCrossRefID. */
    public String monitor(String device) {
        return ok(Csta.monitorStart(device)).text("monitorCrossRefID").orElseThrow();
    }

    /** The next event of a monitor, which must be {@code name}. */
    public XmlElement next(String crossRefId, String name) {
        XmlElement event = take(crossRefId);
        if (!event.name().equals(name))
            fail("Monitor %s: expected %s next but got%n%s%nall seen: %s", crossRefId, name, event, seen);
        return event;
    }

    /** Skips a monitor's events until one named {@code name} that matches. */
    public XmlElement await(String crossRefId, String name, Predicate<XmlElement> matches) {
        List<String> skipped = new ArrayList<>();
        while (true) {
            XmlElement event = take(crossRefId, skipped);
            if (event.name().equals(name) && matches.test(event))
                return event;
            skipped.add(event.toString());
        }
    }

    public XmlElement await(String crossRefId, String name) {
        return await(crossRefId, name, e -> true);
    }

    /** The names of the events a monitor has received and not yet consumed. */
    public List<String> pendingEvents(String crossRefId) {
        return queue(events, crossRefId).stream().map(XmlElement::name).toList();
    }

    /** The next request the lab sent us (SystemStatus). */
    public Received labRequest() {
        try {
            Received received = labRequests.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (received == null)
                fail("No request from the lab within %s; seen: %s", TIMEOUT, seen);
            return received;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendRaw(byte[] bytes) {
        send(bytes);
    }

    public boolean awaitClosed() {
        try {
            return closed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every message received so far, as {@code invokeID element}, oldest first. */
    public List<String> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    private XmlElement take(String crossRefId) {
        return take(crossRefId, List.of());
    }

    private XmlElement take(String crossRefId, List<String> skipped) {
        try {
            XmlElement event = queue(events, crossRefId).poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null)
                fail("Monitor %s: no event within %s; skipped: %s; all seen: %s", crossRefId, TIMEOUT, skipped, seen);
            return event;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write to the lab", e);
        }
    }

    private void read() {
        FrameDecoder decoder = new FrameDecoder();
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (Frame frame : decoder.feed(buffer, n)) {
                    XmlElement message = XmlReader.parse(frame.body());
                    seen.add(frame.invokeId() + " " + message);
                    if (frame.invokeId().equals(Frame.EVENT_INVOKE_ID) && message.name().endsWith("Event"))
                        queue(events, message.text("monitorCrossRefID").orElse("?")).add(message);
                    else if (message.name().endsWith("Response") || message.name().equals("CSTAErrorCode"))
                        queue(responses, frame.invokeId()).add(new Received(frame.invokeId(), message));
                    else
                        labRequests.add(new Received(frame.invokeId(), message));
                }
            }
        } catch (IOException e) {
            seen.add("(connection ended: " + e.getMessage() + ")");
        } finally {
            closed.countDown();
        }
    }

    private static <T> BlockingQueue<T> queue(Map<String, BlockingQueue<T>> queues, String key) {
        return queues.computeIfAbsent(key, k -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
