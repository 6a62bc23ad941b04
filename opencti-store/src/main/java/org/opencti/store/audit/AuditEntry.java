package org.opencti.store.audit;

import java.time.Instant;
import java.util.UUID;

import org.opencti.model.AgentId;
import org.opencti.model.ErrorCode;
import org.opencti.model.request.CtiRequest;

/**
 * One audited control request: who asked ({@code actor}, a user id), for which agent, what (the request as
 * JSON, without any password), and the outcome ({@code resultCode} is null when the request was accepted).
 */
public record AuditEntry(String id, Instant at, String actor, AgentId targetAgent, String requestId, String action,
                         String requestJson, ErrorCode resultCode) {
    public AuditEntry {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("audit entry id is required");
        if (at == null) throw new IllegalArgumentException("at is required");
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("actor must be a non-blank user id, got " + actor);
        if (action == null || action.isBlank()) throw new IllegalArgumentException("action is required");
        if (requestJson == null || requestJson.isBlank()) throw new IllegalArgumentException("requestJson is required");
    }

    /** An entry for a request; {@code resultCode} null means accepted. The JSON never holds a password. */
    public static AuditEntry of(Instant at, String actor, AgentId targetAgent, String requestId, CtiRequest request,
                                ErrorCode resultCode) {
        return new AuditEntry(UUID.randomUUID().toString(), at, actor, targetAgent, requestId,
                request.action().wireName(), RequestJson.of(request), resultCode);
    }

    public boolean ok() {
        return resultCode == null;
    }
}
