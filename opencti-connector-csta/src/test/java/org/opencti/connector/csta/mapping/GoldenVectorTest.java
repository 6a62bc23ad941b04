package org.opencti.connector.csta.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.xml.CstaDecoder;
import org.opencti.connector.csta.xml.CstaMessage;
import org.opencti.model.AgentId;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.json.CtiJson;

/**
 * The shared golden vectors ({@code src/test/resources/vectors/*.json}, DESIGN section 4): each step's CSTA XML,
 * fed to the mapping of one agent's desk, yields exactly the step's canonical events (JSON trees without
 * {@code seq} and {@code at}; {@code allowedActions} compared as sets, since order carries no meaning). The
 * JavaScript {@code csta-ws} implementation loads the same files. Run with {@code -Dvectors.record=true} to write
 * what the mapping produces into the files (then review every change by hand).
 */
class GoldenVectorTest {
    private static final Path VECTORS = Path.of("src/test/resources/vectors");
    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.120Z");

    static Stream<Path> vectors() throws IOException {
        return Files.list(VECTORS).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void each_step_maps_to_exactly_the_expected_canonical_events(Path file) throws Exception {
        ObjectNode vector = (ObjectNode) CtiJson.mapper().readTree(Files.readString(file));
        Desk desk = new Desk(new AgentId(vector.get("agentId").asText()), vector.get("device").asText(),
                new Directory(Map.of("8001", "sales", "8002", "support", "8003", "billing"), 6), AT);
        boolean record = Boolean.getBoolean("vectors.record");

        int index = 0;
        for (JsonNode step : vector.get("steps")) {
            String xml = step.get("in").asText();
            ArrayNode produced = CtiJson.mapper().createArrayNode();
            for (CtiEvent event : map(desk, xml)) {
                CtiJson.parseEvent(CtiJson.write(event)); // valid v1, schema included
                ObjectNode tree = CtiJson.toTree(event);
                tree.remove("seq");
                tree.remove("at");
                produced.add(tree);
            }
            if (record) ((ObjectNode) step).set("out", produced);
            else assertThat(normalised(produced)).as("%s step %d: %s", file.getFileName(), index, xml)
                    .isEqualTo(normalised(step.get("out")));
            index++;
        }
        if (record) Files.writeString(file, CtiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(vector) + "\n");
    }

    private static List<CtiEvent> map(Desk desk, String xml) throws Exception {
        CstaMessage message = CstaDecoder.decode(new Frame(null, xml));
        if (message instanceof CstaMessage.Event event) return EventMapping.apply(desk, event.event(), AT);
        return new ArrayList<>(); // responses and the like change no desk: "events may arrive before the response"
    }

    /** allowedActions sorted, so the comparison ignores their order. */
    private static JsonNode normalised(JsonNode events) {
        JsonNode copy = events.deepCopy();
        for (JsonNode event : copy) {
            JsonNode actions = event.get("allowedActions");
            if (actions == null) continue;
            List<String> sorted = new ArrayList<>();
            actions.forEach(a -> sorted.add(a.asText()));
            sorted.sort(String::compareTo);
            ArrayNode replaced = ((ObjectNode) event).putArray("allowedActions");
            sorted.forEach(replaced::add);
        }
        return copy;
    }
}
