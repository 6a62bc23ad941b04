package org.opencti.server.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opencti.model.AgentId;
import org.opencti.store.Page;

/**
 * A route's query parameters, checked against the ones it accepts: an unknown name (a typo such as {@code agent}),
 * a repeated one, or a value of the wrong form is a {@link BadParameterException} naming it, its value and what is
 * accepted.
 */
final class QueryParameters {
    static final int DEFAULT_LIMIT = 50;
    private static final String TIME = "an ISO-8601 time with a zone, e.g. 2026-11-28T10:15:30Z";

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) { this.values = values; }

    static QueryParameters of(Context ctx, Set<String> accepted) {
        Map<String, List<String>> values = ctx.queryParamMap();
        for (var parameter : values.entrySet()) {
            if (!accepted.contains(parameter.getKey()))
                throw new BadParameterException(parameter.getKey(), String.join(",", parameter.getValue()),
                        accepted.isEmpty() ? "no query parameters on this route" : "one of the parameters " + new TreeSet<>(accepted));
            if (parameter.getValue().size() > 1)
                throw new BadParameterException(parameter.getKey(), String.join(",", parameter.getValue()), "a single value");
        }
        return new QueryParameters(values);
    }

    /** The value, or null when absent; present but blank is refused. */
    String text(String name) {
        List<String> given = values.get(name);
        if (given == null) return null;
        String value = given.getFirst();
        if (value.isBlank()) throw new BadParameterException(name, value, "a non-blank value, or leave the parameter out");
        return value;
    }

    AgentId agentId(String name) {
        String value = text(name);
        return value == null ? null : new AgentId(value);
    }

    Instant time(String name) {
        String value = text(name);
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, value, TIME);
        }
    }

    /** {@code from} and {@code to} (both optional); {@code from} must come before {@code to}. */
    TimeRange timeRange() {
        Instant from = time("from");
        Instant to = time("to");
        if (from != null && to != null && !from.isBefore(to))
            throw new BadParameterException("from", text("from"), "a time before to (" + text("to") + ")");
        return new TimeRange(from, to);
    }

    /** {@code from <= time < to}; either bound may be absent. */
    record TimeRange(Instant from, Instant to) {}

    /** {@code limit} (1 to {@value Page#MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code offset} (0 or more). */
    Page page() {
        int limit = integer("limit", DEFAULT_LIMIT, 1, Page.MAX_LIMIT);
        int offset = integer("offset", 0, 0, Integer.MAX_VALUE);
        return new Page(limit, offset);
    }

    private int integer(String name, int defaultValue, int min, int max) {
        String value = text(name);
        if (value == null) return defaultValue;
        String accepted = max == Integer.MAX_VALUE ? "an integer from " + min : "an integer from " + min + " to " + max;
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) throw new BadParameterException(name, value, accepted);
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, value, accepted);
        }
    }
}
