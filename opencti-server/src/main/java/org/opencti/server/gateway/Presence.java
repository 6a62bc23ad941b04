package org.opencti.server.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.AgentState;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.Logout;
import org.opencti.server.session.AgentSession;
import org.opencti.server.session.DesktopSocket;

/**
 * Who is still there, on the scheduler's time: heartbeats on every open socket (a socket silent longer than
 * {@code deadSocketAfter} is closed), and for a session left without a tab, the DesktopLost and grace timers.
 */
final class Presence {
    private final CtiConnector connector;
    private final Scheduler scheduler;
    private final GatewaySettings settings;
    private final Consumer<DesktopSocket> closeDead;
    private final Consumer<AgentSession> end;
    private final Map<String, Instant> lastHeard = new ConcurrentHashMap<>();
    private final Map<String, DesktopSocket> open = new ConcurrentHashMap<>();

    /**
     * @param closeDead what the gateway does with a socket it closed for silence (as if the socket had closed)
     * @param end       ends a session whose grace ran out
     */
    Presence(CtiConnector connector, Scheduler scheduler, GatewaySettings settings, Consumer<DesktopSocket> closeDead,
             Consumer<AgentSession> end) {
        this.connector = connector;
        this.scheduler = scheduler;
        this.settings = settings;
        this.closeDead = closeDead;
        this.end = end;
        scheduler.every(settings.heartbeat(), this::heartbeat);
    }

    void opened(DesktopSocket socket) {
        open.put(socket.id(), socket);
        lastHeard.put(socket.id(), scheduler.now());
    }

    void heard(DesktopSocket socket) { lastHeard.put(socket.id(), scheduler.now()); }

    void closed(DesktopSocket socket) {
        open.remove(socket.id());
        lastHeard.remove(socket.id());
    }

    /**
     * Sends pings and closes sockets that would be silent longer than the dead-socket timeout by the next beat: a dead
     * socket is closed within {@code deadSocketAfter} of its last frame, whatever the phase of the heartbeat.
     */
    private void heartbeat() {
        Instant now = scheduler.now();
        for (DesktopSocket socket : open.values()) {
            Instant heard = lastHeard.get(socket.id());
            if (heard != null && Duration.between(heard, now).plus(settings.heartbeat()).compareTo(settings.deadSocketAfter()) > 0) {
                socket.close(1001, "no heartbeat for " + settings.deadSocketAfter().toSeconds() + " s");
                closeDead.accept(socket);
            } else {
                socket.send("{\"op\":\"ping\"}");
            }
        }
    }

    /**
     * With no tab left: a Ready agent is made NotReady (DesktopLost) so a vanished desktop gets no calls, and the
     * session ends after the grace period unless a tab comes back.
     */
    void startAbsenceTimers(AgentSession session) {
        Scheduler.Cancellable desktopLost = scheduler.schedule(settings.desktopLostAfter(), () -> {
            if (!session.hasSockets() && session.desk().state() == AgentState.Ready && !session.clientSide())
                connector.execute(new RequestId("desktop-lost-" + session.id()), session.user().id(),
                        new AgentNotReady(settings.desktopLostReason(), null));
        });
        Scheduler.Cancellable grace = scheduler.schedule(settings.sessionGrace(), () -> {
            if (session.hasSockets()) return;
            if (!session.clientSide() && session.desk().state() != AgentState.LoggedOut)
                connector.execute(new RequestId("grace-logout-" + session.id()), session.user().id(), new Logout("DesktopLost"));
            end.accept(session);
        });
        session.timers(desktopLost, grace);
    }
}
