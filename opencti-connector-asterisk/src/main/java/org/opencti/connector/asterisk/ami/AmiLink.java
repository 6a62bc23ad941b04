package org.opencti.connector.asterisk.ami;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.opencti.connector.asterisk.AsteriskSettings;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;

/**
 * One AMI session at a time, kept up: asterisk-java's manager layer connects, logs in (MD5 challenge), writes
 * actions and parses events; this class owns everything time-related on the injected {@link Scheduler}: a
 * {@code Ping} every {@code pingInterval} (a link whose previous Ping is still unanswered is lost, so a half-open
 * socket is noticed within two intervals), and reconnect attempts with exponential backoff from
 * {@code reconnectMin} to {@code reconnectMax}. asterisk-java's own reconnect thread is stopped at once (logoff) so
 * there is exactly one retry policy.
 *
 * <p>Threading: events reach the {@link Listener} on asterisk-java's reader thread, in wire order. Blocking calls
 * (login, list actions) run on virtual threads, never on the scheduler's thread.
 */
public final class AmiLink {

    /** What the link tells its owner. */
    public interface Listener {
        void onEvent(ManagerEvent event);

        /** Logged in; {@code reconnected} is false the first time. Called on a virtual thread that may block. */
        void onLinkUp(boolean reconnected);

        void onLinkDown(String why);
    }

    private final AsteriskSettings settings;
    private final Scheduler scheduler;
    private final Listener listener;
    private final AtomicLong actionIds = new AtomicLong();
    private final Map<String, CompletableFuture<ManagerResponse>> pending = new ConcurrentHashMap<>();
    private volatile LinkState state = LinkState.Disconnected;
    private volatile ManagerConnection connection;
    private volatile Scheduler.Cancellable pinger;
    private volatile String unansweredPing;
    private volatile Duration backoff;
    private volatile boolean everUp;
    private volatile boolean closed;
    /** Bumped at every new connection, so late callbacks of an old one change nothing. */
    private final AtomicLong generation = new AtomicLong();

