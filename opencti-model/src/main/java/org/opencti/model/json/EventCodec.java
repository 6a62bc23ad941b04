package org.opencti.model.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.ConsultPurpose;
import org.opencti.model.Customer;
import org.opencti.model.DequeueReason;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.Party;
import org.opencti.model.PartyRole;
import org.opencti.model.QueueChange;
import org.opencti.model.WorkMode;
import org.opencti.model.event.AgentSnapshot;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallInfoEvent;
import org.opencti.model.event.CallSnapshot;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EndedCall;
import org.opencti.model.event.ErrorEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.LinkStateEvent;
import org.opencti.model.event.PartyInfoEvent;
import org.opencti.model.event.QueueEvent;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.state.Action;

/** Events to and from their JSON wire form. Absent optional fields are omitted, never written as null. */
final class EventCodec {
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventCodec() {}

    static String typeOf(CtiEvent event) {
        return switch (event) {
            case SnapshotEvent e -> "SnapshotEvent";
            case AgentStateEvent e -> "AgentStateEvent";
            case CallStateEvent e -> "CallStateEvent";
            case PartyInfoEvent e -> "PartyInfoEvent";
            case CallInfoEvent e -> "CallInfoEvent";
            case LinkStateEvent e -> "LinkStateEvent";
            case QueueEvent e -> "QueueEvent";
            case ErrorEvent e -> "ErrorEvent";
        };
    }

    static ObjectNode encode(CtiEvent event) {
        ObjectNode o = JSON.objectNode();
        o.put("type", typeOf(event));
        o.put("name", event.eventName());
        EventHeader h = event.header();
        if (h.seq() != null) o.put("seq", h.seq());
        o.put("at", AT.format(h.at()));
        if (h.agentId() != null) o.put("agentId", h.agentId().value());
        o.put("device", h.device());
        o.put("media", event.media().wireName());
        switch (event) {
            case SnapshotEvent e -> {
                ObjectNode agent = o.putObject("agent");
                AgentSnapshot a = e.agent();
                agent.put("state", a.state().name());
                agent.put("since", AT.format(a.since()));
                putOpt(agent, "reasonCode", a.reasonCode());
                putOpt(agent, "pendingState", a.pendingState());
                putOpt(agent, "pendingReasonCode", a.pendingReasonCode());
                putOpt(agent, "workMode", a.workMode());
                o.put("deviceMonitored", e.deviceMonitored());
                o.put("linkState", e.linkState().name());
                ArrayNode calls = o.putArray("calls");
                e.calls().forEach(c -> calls.add(encodeCall(c)));
                ArrayNode ended = o.putArray("awaitingWrapUp");
                e.awaitingWrapUp().forEach(c -> ended.add(encodeEnded(c)));
            }
            case AgentStateEvent e -> {
                putOpt(o, "reasonCode", e.reasonCode());
                putOpt(o, "previous", e.previous());
                putOpt(o, "pendingState", e.pendingState());
                putOpt(o, "pendingReasonCode", e.pendingReasonCode());
                putOpt(o, "workMode", e.workMode());
            }
            case CallStateEvent e -> {
                o.put("callId", e.callId().value());
                o.put("conversationId", e.conversationId().value());
                o.put("callType", e.callType().name());
                putOpt(o, "ani", e.ani());
                putOpt(o, "dnis", e.dnis());
                putOpt(o, "otherDn", e.otherDn());
                putOpt(o, "queue", e.queue());
                putOpt(o, "relatedCallId", e.relatedCallId());
                putOpt(o, "replacesCallId", e.replacesCallId());
                putOpt(o, "consultPurpose", e.consultPurpose());
                putMap(o, "callData", e.callData());
                putActions(o, e.allowedActions());
                putOpt(o, "cause", e.cause());
                if (e.customer() != null) o.set("customer", encodeCustomer(e.customer()));
            }
            case PartyInfoEvent e -> {
                o.put("callId", e.callId().value());
                putParties(o, e.parties());
            }
            case CallInfoEvent e -> {
                o.put("callId", e.callId().value());
                putMap(o, "callData", e.callData());
                if (e.customer() != null) o.set("customer", encodeCustomer(e.customer()));
            }
            case LinkStateEvent e -> { /* the name says it all */ }
            case QueueEvent e -> {
                o.put("queue", e.queue());
                o.put("callId", e.callId().value());
                o.put("waiting", e.waiting());
                putOpt(o, "reason", e.reason());
            }
            case ErrorEvent e -> {
                o.put("code", e.code().name());
                o.put("message", e.message());
                if (!e.details().isEmpty()) putMap(o, "details", e.details());
                putOpt(o, "requestId", e.requestId());
            }
        }
        return o;
    }

