package org.opencti.store.interaction;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import org.opencti.model.AgentId;
import org.opencti.store.Page;

/**
 * A filter over interactions, newest offer first. Every filter is optional: {@code agents} empty means all
 * agents; {@code from}/{@code to} bound {@code offeredAt} ({@code from <= offeredAt < to}); {@code phone}
 * matches the caller's number by {@link org.opencti.store.customer.PhoneKey}. Start from {@link #all()}.
 */
public record InteractionQuery(Set<AgentId> agents, String queue, Instant from, Instant to, String customerId,
                               String phone, Page page) {
    public InteractionQuery {
        agents = agents == null ? Set.of() : Set.copyOf(agents);
        if (page == null) throw new IllegalArgumentException("page is required; use Page.first(n)");
        if (from != null && to != null && !from.isBefore(to))
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
    }

    public static InteractionQuery all() {
        return new InteractionQuery(Set.of(), null, null, null, null, null, Page.FIRST_100);
    }

    public InteractionQuery forAgents(Collection<AgentId> agentIds) {
        return new InteractionQuery(Set.copyOf(agentIds), queue, from, to, customerId, phone, page);
    }

    public InteractionQuery forAgent(AgentId agentId) {
        return forAgents(Set.of(agentId));
    }

    public InteractionQuery inQueue(String queueName) {
        return new InteractionQuery(agents, queueName, from, to, customerId, phone, page);
    }

    public InteractionQuery offeredBetween(Instant fromInclusive, Instant toExclusive) {
        return new InteractionQuery(agents, queue, fromInclusive, toExclusive, customerId, phone, page);
    }

    public InteractionQuery ofCustomer(String id) {
        return new InteractionQuery(agents, queue, from, to, id, phone, page);
    }

    public InteractionQuery fromPhone(String phoneNumber) {
        return new InteractionQuery(agents, queue, from, to, customerId, phoneNumber, page);
    }

    public InteractionQuery page(Page newPage) {
        return new InteractionQuery(agents, queue, from, to, customerId, phone, newPage);
    }
}
