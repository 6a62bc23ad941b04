package org.opencti.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.opencti.model.CtiError;
import org.opencti.model.Customer;
import org.opencti.model.event.CallSnapshot;
import org.opencti.model.event.EndedCall;
import org.opencti.model.json.CtiJson;
import org.opencti.server.platform.PlatformQueries;
import org.opencti.server.platform.QueueStatistics;
import org.opencti.store.Page;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.codes.Code;
import org.opencti.store.interaction.Interaction;

/**
 * The REST resources as JSON, exactly as {@code openapi.json} describes them: every field is always present (null
 * when unknown), times are UTC with three fractional digits like the events' {@code at}.
 */
final class ApiJson {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ApiJson() {}

    static <T> ObjectNode page(List<T> items, Page page, Function<T, ObjectNode> item) {
        ObjectNode json = list(items, item);
        json.put("limit", page.limit()).put("offset", page.offset());
        return json;
    }

    static <T> ObjectNode list(List<T> items, Function<T, ObjectNode> item) {
        ObjectNode json = CtiJson.mapper().createObjectNode();
        ArrayNode array = json.putArray("items");
        items.forEach(i -> array.add(item.apply(i)));
        return json;
    }

    static ObjectNode interaction(Interaction i) {
        ObjectNode json = CtiJson.mapper().createObjectNode().put("id", i.id()).put("agentId", i.agentId().value())
                .put("callId", i.callId().value()).put("conversationId", i.conversationId().value())
                .put("callType", i.callType().name()).put("ani", i.ani()).put("dnis", i.dnis()).put("queue", i.queue())
                .put("offeredAt", time(i.offeredAt())).put("answeredAt", time(i.answeredAt()))
                .put("endedAt", time(i.endedAt())).put("endApproximate", i.endApproximate())
                .put("holdMillis", i.holdTime().toMillis()).put("cause", i.cause() == null ? null : i.cause().name())
                .put("wrapUpCode", i.wrapUpCode()).put("wrapUpNotes", i.wrapUpNotes())
                .put("wrappedAt", time(i.wrappedAt())).put("customerId", i.customerId());
        strings(json.putObject("callData"), i.callData());
        return json;
    }

    static ObjectNode agentState(AgentStateChange c) {
        return CtiJson.mapper().createObjectNode().put("id", c.id()).put("agentId", c.agentId().value())
                .put("state", c.state().name()).put("reasonCode", c.reasonCode())
                .put("previous", c.previous() == null ? null : c.previous().name())
                .put("pendingState", c.pendingState() == null ? null : c.pendingState().name())
                .put("pendingReasonCode", c.pendingReasonCode())
                .put("workMode", c.workMode() == null ? null : c.workMode().name()).put("at", time(c.at()));
    }

    static ObjectNode liveAgent(PlatformQueries.LiveAgent live) {
        var agent = live.desk().agent();
        ObjectNode json = CtiJson.mapper().createObjectNode().put("agentId", live.user().id().value())
                .put("role", live.user().role().name()).put("team", live.user().team())
                .put("device", live.desk().device()).put("mode", live.mode().wireName()).put("clientSide", live.clientSide())
                .put("state", agent.state().name()).put("since", time(agent.since())).put("reasonCode", agent.reasonCode())
                .put("pendingState", agent.pendingState() == null ? null : agent.pendingState().name())
                .put("workMode", agent.workMode() == null ? null : agent.workMode().name())
                .put("linkState", live.desk().linkState().name());
        ArrayNode calls = json.putArray("calls");
        live.desk().calls().forEach(c -> calls.add(call(c)));
        ArrayNode awaiting = json.putArray("awaitingWrapUp");
        live.desk().awaitingWrapUp().forEach(c -> awaiting.add(endedCall(c)));
        return json;
    }

    private static ObjectNode call(CallSnapshot c) {
        ObjectNode json = CtiJson.mapper().createObjectNode().put("callId", c.callId().value())
                .put("conversationId", c.conversationId().value()).put("callType", c.callType().name())
                .put("state", c.state().name()).put("since", time(c.since())).put("ani", c.ani()).put("dnis", c.dnis())
                .put("queue", c.queue());
        json.set("customer", c.customer() == null ? null : customer(c.customer()));
        return json;
    }

    private static ObjectNode endedCall(EndedCall c) {
        return CtiJson.mapper().createObjectNode().put("callId", c.callId().value()).put("queue", c.queue())
                .put("endedAt", time(c.endedAt()));
    }

    static ObjectNode queue(QueueStatistics.Snapshot q) {
        return CtiJson.mapper().createObjectNode().put("queue", q.queue()).put("device", q.device())
                .put("waiting", q.waiting()).put("longestWaitSeconds", q.longestWaitSeconds()).put("offered", q.offered())
                .put("answered", q.answered()).put("abandoned", q.abandoned()).put("serviceLevel", q.serviceLevel())
                .put("serviceLevelSeconds", q.serviceLevelSeconds());
    }

    static ObjectNode customer(Customer c) {
        return CtiJson.mapper().createObjectNode().put("id", c.id()).put("name", c.name()).put("phone", c.phone())
                .put("accountId", c.accountId());
    }

    static ObjectNode customerHistory(PlatformQueries.CustomerHistory history) {
        ObjectNode json = customer(history.customer());
        ArrayNode recent = json.putArray("recentInteractions");
        history.recentInteractions().forEach(i -> recent.add(interaction(i)));
        return json;
    }

    static ObjectNode code(Code code) {
        return CtiJson.mapper().createObjectNode().put("id", code.id()).put("label", code.label());
    }

    static ObjectNode error(CtiError error) {
        ObjectNode json = CtiJson.mapper().createObjectNode().put("code", error.code().name()).put("message", error.message());
        strings(json.putObject("details"), error.details());
        json.put("requestId", error.requestId());
        return json;
    }

    private static void strings(ObjectNode target, Map<String, String> values) {
        new TreeMap<>(values).forEach(target::put);
    }

    private static String time(Instant at) { return at == null ? null : TIME.format(at); }
}
