package org.opencti.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/** Short forms of wire events for exact, readable sequence assertions and failure messages. */
final class Scenarios {
    private Scenarios() {}

    /** e.g. {@code CallStateEvent Established c-1}, {@code AgentStateEvent Busy}, {@code PartyInfoEvent c-1 [0612345007, 5001]}. */
    static String brief(JsonNode event) {
        String type = event.path("type").asText();
        StringBuilder text = new StringBuilder(type);
        if (!type.equals("PartyInfoEvent") && !type.equals("CallInfoEvent")) text.append(' ').append(event.path("name").asText());
        if (event.hasNonNull("callId")) text.append(' ').append(event.get("callId").asText());
        if (type.equals("PartyInfoEvent")) {
            List<String> parties = new java.util.ArrayList<>();
            event.path("parties").forEach(p -> parties.add(p.path("dn").asText() + ":" + p.path("state").asText()));
            parties.sort(null);
            text.append(' ').append(parties);
        }
        return text.toString();
    }

    static List<String> briefs(List<JsonNode> events) { return events.stream().map(Scenarios::brief).toList(); }

    static String describe(List<JsonNode> events) {
        return events.stream().map(e -> "\n  #" + e.path("seq").asText() + " " + e).collect(Collectors.joining());
    }
}