    public AmiLink(AsteriskSettings settings, Scheduler scheduler, Listener listener) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.listener = listener;
        this.backoff = settings.reconnectMin();
    }

    public LinkState state() { return state; }

    public void start() { Thread.ofVirtual().name("ami-connect").start(this::connect); }

    private void connect() {
        if (closed) return;
        long mine = generation.incrementAndGet();
        ManagerConnection candidate = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.secret()).createManagerConnection();
        ManagerEventListener forward = event -> {
            if (generation.get() != mine) return;
            if (event instanceof DisconnectEvent) lost(mine, "Asterisk closed the AMI connection");
            else listener.onEvent(event);
        };
        candidate.addEventListener(forward);
        connection = candidate;
        try {
            candidate.login("on");
        } catch (Exception e) {
            if (generation.get() == mine) retryLater("login to " + settings.host() + ":" + settings.port() + " failed: " + e);
            return;
        }
        if (closed || generation.get() != mine) {
            stop(candidate);
            return;
        }
        state = LinkState.Connected;
        backoff = settings.reconnectMin();
        unansweredPing = null;
        pinger = scheduler.every(settings.pingInterval(), () -> ping(mine));
        boolean reconnected = everUp;
        everUp = true;
        listener.onLinkUp(reconnected);
    }

    private void ping(long mine) {
        if (generation.get() != mine || state != LinkState.Connected) return;
        if (unansweredPing != null) {
            lost(mine, "Asterisk did not answer Ping " + unansweredPing + " within " + settings.pingInterval().toSeconds() + " s");
            return;
        }
        PingAction ping = new PingAction();
        String id = nextActionId();
        ping.setActionId(id);
        unansweredPing = id;
        try {
            connection.sendAction(ping, response -> {
                if (response != null && id.equals(unansweredPing)) unansweredPing = null;
            });
        } catch (Exception e) {
            lost(mine, "Ping could not be written: " + e);
        }
    }

    private void lost(long mine, String why) {
        synchronized (this) {
            if (generation.get() != mine || state != LinkState.Connected) return;
            generation.incrementAndGet();
            state = LinkState.Disconnected;
        }
        Scheduler.Cancellable timer = pinger;
        if (timer != null) timer.cancel();
        ManagerConnection old = connection;
        Thread.ofVirtual().name("ami-close").start(() -> stop(old));
        failPending(why);
        listener.onLinkDown(why);
        retryLater(why);
    }

    private void retryLater(String why) {
        if (closed) return;
        Duration wait = backoff;
        Duration doubled = wait.multipliedBy(2);
        backoff = doubled.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : doubled;
        if (everUp) state = LinkState.Reconnecting;
        scheduler.schedule(wait, () -> Thread.ofVirtual().name("ami-connect").start(this::connect));
    }

    private void failPending(String why) {
        for (var entry : Map.copyOf(pending).entrySet()) {
            if (pending.remove(entry.getKey(), entry.getValue()))
                entry.getValue().completeExceptionally(new CtiException(ErrorCode.OPENCTI_LINK_DOWN,
                        "The AMI link to " + settings.host() + ":" + settings.port() + " was lost (" + why
                                + ") before Asterisk answered action " + entry.getKey() + "; retry when it is Connected."));
        }
    }

    public String nextActionId() { return "opencti-" + actionIds.incrementAndGet(); }

    /**
     * Sends one action; completes with Asterisk's {@code Response: Success}, fails with a {@link CtiException}:
     * {@code OPENCTI_LINK_DOWN} when the link is down or drops first, else {@code OPENCTI_CF_GENERIC_OPERATION}
     * carrying Asterisk's {@code Message}.
     */
    public CompletableFuture<ManagerResponse> send(ManagerAction action) {
        ManagerConnection open = connection;
        if (state != LinkState.Connected || open == null)
            return CompletableFuture.failedFuture(new CtiException(ErrorCode.OPENCTI_LINK_DOWN, "The AMI link to "
                    + settings.host() + ":" + settings.port() + " is " + state + "; " + action.getAction() + " was not sent."));
        String id = nextActionId();
        action.setActionId(id);
        CompletableFuture<ManagerResponse> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            open.sendAction(action, response -> {
                if (!pending.remove(id, answer)) return;
                if (response == null)
                    answer.completeExceptionally(new CtiException(ErrorCode.OPENCTI_LINK_DOWN, "The AMI link closed before Asterisk answered "
                            + action.getAction() + " " + id + "."));
                else if (response instanceof ManagerError error)
                    answer.completeExceptionally(new CtiException(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, "Asterisk refused "
                            + action.getAction() + " " + id + ": " + error.getMessage(), Map.of("action", action.getAction())));
                else answer.complete(response);
            });
        } catch (Exception e) {
            pending.remove(id, answer);
            answer.completeExceptionally(new CtiException(ErrorCode.OPENCTI_LINK_DOWN, action.getAction() + " could not be written to "
                    + settings.host() + ":" + settings.port() + ": " + e, Map.of(), e));
        }
        return answer;
    }

    /** A list action ({@code CoreShowChannels}, {@code QueueStatus}): its events up to the {@code ...Complete} one. Blocks. */
    public ResponseEvents list(EventGeneratingAction action, Duration timeout) throws Exception {
        ManagerConnection open = connection;
        if (state != LinkState.Connected || open == null)
            throw new CtiException(ErrorCode.OPENCTI_LINK_DOWN, "The AMI link is " + state + "; " + action.getAction() + " was not sent.");
        action.setActionId(nextActionId());
        return open.sendEventGeneratingAction(action, timeout.toMillis());
    }

    private static void stop(ManagerConnection old) {
        if (old == null) return;
        try {
            if (old.getState() == ManagerConnectionState.CONNECTED || old.getState() == ManagerConnectionState.RECONNECTING) old.logoff();
        } catch (RuntimeException e) {
            // Already closed by the other side: nothing left to stop.
        }
    }

    public void close() {
        closed = true;
        generation.incrementAndGet();
        state = LinkState.Disconnected;
        Scheduler.Cancellable timer = pinger;
        if (timer != null) timer.cancel();
        failPending("the connector was closed");
        stop(connection);
    }
}
