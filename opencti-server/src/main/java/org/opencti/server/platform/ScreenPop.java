package org.opencti.server.platform;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.Customer;
import org.opencti.model.event.CallInfoEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.server.gateway.Gateway;

/**
 * The screen pop (DESIGN section 6): an {@code Offering} waits at most {@code budget} for the {@link CustomerLookup}
 * and then goes out with the {@code customer} it found, or without; a customer found later follows as a
 * {@link CallInfoEvent} (with the call's current call data, so the desktop's copy is not wiped).
 *
 * <p>Order: each agent has a lane. While an Offering waits, the agent's later events wait behind it, so nothing
 * overtakes it; other agents are not held up. An idle lane delivers on the caller's thread at once. A lookup that
 * fails or answers late never delays or drops the call; every outcome is counted. The budget runs on the injected
 * {@link Scheduler}, so tests decide on virtual time whether an answer came "in time".
 */
public final class ScreenPop implements Gateway.BeforeDelivery {
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(150);

    private final CustomerLookup lookup;
    private final Duration budget;
    private final Scheduler scheduler;
    private final Consumer<LookupOutcome> outcomes;
    private final Map<AgentId, Lane> lanes = new ConcurrentHashMap<>();

    public ScreenPop(CustomerLookup lookup, Duration budget, Scheduler scheduler, Consumer<LookupOutcome> outcomes) {
        if (budget == null || budget.isNegative())
            throw new IllegalArgumentException("screen-pop budget must be zero or positive, got " + budget);
        this.lookup = lookup;
        this.budget = budget;
        this.scheduler = scheduler;
        this.outcomes = outcomes;
    }

    @Override public void accept(CtiEvent event, Consumer<CtiEvent> deliver) {
        lanes.computeIfAbsent(event.agentId(), agent -> new Lane()).submit(event, deliver);
    }

    private static boolean worthALookup(CtiEvent event) {
        return event instanceof CallStateEvent call && call.name() == ConnectionState.Offering && call.customer() == null
                && (call.ani() != null || !call.callData().isEmpty());
    }

    /** One agent's events in arrival order; every method runs under the lane's lock. */
    private final class Lane {
        private final ArrayDeque<Entry> queue = new ArrayDeque<>();
        // What was delivered of each current call: a repeated Offering reuses the customer, a late one needs the data.
        private final Map<CallId, Customer> found = new HashMap<>();
        private final Map<CallId, Map<String, String>> callData = new HashMap<>();

        synchronized void submit(CtiEvent event, Consumer<CtiEvent> deliver) {
            Entry entry = new Entry(event, deliver);
            queue.addLast(entry);
            if (worthALookup(event)) {
                CallStateEvent offering = (CallStateEvent) event;
                Customer known = found.get(offering.callId());
                if (known != null) entry.customer = known;
                else startLookup(entry, offering);
            }
            drain();
        }

        private void startLookup(Entry entry, CallStateEvent offering) {
            entry.waiting = true;
            entry.budget = scheduler.schedule(budget, () -> expire(entry));
            CompletionStage<Optional<Customer>> answer;
            try {
                answer = lookup.find(new CustomerLookup.Caller(offering.ani(), offering.callData()));
            } catch (RuntimeException e) { // a lookup that breaks its contract still must not lose the call
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((customer, failure) -> answered(entry, offering, customer, failure));
        }

        synchronized void expire(Entry entry) {
            if (!entry.waiting) return;
            entry.waiting = false;
            outcomes.accept(LookupOutcome.TIMEOUT);
            drain();
        }

        synchronized void answered(Entry entry, CallStateEvent offering, Optional<Customer> customer, Throwable failure) {
            outcomes.accept(failure != null ? LookupOutcome.FAILURE : customer.isPresent() ? LookupOutcome.HIT : LookupOutcome.MISS);
            Customer who = failure == null ? customer.orElse(null) : null;
            if (entry.waiting) {
                entry.waiting = false;
                entry.budget.cancel();
            }
            if (who == null) {
                drain();
                return;
            }
            if (!entry.delivered) {
                entry.customer = who; // still queued behind another Offering: it leaves with its customer
            } else if (callData.containsKey(offering.callId())) {
                found.put(offering.callId(), who);
                queue.addLast(new Entry(new CallInfoEvent(EventHeader.of(scheduler.now(), offering.agentId(),
                        offering.device()), offering.callId(), callData.get(offering.callId()), who), entry.deliver));
            } // else the call ended before the answer: nobody is looking at it any more
            drain();
        }

        private void drain() {
            while (!queue.isEmpty() && !queue.peekFirst().waiting) {
                Entry entry = queue.pollFirst();
                CtiEvent out = entry.customer != null && entry.event instanceof CallStateEvent call
                        ? call.withCustomer(entry.customer) : entry.event;
                entry.delivered = true;
                remember(out);
                entry.deliver.accept(out);
            }
        }

        private void remember(CtiEvent event) {
            if (event instanceof CallStateEvent call) {
                if (call.replacesCallId() != null) forget(call.replacesCallId());
                if (call.name() == ConnectionState.Disconnected) {
                    forget(call.callId());
                } else {
                    callData.put(call.callId(), call.callData());
                    if (call.customer() != null) found.put(call.callId(), call.customer());
                }
            } else if (event instanceof CallInfoEvent info) {
                callData.computeIfPresent(info.callId(), (id, before) -> info.callData());
            }
        }

        private void forget(CallId callId) {
            callData.remove(callId);
            found.remove(callId);
        }
    }

    /** An event on its way; an Offering waits while {@code waiting} (its lookup runs and the budget is not spent). */
    private static final class Entry {
        final CtiEvent event;
        final Consumer<CtiEvent> deliver;
        boolean waiting;
        boolean delivered;
        Customer customer;
        Scheduler.Cancellable budget;

        Entry(CtiEvent event, Consumer<CtiEvent> deliver) {
            this.event = event;
            this.deliver = deliver;
        }
    }
}
