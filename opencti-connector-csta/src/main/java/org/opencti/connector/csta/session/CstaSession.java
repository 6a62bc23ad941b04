package org.opencti.connector.csta.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.mapping.CstaRequest;
import org.opencti.connector.csta.mapping.ErrorMapping;
import org.opencti.connector.csta.xml.CstaDecoder;
import org.opencti.connector.csta.xml.CstaEvent;
import org.opencti.connector.csta.xml.CstaFormatException;
import org.opencti.connector.csta.xml.CstaMessage;
import org.opencti.connector.csta.xml.CstaNames;
import org.opencti.connector.csta.xml.XmlBuilder;
import org.opencti.connector.csta.xml.XmlElement;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;

/**
 * The ECMA-354 application session over one connection at a time: StartApplicationSession, keep-alive
 * (ResetApplicationSessionTimer at a third of the duration), a SystemStatus heartbeat that notices a dead or
 * half-open link, SystemStatus answered, StopApplicationSession on close, and reconnection with jittered
 * exponential backoff. Requests get invokeIDs and are matched to their responses (events may come first). Every
 * timer runs on the injected {@link Scheduler}.
 */
public final class CstaSession implements CstaConnection.Listener {
    /** What the connector hears from the session. Called on I/O threads; implementations must not block them. */
    public interface Listener {
        void onEvent(CstaEvent event);

        /** The link is up with a fresh session (first time or after a loss). */
        void onLinkUp(boolean reconnected);

        /** The link was lost; every outstanding request already failed with {@code OPENCTI_LINK_DOWN}. */
        void onLinkDown(String why);
    }

    private record Pending(String errorContext, CompletableFuture<XmlElement> answer, Scheduler.Cancellable timeout) {}

    private final SessionSettings settings;
    private final Scheduler scheduler;
    private final Listener listener;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger invokeCounter = new AtomicInteger();
    private final Object lock = new Object();
    private volatile LinkState state = LinkState.Disconnected;
    private volatile Instant lastReceived;
    private CstaConnection connection;
    private String sessionId;
    private String namespace;
    private Scheduler.Cancellable keepAlive;
    private Scheduler.Cancellable heartbeat;
    private int attempts;
    private volatile CompletableFuture<XmlElement> ping;
    private volatile int missedPings;
    private boolean everUp;
    private boolean closed;

