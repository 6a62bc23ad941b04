package org.opencti.server.platform;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.LinkState;

/**
 * Asks the connector to monitor every configured queue once its link is up, and again for any queue whose monitor
 * could not start (the link went down meanwhile). A connector keeps its monitors across its own reconnects; a new
 * connector (a server restart) starts with none, so this is what restores them.
 */
public final class QueueMonitoring implements AutoCloseable {
    /** How often to look whether the link is up and every queue monitored. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final CtiConnector connector;
    private final List<QueueDefinition> queues;
    private final Scheduler scheduler;
    private final Set<String> monitored = ConcurrentHashMap.newKeySet();
    private final Set<String> starting = ConcurrentHashMap.newKeySet();
    private Scheduler.Cancellable checks;

    public QueueMonitoring(CtiConnector connector, List<QueueDefinition> queues, Scheduler scheduler) {
        this.connector = connector;
        this.queues = List.copyOf(queues);
        this.scheduler = scheduler;
    }

    public void start() {
        check();
        if (!queues.isEmpty()) checks = scheduler.every(CHECK_EVERY, this::check);
    }

    /** The queue devices whose monitor the connector started. */
    public Set<String> monitored() { return Set.copyOf(monitored); }

    private void check() {
        if (monitored.size() == queues.size() || connector.linkState() != LinkState.Connected) return;
        for (QueueDefinition queue : queues) {
            String device = queue.device();
            if (monitored.contains(device) || !starting.add(device)) continue;
            connector.monitorQueue(device).whenComplete((accepted, failure) -> {
                if (failure == null) monitored.add(device);
                starting.remove(device); // a failure is retried at the next check
            });
        }
    }

    @Override public void close() {
        if (checks != null) checks.cancel();
    }
}
