package org.opencti.store.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.opencti.model.AgentId;
import org.opencti.model.ErrorCode;
import org.opencti.store.Page;
import org.opencti.store.internal.Jdbc;
import org.opencti.store.internal.Table;

/** The audit trail of control requests. Appends go through the background writer; reads are synchronous. */
public final class AuditLog {
    private static final String COLUMNS =
            "id, occurred_at, actor, target_agent_id, request_id, action, request_json, ok, result_code";
    static final Table<AuditEntry> TABLE = Table.append("audit_log", AuditEntry::id, COLUMNS, AuditLog::bind);

    private final Jdbc jdbc;

    /** Created by {@link org.opencti.store.Store}. */
    public AuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the entry for writing; never blocks on the database. False when the write buffer dropped it. */
    public boolean append(AuditEntry entry) {
        return jdbc.enqueue(TABLE, entry);
    }

    /** Entries about one agent with {@code from <= at < to}, newest first. */
    public List<AuditEntry> entries(AgentId targetAgent, Instant from, Instant to, Page page) {
        if (!from.isBefore(to))
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        return jdbc.query("audit log", "SELECT " + COLUMNS + " FROM audit_log"
                        + " WHERE target_agent_id = ? AND occurred_at >= ? AND occurred_at < ?"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?",
                List.of(targetAgent.value(), from, to, page.limit(), page.offset()), AuditLog::entry);
    }

    private static void bind(PreparedStatement statement, AuditEntry entry) throws SQLException {
        statement.setString(1, entry.id());
        Jdbc.setInstant(statement, 2, entry.at());
        statement.setString(3, entry.actor());
        statement.setString(4, entry.targetAgent() == null ? null : entry.targetAgent().value());
        statement.setString(5, entry.requestId());
        statement.setString(6, entry.action());
        statement.setString(7, entry.requestJson());
        statement.setBoolean(8, entry.ok());
        statement.setString(9, entry.resultCode() == null ? null : entry.resultCode().name());
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        String target = row.getString("target_agent_id");
        String code = row.getString("result_code");
        return new AuditEntry(row.getString("id"), Jdbc.getInstant(row, "occurred_at"), row.getString("actor"),
                target == null ? null : new AgentId(target), row.getString("request_id"), row.getString("action"),
                row.getString("request_json"), code == null ? null : ErrorCode.valueOf(code));
    }
}