    static CtiEvent decode(String type, JsonFields f) {
        EventHeader h = new EventHeader(f.optionalLong("seq"), f.instant("at"), f.optionalAgentId("agentId"), f.string("device"));
        return switch (type) {
            case "SnapshotEvent" -> {
                JsonFields a = f.object("agent");
                AgentSnapshot agent = new AgentSnapshot(a.enumValue("state", AgentState.class), a.instant("since"),
                        a.optionalString("reasonCode"), a.optionalEnum("pendingState", AgentState.class),
                        a.optionalString("pendingReasonCode"), a.optionalEnum("workMode", WorkMode.class));
                yield new SnapshotEvent(h, agent, f.bool("deviceMonitored"), f.enumValue("linkState", LinkState.class),
                        f.list("calls", EventCodec::decodeCall), f.list("awaitingWrapUp", EventCodec::decodeEnded));
            }
            case "AgentStateEvent" -> new AgentStateEvent(h, f.enumValue("name", AgentState.class), f.optionalString("reasonCode"),
                    f.optionalEnum("previous", AgentState.class), f.optionalEnum("pendingState", AgentState.class),
                    f.optionalString("pendingReasonCode"), f.optionalEnum("workMode", WorkMode.class));
            case "CallStateEvent" -> new CallStateEvent(h, f.enumValue("name", ConnectionState.class), f.callId("callId"),
                    f.callId("conversationId"), f.enumValue("callType", CallType.class), f.optionalString("ani"),
                    f.optionalString("dnis"), f.optionalString("otherDn"), f.optionalString("queue"),
                    f.optionalCallId("relatedCallId"), f.optionalCallId("replacesCallId"),
                    f.optionalEnum("consultPurpose", ConsultPurpose.class), f.stringMap("callData"),
                    f.strings("allowedActions").stream().map(Action::fromWire).toList(),
                    f.optionalEnum("cause", DisconnectCause.class), decodeCustomer(f.optionalObject("customer")));
            case "PartyInfoEvent" -> new PartyInfoEvent(h, f.callId("callId"), f.list("parties", EventCodec::decodeParty));
            case "CallInfoEvent" -> new CallInfoEvent(h, f.callId("callId"), f.stringMap("callData"),
                    decodeCustomer(f.optionalObject("customer")));
            case "LinkStateEvent" -> new LinkStateEvent(h, f.enumValue("name", LinkState.class));
            case "QueueEvent" -> new QueueEvent(h, f.enumValue("name", QueueChange.class), f.string("queue"),
                    f.callId("callId"), f.integer("waiting"), f.optionalEnum("reason", DequeueReason.class));
            case "ErrorEvent" -> new ErrorEvent(h, f.enumValue("code", ErrorCode.class), f.string("message"),
                    f.stringMap("details"), f.optionalString("requestId"));
            default -> throw new IllegalStateException("no decoder for event type " + type);
        };
    }

