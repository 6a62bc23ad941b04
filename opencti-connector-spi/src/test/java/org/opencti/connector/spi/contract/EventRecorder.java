package org.opencti.connector.spi.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.opencti.connector.spi.ConnectorContext;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.json.CtiJson;

/**
 * The {@link ConnectorContext} of the TCK: collects every published event, thread-safely, and lets a test wait for
 * them without sleeping. Waiting methods look at events published since a {@linkplain #mark() mark}; on timeout they
 * fail listing the events they did see, so a failing contract test says what the connector did instead.
 */
public final class EventRecorder implements ConnectorContext {
    private final Scheduler scheduler;
    private final List<CtiEvent> events = new ArrayList<>();

    public EventRecorder(Scheduler scheduler) { this.scheduler = scheduler; }

    /** What a test expects: a type, a condition and how to describe it in a failure. */
    public record Expected<T extends CtiEvent>(Class<T> type, Predicate<? super T> condition, String description) {
        boolean matches(CtiEvent event) { return type.isInstance(event) && condition.test(type.cast(event)); }

        @Override public String toString() { return type.getSimpleName() + " " + description; }
    }

    public static <T extends CtiEvent> Expected<T> expect(Class<T> type, String description, Predicate<? super T> condition) {
        return new Expected<>(type, condition, description);
    }

    @Override public synchronized void publish(CtiEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override public Scheduler scheduler() { return scheduler; }

    /** A position in the stream of events; later waits start from it. */
    public synchronized int mark() { return events.size(); }

    public synchronized List<CtiEvent> since(int mark) { return List.copyOf(events.subList(mark, events.size())); }

    public synchronized List<CtiEvent> all() { return List.copyOf(events); }

    /** The first event since {@code mark} of {@code type} that matches, waiting up to {@code timeout} for it. */
    public <T extends CtiEvent> T awaitFirst(int mark, Class<T> type, Predicate<? super T> condition, Duration timeout) {
        return type.cast(awaitSequence(mark, timeout, expect(type, "matching the condition", condition)).getFirst());
    }

    public <T extends CtiEvent> T awaitFirst(Class<T> type, Predicate<? super T> condition, Duration timeout) {
        return awaitFirst(0, type, condition, timeout);
    }

    /**
     * Waits until events matching {@code expected} were published since {@code mark}, in that order (other events
     * may come between them), and returns the matching events.
     */
    public synchronized List<CtiEvent> awaitSequence(int mark, Duration timeout, Expected<?>... expected) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<CtiEvent> found = match(mark, expected);
            if (found.size() == expected.length) return found;
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("Expected, in order: " + List.of(expected) + "\nmatched only the first "
                    + found.size() + "; waiting for " + expected[found.size()] + "\nwithin " + timeout
                    + ", the connector published:\n" + describe(since(mark)));
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + List.of(expected), e);
            }
        }
    }

    /** Like {@link #awaitSequence} but returns empty instead of failing, for tests that pump time while waiting. */
    public synchronized <T extends CtiEvent> Optional<T> poll(int mark, Expected<T> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<CtiEvent> found = match(mark, expected);
            if (!found.isEmpty()) return Optional.of(expected.type().cast(found.getFirst()));
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Fails unless no event of the given kind was published since {@code mark}. */
    public synchronized void assertNone(int mark, Expected<?> unwanted) {
        List<CtiEvent> seen = since(mark).stream().filter(unwanted::matches).toList();
        if (!seen.isEmpty()) throw new AssertionError("Expected no " + unwanted + " but the connector published:\n" + describe(seen));
    }

    private List<CtiEvent> match(int mark, Expected<?>... expected) {
        List<CtiEvent> found = new ArrayList<>();
        int next = 0;
        for (int i = mark; i < events.size() && next < expected.length; i++) {
            if (expected[next].matches(events.get(i))) {
                found.add(events.get(i));
                next++;
            }
        }
        return found;
    }

    public static String describe(List<CtiEvent> events) {
        if (events.isEmpty()) return "  (nothing)";
        return events.stream().map(e -> "  " + CtiJson.write(e)).collect(Collectors.joining("\n"));
    }
}
