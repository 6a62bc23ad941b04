package org.opencti.server.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.TelephonyMode;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.json.CtiJson;
import org.opencti.server.desk.Desk;

/**
 * One logged-in agent: its desk, the gap-free event numbering ({@code seq} from 1), a bounded replay buffer for
 * resumes, the results of recent requests (a resent id is answered from memory), and the sockets of every tab.
 * Every method is synchronised: events are numbered and sent in one order to every tab.
 */
public final class AgentSession {
    private final String id;
    private final User user;
    private final TelephonyMode mode;
    private final boolean clientSide;
    private final Desk desk;
    private final int replayCapacity;
    private final ArrayDeque<String> replay = new ArrayDeque<>();
    private final Map<String, CompletableFuture<String>> results;
    private final Set<DesktopSocket> sockets = new CopyOnWriteArraySet<>();
    private long seq;
    private Scheduler.Cancellable desktopLostTimer;
    private Scheduler.Cancellable graceTimer;

    AgentSession(String id, User user, String device, TelephonyMode mode, boolean clientSide, int replayCapacity,
                 int rememberedRequests, Instant now) {
        this.id = id;
        this.user = user;
        this.mode = mode;
        this.clientSide = clientSide;
        this.desk = new Desk(user.id(), device, now);
        this.replayCapacity = replayCapacity;
        this.results = new LinkedHashMap<>(16, 0.75f, false) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<String>> eldest) {
                return size() > rememberedRequests;
            }
        };
    }

    public String id() { return id; }

    public User user() { return user; }

    public TelephonyMode mode() { return mode; }

    public boolean clientSide() { return clientSide; }

    public synchronized Desk desk() { return desk; }

    public synchronized long lastSeq() { return seq; }

    /** Numbers the event, applies it to the desk, keeps it for replay and sends it to every tab. */
    public synchronized CtiEvent deliver(CtiEvent event) {
        CtiEvent numbered = event.withSeq(++seq);
        desk.apply(numbered);
        keepAndSend(numbered);
        return numbered;
    }

    /**
     * Numbers and sends an event about someone else (a supervisor's team member, a queue) without touching this
     * session's desk. It is kept for replay like any event, so a supervisor's resume misses nothing either.
     */
    public synchronized CtiEvent observe(CtiEvent event) {
        CtiEvent numbered = event.withSeq(++seq);
        keepAndSend(numbered);
        return numbered;
    }

    private void keepAndSend(CtiEvent numbered) {
        String frame = eventFrame(numbered);
        replay.addLast(frame);
        if (replay.size() > replayCapacity) replay.removeFirst();
        for (DesktopSocket socket : sockets) socket.send(frame);
    }

    /**
     * Attaches a tab. With {@code lastSeq} inside the replay buffer it gets exactly the events after it; otherwise
     * (no lastSeq, a gap older than the buffer, or a seq from before a server restart) it gets a fresh snapshot,
     * numbered like any event.
     */
    public synchronized void attach(DesktopSocket socket, Long lastSeq, Instant now) {
        cancelTimers();
        if (lastSeq != null && lastSeq > seq) {
            continueAfter(lastSeq); // numbered before a server restart: the snapshot below comes after all it holds
            lastSeq = null;
        }
        long oldestKept = seq - replay.size() + 1;
        if (lastSeq != null && lastSeq <= seq && lastSeq + 1 >= oldestKept) {
            sockets.add(socket);
            List<String> frames = new ArrayList<>(replay);
            for (int i = (int) (lastSeq + 1 - oldestKept); i < frames.size(); i++) socket.send(frames.get(i));
            return;
        }
        sockets.add(socket);
        SnapshotEvent snapshot = desk.snapshot(now);
        // Every tab gets it: a snapshot replaces what a tab knows, and the others must not see a gap in seq.
        keepAndSend(snapshot.withSeq(++seq));
    }

    /**
     * Numbers the next event after {@code lastSeq} when that is ahead of this session: a tab numbered by the server
     * before a restart then takes what follows as new, not as duplicates. The replay buffer restarts there (it holds
     * consecutive seqs only).
     */
    public synchronized void continueAfter(long lastSeq) {
        if (lastSeq <= seq) return;
        seq = lastSeq;
        replay.clear();
    }

    /** Detaches a tab; returns true when it was the last one. */
    public synchronized boolean detach(DesktopSocket socket) {
        sockets.remove(socket);
        return sockets.isEmpty();
    }

    public synchronized boolean hasSockets() { return !sockets.isEmpty(); }

    public Set<DesktopSocket> sockets() { return Set.copyOf(sockets); }

    /**
     * The result of request {@code requestId}: the first call runs {@code execute}; a resend of the same id gets the
     * same result (or waits for it), and the request is never executed twice.
     */
    public CompletableFuture<String> once(String requestId, java.util.function.Supplier<CompletableFuture<String>> execute) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> existing;
        synchronized (this) {
            existing = results.putIfAbsent(requestId, mine);
        }
        if (existing != null) return existing;
        execute.get().whenComplete((result, failure) -> {
            if (failure != null) mine.completeExceptionally(failure);
            else mine.complete(result);
        });
        return mine;
    }

    /** The absence timers started when the last tab closed; a returning tab cancels them. */
    public synchronized void timers(Scheduler.Cancellable desktopLost, Scheduler.Cancellable grace) {
        cancelTimers();
        this.desktopLostTimer = desktopLost;
        this.graceTimer = grace;
    }

    synchronized void cancelTimers() {
        if (desktopLostTimer != null) desktopLostTimer.cancel();
        if (graceTimer != null) graceTimer.cancel();
        desktopLostTimer = null;
        graceTimer = null;
    }

    static String eventFrame(CtiEvent event) {
        var frame = CtiJson.mapper().createObjectNode();
        frame.put("op", "event");
        frame.set("event", CtiJson.toTree(event));
        return frame.toString();
    }
}