    private static ObjectNode encodeCall(CallSnapshot c) {
        ObjectNode o = JSON.objectNode();
        o.put("callId", c.callId().value());
        o.put("conversationId", c.conversationId().value());
        o.put("callType", c.callType().name());
        o.put("state", c.state().name());
        o.put("since", AT.format(c.since()));
        putOpt(o, "ani", c.ani());
        putOpt(o, "dnis", c.dnis());
        putOpt(o, "otherDn", c.otherDn());
        putOpt(o, "queue", c.queue());
        putOpt(o, "relatedCallId", c.relatedCallId());
        putOpt(o, "consultPurpose", c.consultPurpose());
        putParties(o, c.parties());
        putMap(o, "callData", c.callData());
        putActions(o, c.allowedActions());
        if (c.customer() != null) o.set("customer", encodeCustomer(c.customer()));
        return o;
    }

    private static CallSnapshot decodeCall(JsonFields f) {
        return new CallSnapshot(f.callId("callId"), f.callId("conversationId"), f.enumValue("callType", CallType.class),
                f.enumValue("state", ConnectionState.class), f.instant("since"), f.optionalString("ani"),
                f.optionalString("dnis"), f.optionalString("otherDn"), f.optionalString("queue"),
                f.optionalCallId("relatedCallId"), f.optionalEnum("consultPurpose", ConsultPurpose.class),
                f.list("parties", EventCodec::decodeParty), f.stringMap("callData"),
                f.strings("allowedActions").stream().map(Action::fromWire).toList(),
                decodeCustomer(f.optionalObject("customer")));
    }

    private static ObjectNode encodeEnded(EndedCall c) {
        ObjectNode o = JSON.objectNode();
        o.put("callId", c.callId().value());
        o.put("conversationId", c.conversationId().value());
        o.put("callType", c.callType().name());
        putOpt(o, "queue", c.queue());
        putOpt(o, "ani", c.ani());
        o.put("endedAt", AT.format(c.endedAt()));
        o.put("cause", c.cause().name());
        putMap(o, "callData", c.callData());
        return o;
    }

    private static EndedCall decodeEnded(JsonFields f) {
        return new EndedCall(f.callId("callId"), f.callId("conversationId"), f.enumValue("callType", CallType.class),
                f.optionalString("queue"), f.optionalString("ani"), f.instant("endedAt"),
                f.enumValue("cause", DisconnectCause.class), f.stringMap("callData"));
    }

    private static Party decodeParty(JsonFields f) {
        return new Party(f.string("dn"), f.enumValue("role", PartyRole.class), f.enumValue("state", ConnectionState.class));
    }

    static ObjectNode encodeCustomer(Customer c) {
        ObjectNode o = JSON.objectNode();
        o.put("id", c.id());
        o.put("name", c.name());
        putOpt(o, "phone", c.phone());
        putOpt(o, "accountId", c.accountId());
        return o;
    }

    private static Customer decodeCustomer(JsonFields f) {
        return f == null ? null : new Customer(f.string("id"), f.string("name"), f.optionalString("phone"), f.optionalString("accountId"));
    }

    private static void putParties(ObjectNode o, Collection<Party> parties) {
        ArrayNode array = o.putArray("parties");
        parties.forEach(p -> array.addObject().put("dn", p.dn()).put("role", p.role().name()).put("state", p.state().name()));
    }

    private static void putActions(ObjectNode o, Collection<Action> actions) {
        ArrayNode array = o.putArray("allowedActions");
        actions.forEach(a -> array.add(a.wireName()));
    }

    static void putMap(ObjectNode o, String field, Map<String, String> map) {
        ObjectNode child = o.putObject(field);
        map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> child.put(e.getKey(), e.getValue()));
    }

    static void putOpt(ObjectNode o, String field, Object value) {
        if (value == null) return;
        o.put(field, switch (value) {
            case CallId id -> id.value();
            case Enum<?> e -> e.name();
            case Instant i -> AT.format(i);
            default -> value.toString();
        });
    }
}
