package org.opencti.store.agentstate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.WorkMode;
import org.opencti.store.Page;
import org.opencti.store.internal.Jdbc;
import org.opencti.store.internal.Table;

/** Every agent-state change with its reason. Appends go through the background writer; reads are synchronous. */
public final class AgentStateLog {
    private static final String COLUMNS =
            "id, agent_id, state, reason_code, previous_state, pending_state, pending_reason_code, work_mode, occurred_at";
    static final Table<AgentStateChange> TABLE = Table.append("agent_state_log", AgentStateChange::id, COLUMNS,
            AgentStateLog::bind);

    private final Jdbc jdbc;

    /** Created by {@link org.opencti.store.Store}. */
    public AgentStateLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the change for writing; never blocks on the database. False when the write buffer dropped it. */
    public boolean append(AgentStateChange change) {
        return jdbc.enqueue(TABLE, change);
    }

    /** The agent's changes with {@code from <= at < to}, newest first. */
    public List<AgentStateChange> changes(AgentId agentId, Instant from, Instant to, Page page) {
        if (!from.isBefore(to))
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        return jdbc.query("agent state log", "SELECT " + COLUMNS + " FROM agent_state_log"
                        + " WHERE agent_id = ? AND occurred_at >= ? AND occurred_at < ?"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?",
                List.of(agentId.value(), from, to, page.limit(), page.offset()), AgentStateLog::change);
    }

    private static void bind(PreparedStatement statement, AgentStateChange change) throws SQLException {
        statement.setString(1, change.id());
        statement.setString(2, change.agentId().value());
        statement.setString(3, change.state().name());
        statement.setString(4, change.reasonCode());
        statement.setString(5, name(change.previous()));
        statement.setString(6, name(change.pendingState()));
        statement.setString(7, change.pendingReasonCode());
        statement.setString(8, change.workMode() == null ? null : change.workMode().name());
        Jdbc.setInstant(statement, 9, change.at());
    }

    private static AgentStateChange change(ResultSet row) throws SQLException {
        return new AgentStateChange(row.getString("id"), new AgentId(row.getString("agent_id")),
                AgentState.valueOf(row.getString("state")), row.getString("reason_code"),
                state(row.getString("previous_state")), state(row.getString("pending_state")),
                row.getString("pending_reason_code"),
                row.getString("work_mode") == null ? null : WorkMode.valueOf(row.getString("work_mode")),
                Jdbc.getInstant(row, "occurred_at"));
    }

    private static String name(AgentState state) {
        return state == null ? null : state.name();
    }

    private static AgentState state(String name) {
        return name == null ? null : AgentState.valueOf(name);
    }
}