    public CstaSession(SessionSettings settings, Scheduler scheduler, Listener listener) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.listener = listener;
        this.namespace = settings.protocol();
    }

    public LinkState state() { return state; }

    /** The CSTA namespace of the session's protocol edition, for requests. */
    public String namespace() { return namespace; }

    public void start() { connectSoon(Duration.ZERO); }

    /**
     * Sends a request; the future completes with the positive response or fails with a {@link CtiException}
     * (the switch's error mapped, {@code OPENCTI_LINK_DOWN} at once when the link is down, {@code OPENCTI_TIMEOUT}).
     */
    public CompletableFuture<XmlElement> request(CstaRequest request) {
        CstaConnection target;
        synchronized (lock) {
            target = state == LinkState.Connected ? connection : null;
        }
        if (target == null) return CompletableFuture.failedFuture(linkDown(request.service()));
        return send(target, request, namespace);
    }

    private CompletableFuture<XmlElement> send(CstaConnection target, CstaRequest request, String ns) {
        String invokeId = nextInvokeId();
        CompletableFuture<XmlElement> answer = new CompletableFuture<>();
        Scheduler.Cancellable timeout = scheduler.schedule(settings.requestTimeout(), () -> {
            Pending gone = pending.remove(invokeId);
            if (gone != null) gone.answer.completeExceptionally(new CtiException(ErrorCode.OPENCTI_TIMEOUT,
                    request.service() + " got no answer from the CTI server within " + settings.requestTimeout().toSeconds() + " s"));
        });
        pending.put(invokeId, new Pending(request.errorContext(), answer, timeout));
        XmlBuilder xml = XmlBuilder.root(request.service(), ns, settings.framer().carriesInvokeId() ? null : invokeId);
        request.body().accept(xml);
        target.send(invokeId, xml.build());
        return answer;
    }

    private String nextInvokeId() {
        // 0001-9998 wrapping: 9999 marks events and 0000 is avoided as some switches treat it as "none".
        return String.format("%04d", 1 + Math.floorMod(invokeCounter.getAndIncrement(), 9998));
    }

    private static CtiException linkDown(String service) {
        return new CtiException(ErrorCode.OPENCTI_LINK_DOWN, "The CTI link is down; " + service
                + " was not sent. Retry when the link is Connected again.");
    }

    // ---- connecting ----

    private void connectSoon(Duration delay) {
        synchronized (lock) {
            if (closed) return;
            if (everUp) state = LinkState.Reconnecting;
        }
        if (delay.isZero()) Thread.ofVirtual().name("csta-connect").start(this::connect);
        else scheduler.schedule(delay, () -> Thread.ofVirtual().name("csta-connect").start(this::connect));
    }

    private void connect() {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), (int) settings.connectTimeout().toMillis());
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was opened
            }
            retryLater();
            return;
        }
        CstaConnection opened = new CstaConnection(socket, settings.framer(), this);
        synchronized (lock) {
            if (closed) {
                opened.close("connector closed");
                return;
            }
            connection = opened;
        }
        lastReceived = scheduler.now();
        opened.start("csta-" + settings.host() + ":" + settings.port());
        CstaRequest start = CstaRequest.of("StartApplicationSession", b -> b.open("applicationInfo")
                .text("applicationID", settings.applicationId()).close("applicationInfo")
                .open("requestedProtocolVersions").text("protocolVersion", settings.protocol()).close("requestedProtocolVersions")
                .text("requestedSessionDuration", String.valueOf(settings.sessionDuration().toSeconds())));
        send(opened, start, CstaNames.SESSION).whenComplete((response, failure) -> {
            if (failure != null) {
                opened.close("StartApplicationSession failed: " + failure.getMessage());
                return;
            }
            sessionUp(opened, response);
        });
    }

    private void retryLater() {
        long base = settings.reconnectMin().toMillis() << Math.min(attempts++, 16);
        long capped = Math.min(base, settings.reconnectMax().toMillis());
        // Full jitter in [half, whole] keeps many connectors from reconnecting in lockstep after a switch restart.
        long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        connectSoon(Duration.ofMillis(delay));
    }

    private void sessionUp(CstaConnection opened, XmlElement response) {
        boolean reconnected;
        synchronized (lock) {
            if (closed || connection != opened) return;
            sessionId = response.text("sessionID");
            String actual = response.text("actualProtocolVersion");
            if (actual != null) namespace = actual;
            Duration duration = response.text("actualSessionDuration") == null ? settings.sessionDuration()
                    : Duration.ofSeconds(Long.parseLong(response.text("actualSessionDuration")));
            keepAlive = scheduler.every(duration.dividedBy(3), () -> keepAlive(opened, duration));
            ping = null;
            missedPings = 0;
            heartbeat = scheduler.every(settings.heartbeat(), () -> heartbeat(opened));
            attempts = 0;
            reconnected = everUp;
            everUp = true;
            state = LinkState.Connected;
        }
        listener.onLinkUp(reconnected);
    }

    private void keepAlive(CstaConnection opened, Duration duration) {
        send(opened, CstaRequest.of("ResetApplicationSessionTimer", b -> b.text("sessionID", sessionId)
                .text("requestedSessionDuration", String.valueOf(duration.toSeconds()))), CstaNames.SESSION);
    }

    /**
     * A SystemStatus ping per heartbeat; two pings in a row unanswered at the next beat mean the link is dead, even
     * if TCP says nothing (a half-open link), so loss is noticed within three heartbeats. Only the ping's own answer
     * counts: a late event still in flight proves nothing about the path now.
     */
    private void heartbeat(CstaConnection opened) {
        if (opened.isClosed()) return;
        CompletableFuture<XmlElement> last = ping;
        boolean answered = last == null || (last.isDone() && !last.isCompletedExceptionally());
        missedPings = answered ? 0 : missedPings + 1;
        if (missedPings >= 2) {
            opened.close("no answer to " + missedPings + " heartbeats in a row; last message from the CTI server "
                    + Duration.between(lastReceived, scheduler.now()).toSeconds() + " s ago (half-open link?)");
            return;
        }
        ping = send(opened, CstaRequest.of("SystemStatus", b -> b.text("systemStatus", "normal")), namespace);
    }

    // ---- incoming ----

    @Override public void onFrame(CstaConnection from, Frame frame) {
        lastReceived = scheduler.now();
        CstaMessage message;
        try {
            message = CstaDecoder.decode(frame);
        } catch (CstaFormatException e) {
            return; // one unreadable message must not cost the link; the switch's next one is probably fine
        }
        switch (message) {
            case CstaMessage.Event e -> listener.onEvent(e.event());
            case CstaMessage.Response r -> {
                Pending p = r.invokeId() == null ? null : pending.remove(r.invokeId());
                if (p != null) {
                    p.timeout.cancel();
                    p.answer.complete(r.body());
                }
            }
            case CstaMessage.ErrorResponse r -> {
                Pending p = r.invokeId() == null ? null : pending.remove(r.invokeId());
                if (p != null) {
                    p.timeout.cancel();
                    p.answer.completeExceptionally(ErrorMapping.toCti(r.error(), p.errorContext));
                }
            }
            case CstaMessage.SwitchRequest r -> {
                if (r.name().equals("SystemStatus") && r.invokeId() != null) {
                    XmlElement body = r.body();
                    XmlBuilder reply = XmlBuilder.root("SystemStatusResponse", body.namespace().isEmpty() ? namespace : body.namespace(),
                            settings.framer().carriesInvokeId() ? null : r.invokeId());
                    from.send(r.invokeId(), reply.build());
                }
            }
            case CstaMessage.Unknown u -> { /* an event or message OpenCTI does not use */ }
        }
    }

    @Override public void onClosed(CstaConnection closedConnection, String why) {
        boolean wasUp;
        synchronized (lock) {
            if (connection != closedConnection) return;
            connection = null;
            wasUp = state == LinkState.Connected;
            if (keepAlive != null) keepAlive.cancel();
            if (heartbeat != null) heartbeat.cancel();
            state = closed ? LinkState.Disconnected : everUp ? LinkState.Reconnecting : LinkState.Disconnected;
        }
        pending.values().forEach(p -> {
            p.timeout.cancel();
            p.answer.completeExceptionally(new CtiException(ErrorCode.OPENCTI_LINK_DOWN, "The CTI link was lost (" + why
                    + ") before the answer came; the request may or may not have been carried out."));
        });
        pending.clear();
        if (wasUp) listener.onLinkDown(why);
        if (!closed) retryLater();
    }

    /** Stops the session politely (StopApplicationSession, briefly awaited) and closes the link. Idempotent. */
    public void close() {
        CstaConnection open;
        boolean wasUp;
        synchronized (lock) {
            if (closed) return;
            wasUp = state == LinkState.Connected;
            open = connection;
        }
        if (open != null && wasUp) {
            try {
                send(open, CstaRequest.of("StopApplicationSession", b -> b.text("sessionID", sessionId).open("sessionEndReason")
                        .text("appEndReason", "normal").close("sessionEndReason")), CstaNames.SESSION)
                        .get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // closing anyway: the switch's answer only confirms what the closed socket says
            }
        }
        synchronized (lock) {
            closed = true;
            state = LinkState.Disconnected;
        }
        if (open != null) open.close("connector closed");
    }
}
