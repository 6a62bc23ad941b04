package org.opencti.server.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.AgentId;
import org.opencti.model.CtiException;
import org.opencti.model.Customer;
import org.opencti.model.ErrorCode;
import org.opencti.model.TelephonyMode;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.server.session.AgentSession;
import org.opencti.server.session.Sessions;
import org.opencti.server.session.User;
import org.opencti.store.Page;
import org.opencti.store.Store;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.codes.Code;
import org.opencti.store.interaction.Interaction;
import org.opencti.store.interaction.InteractionQuery;

/**
 * What the REST API reads, with the visibility rules applied: an agent reads its own data, a supervisor its team's
 * ({@link Viewer}). Filters naming an agent the viewer may not see fail with {@link ForbiddenException}; unknown ids
 * with {@link NotFoundException}. Testable without HTTP.
 */
public final class PlatformQueries {
    /** Lower and upper bounds for an open time range: the store's queries need both. */
    static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant END = Instant.parse("9999-01-01T00:00:00Z");
    static final int RECENT_INTERACTIONS = 10;

    private final Store store;
    private final Sessions sessions;
    private final Scheduler scheduler;
    private final QueueStatistics queues;

    public PlatformQueries(Store store, Sessions sessions, Scheduler scheduler, QueueStatistics queues) {
        this.store = store;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.queues = queues;
    }

    /** Every queue's live statistics (any logged-in user may read them: they name no agent). */
    public List<QueueStatistics.Snapshot> queues() { return queues.snapshot(scheduler.now()); }

    /** Interactions newest first; a query without agents means every agent the viewer sees. */
    public List<Interaction> interactions(Viewer viewer, InteractionQuery query) {
        query.agents().forEach(viewer::requireSees);
        return store.interactions().find(query.agents().isEmpty() ? query.forAgents(viewer.agents()) : query);
    }

    public Interaction interaction(Viewer viewer, String id) {
        Interaction found = store.interactions().byId(id).orElseThrow(() -> new NotFoundException("interaction", id,
                "list interactions with GET /api/v1/interactions to find their ids."));
        viewer.requireSees(found.agentId());
        return found;
    }

    /**
     * Agent-state changes newest first; {@code agentId} null means every agent the viewer sees (a supervisor's team,
     * merged by time).
     */
    public List<AgentStateChange> agentStates(Viewer viewer, AgentId agentId, Instant from, Instant to, Page page) {
        Instant start = from == null ? BEGINNING : from;
        Instant end = to == null ? END : to;
        if (agentId == null && viewer.agents().size() == 1) agentId = viewer.agents().iterator().next();
        if (agentId != null) {
            viewer.requireSees(agentId);
            return store.agentStates().changes(agentId, start, end, page);
        }
        // Each agent's first offset+limit rows hold the merged page's rows: merge them, then cut the page out.
        if (page.offset() + page.limit() > Page.MAX_LIMIT)
            throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "Query parameter offset: '" + page.offset() + "' is not"
                    + " accepted with limit " + page.limit() + "; expected offset + limit of at most " + Page.MAX_LIMIT
                    + " when listing several agents' logs (give agentId, or narrow from/to, to page further).",
                    Map.of("parameter", "offset", "value", String.valueOf(page.offset()),
                            "accepted", "offset + limit <= " + Page.MAX_LIMIT + " without agentId"));
        Page enough = new Page(page.offset() + page.limit(), 0);
        List<AgentStateChange> merged = new ArrayList<>();
        for (AgentId agent : viewer.agents()) merged.addAll(store.agentStates().changes(agent, start, end, enough));
        merged.sort(Comparator.comparing(AgentStateChange::at).thenComparing(AgentStateChange::id).reversed());
        return merged.stream().skip(page.offset()).limit(page.limit()).toList();
    }

    /** The live desks of the logged-in agents the viewer sees, by agent id. */
    public List<LiveAgent> agents(Viewer viewer) {
        Instant now = scheduler.now();
        List<LiveAgent> live = new ArrayList<>();
        for (AgentSession session : sessions.all()) {
            if (!viewer.sees(session.user().id())) continue;
            SnapshotEvent desk;
            synchronized (session) { // the session applies events under its own lock; read the desk the same way
                desk = session.desk().snapshot(now);
            }
            live.add(new LiveAgent(session.user(), session.mode(), session.clientSide(), desk));
        }
        live.sort(Comparator.comparing(a -> a.user().id().value()));
        return live;
    }

    /** Customers (a directory every user may search) by phone (any written form) and/or account id. */
    public List<Customer> customers(String phone, String accountId, Page page) {
        if (phone == null && accountId == null) return store.customers().list(page);
        List<Customer> matches = phone != null ? store.customers().byPhone(phone)
                : store.customers().byAccountId(accountId).map(List::of).orElse(List.of());
        if (phone != null && accountId != null) matches = matches.stream().filter(c -> accountId.equals(c.accountId())).toList();
        return matches.stream().skip(page.offset()).limit(page.limit()).toList();
    }

    /** The customer and its newest interactions with the agents the viewer sees (the agent page's customer panel). */
    public CustomerHistory customer(Viewer viewer, String id) {
        Customer customer = store.customers().byId(id).orElseThrow(() -> new NotFoundException("customer", id,
                "search customers with GET /api/v1/customers?phone=... or ?accountId=..."));
        List<Interaction> recent = store.interactions().find(InteractionQuery.all().forAgents(viewer.agents())
                .ofCustomer(id).page(Page.first(RECENT_INTERACTIONS)));
        return new CustomerHistory(customer, recent);
    }

    public List<Code> reasonCodes() { return store.codes().reasonCodes(); }

    public List<Code> wrapUpCodes() { return store.codes().wrapUpCodes(); }

    /** A logged-in user's desk now: state, since when, reason, current calls and calls awaiting wrap-up. */
    public record LiveAgent(User user, TelephonyMode mode, boolean clientSide, SnapshotEvent desk) {}

    public record CustomerHistory(Customer customer, List<Interaction> recentInteractions) {}

}
