package org.opencti.store.interaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.DisconnectCause;
import org.opencti.store.StoreException;
import org.opencti.store.customer.PhoneKey;
import org.opencti.store.internal.Jdbc;
import org.opencti.store.internal.Table;

/**
 * Reads interactions (synchronously, from what the writer has committed) and defines how they are written.
 * Rows the {@link InteractionRecorder} has queued appear once the writer drains them.
 */
public final class Interactions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> CALL_DATA = new TypeReference<>() {};
    private static final String DATA_COLUMNS = "agent_id, call_id, conversation_id, call_type, ani, ani_normalised, dnis,"
            + " queue, offered_at, answered_at, ended_at, end_approximate, hold_millis, cause, wrap_up_code,"
            + " wrap_up_notes, wrapped_at, call_data, customer_id";
    private static final String COLUMNS = "id, " + DATA_COLUMNS;
    private static final String ORDER = " ORDER BY offered_at DESC, id DESC";

    static final Table<Interaction> TABLE = Table.upsert("interactions", Interaction::id, DATA_COLUMNS + ", id",
            Interactions::bind);

    private final Jdbc jdbc;

    /** Created by {@link org.opencti.store.Store}. */
    public Interactions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The interactions the query selects, newest offer first. */
    public List<Interaction> find(InteractionQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM interactions WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (!query.agents().isEmpty()) {
            sql.append(" AND agent_id IN (").append("?, ".repeat(query.agents().size() - 1)).append("?)");
            query.agents().stream().map(AgentId::value).sorted().forEach(parameters::add);
        }
        if (query.queue() != null) {
            sql.append(" AND queue = ?");
            parameters.add(query.queue());
        }
        if (query.from() != null) {
            sql.append(" AND offered_at >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND offered_at < ?");
            parameters.add(query.to());
        }
        if (query.customerId() != null) {
            sql.append(" AND customer_id = ?");
            parameters.add(query.customerId());
        }
        if (query.phone() != null) {
            Optional<PhoneKey> key = PhoneKey.of(query.phone());
            if (key.isEmpty()) return List.of();
            sql.append(" AND ani_normalised = ?");
            parameters.add(key.get().digits());
        }
        sql.append(ORDER).append(" LIMIT ? OFFSET ?");
        parameters.add(query.page().limit());
        parameters.add(query.page().offset());
        return jdbc.query("interactions", sql.toString(), parameters, Interactions::interaction);
    }

    /** The agent's newest interaction on this call id (PBXs recycle call ids, so an older one may exist). */
    public Optional<Interaction> byCall(AgentId agentId, CallId callId) {
        return jdbc.queryOne("interaction by call", "SELECT " + COLUMNS + " FROM interactions WHERE agent_id = ? AND call_id = ?"
                + ORDER + " LIMIT 1", List.of(agentId.value(), callId.value()), Interactions::interaction);
    }

    public Optional<Interaction> byId(String id) {
        return jdbc.queryOne("interaction by id", "SELECT " + COLUMNS + " FROM interactions WHERE id = ?", List.of(id),
                Interactions::interaction);
    }

    /** Every interaction of the conversation (all agents), oldest first: the story of one customer call. */
    public List<Interaction> conversation(CallId conversationId) {
        return jdbc.query("conversation", "SELECT " + COLUMNS + " FROM interactions WHERE conversation_id = ?"
                + " ORDER BY offered_at, id", List.of(conversationId.value()), Interactions::interaction);
    }

    /** Interactions not ended yet, oldest first: the recorder reloads them at start. */
    List<Interaction> open() {
        return jdbc.query("open interactions", "SELECT " + COLUMNS + " FROM interactions WHERE ended_at IS NULL"
                + " ORDER BY offered_at, id", List.of(), Interactions::interaction);
    }

    private static void bind(PreparedStatement statement, Interaction row) throws SQLException {
        statement.setString(1, row.agentId().value());
        statement.setString(2, row.callId().value());
        statement.setString(3, row.conversationId().value());
        statement.setString(4, row.callType().name());
        statement.setString(5, row.ani());
        statement.setString(6, PhoneKey.columnValue(row.ani()));
        statement.setString(7, row.dnis());
        statement.setString(8, row.queue());
        Jdbc.setInstant(statement, 9, row.offeredAt());
        Jdbc.setInstant(statement, 10, row.answeredAt());
        Jdbc.setInstant(statement, 11, row.endedAt());
        statement.setBoolean(12, row.endApproximate());
        statement.setLong(13, row.holdTime().toMillis());
        statement.setString(14, row.cause() == null ? null : row.cause().name());
        statement.setString(15, row.wrapUpCode());
        statement.setString(16, row.wrapUpNotes());
        Jdbc.setInstant(statement, 17, row.wrappedAt());
        statement.setString(18, callDataJson(row.callData()));
        statement.setString(19, row.customerId());
        statement.setString(20, row.id());
    }

    private static Interaction interaction(ResultSet row) throws SQLException {
        String cause = row.getString("cause");
        return new Interaction(row.getString("id"), new AgentId(row.getString("agent_id")),
                new CallId(row.getString("call_id")), new CallId(row.getString("conversation_id")),
                CallType.valueOf(row.getString("call_type")), row.getString("ani"), row.getString("dnis"),
                row.getString("queue"), Jdbc.getInstant(row, "offered_at"), Jdbc.getInstant(row, "answered_at"),
                Jdbc.getInstant(row, "ended_at"), row.getBoolean("end_approximate"),
                Duration.ofMillis(row.getLong("hold_millis")), cause == null ? null : DisconnectCause.valueOf(cause),
                row.getString("wrap_up_code"), row.getString("wrap_up_notes"), Jdbc.getInstant(row, "wrapped_at"),
                callData(row.getString("call_data")), row.getString("customer_id"));
    }

    private static String callDataJson(Map<String, String> callData) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(callData)); // sorted: equal data gives equal text
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("call data of string keys and values must serialise", e);
        }
    }

    private static Map<String, String> callData(String json) {
        try {
            return JSON.readValue(json, CALL_DATA);
        } catch (JsonProcessingException e) {
            throw new StoreException("interactions.call_data holds invalid JSON (" + e.getOriginalMessage()
                    + "); it is written only by OpenCTI, so the row was edited by hand: fix or clear it", e);
        }
    }
}
