package org.opencti.connector.csta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.mapping.Desk;
import org.opencti.connector.csta.mapping.Directory;
import org.opencti.connector.csta.mapping.EventMapping;
import org.opencti.connector.csta.mapping.QueueMonitor;
import org.opencti.connector.csta.xml.CstaDecoder;
import org.opencti.connector.csta.xml.CstaFormatException;
import org.opencti.connector.csta.xml.CstaMessage;
import org.opencti.connector.csta.xml.CstaNames;
import org.opencti.model.AgentId;
import org.opencti.model.CtiException;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.fuzz.FuzzRun;
import org.opencti.model.fuzz.XmlMutator;
import org.opencti.model.json.CtiJson;

/**
 * The CSTA reader and the mapping to canonical events under mutated golden vectors ({@code src/test/resources/vectors})
 * and random XML: decoding either gives a message or the documented {@link CstaFormatException}; a decoded event,
 * applied to the desk that lived through the vector's earlier steps (and to a queue monitor), changes it without
 * throwing, and every canonical event it produces is valid v1 (the schema included), so nothing a switch sends can
 * break the reader thread or put an invalid event on the gateway. The whole run is bounded in time (no hang).
 */
class CstaDecoderFuzzTest {
    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.120Z");
    private static final List<JsonNode> VECTORS = vectors();
    private static final List<String> EXAMPLES = VECTORS.stream()
            .flatMap(v -> java.util.stream.StreamSupport.stream(v.get("steps").spliterator(), false)).map(s -> s.get("in").asText()).toList();

    @Test
    void a_mutated_step_of_a_golden_vector_decodes_and_maps_to_valid_events_or_is_refused_as_unreadable() {
        FuzzRun run = FuzzRun.of(1500);
        SplittableRandom random = run.random();
        XmlMutator mutator = new XmlMutator(random, EXAMPLES);
        List<FuzzRun.Failure> failures = new ArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < run.tries(); i++) {
                JsonNode vector = VECTORS.get(random.nextInt(VECTORS.size()));
                Desk desk = deskOf(vector);
                QueueMonitor queue = new QueueMonitor("8001", directory());
                List<String> steps = new ArrayList<>();
                vector.get("steps").forEach(s -> steps.add(s.get("in").asText()));
                int broken = random.nextInt(steps.size());
                steps.set(broken, mutator.mutate(steps.get(broken)));
                for (String xml : steps) {
                    String problem = problemWith(xml, desk, queue);
                    if (problem != null) {
                        failures.add(new FuzzRun.Failure(i, xml, problem));
                        break;
                    }
                }
            }
        });

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
    }

    @Test
    void random_text_and_random_documents_of_csta_elements_decode_or_are_refused_as_unreadable() {
        FuzzRun run = FuzzRun.of(1500);
        SplittableRandom random = run.random();
        XmlMutator mutator = new XmlMutator(random, EXAMPLES);
        List<FuzzRun.Failure> failures = new ArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < run.tries(); i++) {
                String xml = random.nextInt(3) == 0 ? mutator.randomText()
                        : mutator.randomDocument(random.nextBoolean() ? CstaNames.ED4 : CstaNames.ED3);
                String problem = problemWith(xml, deskOf(VECTORS.getFirst()), new QueueMonitor("8001", directory()));
                if (problem != null) failures.add(new FuzzRun.Failure(i, xml, problem));
            }
        });

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
    }

    @Test
    void events_without_their_monitor_or_connection_are_ignored_rather_than_breaking_the_reader() throws Exception {
        String ed4 = " xmlns=\"" + CstaNames.ED4 + "\"";
        List<String> found = List.of(
                "<HeldEvent" + ed4 + "><monitorCrossRefID>1</monitorCrossRefID><heldConnection><callID>7</callID></heldConnection></HeldEvent>",
                "<DeliveredEvent" + ed4 + "><monitorCrossRefID>1</monitorCrossRefID><alertingDevice><deviceIdentifier>5001"
                        + "</deviceIdentifier></alertingDevice></DeliveredEvent>",
                "<FailedEvent" + ed4 + "><failedConnection><callID>7</callID><deviceID>5001</deviceID></failedConnection></FailedEvent>");

        for (String xml : found)
            assertThat(CstaDecoder.decode(new Frame(null, xml))).as(xml).isInstanceOf(CstaMessage.Unknown.class);
    }

    /** Null when reading and mapping kept the contract, else what went wrong. */
    private static String problemWith(String xml, Desk desk, QueueMonitor queue) {
        CstaMessage message;
        try {
            message = CstaDecoder.decode(new Frame(null, xml));
        } catch (CstaFormatException e) {
            return e.getMessage() == null || e.getMessage().isBlank() ? "unreadable, but the error says nothing" : null;
        } catch (RuntimeException | StackOverflowError e) {
            return "decode threw " + e;
        }
        if (!(message instanceof CstaMessage.Event event)) return null;
        List<CtiEvent> produced = new ArrayList<>();
        try {
            produced.addAll(EventMapping.apply(desk, event.event(), AT));
            produced.addAll(queue.apply(event.event(), AT));
        } catch (RuntimeException | StackOverflowError e) {
            return "mapping " + event.event() + " threw " + e;
        }
        for (CtiEvent canonical : produced) {
            try {
                CtiJson.parseEvent(CtiJson.write(canonical));
            } catch (CtiException e) {
                return "mapping produced an invalid v1 event: " + e.getMessage() + " in " + canonical;
            }
        }
        return null;
    }

    private static Desk deskOf(JsonNode vector) {
        return new Desk(new AgentId(vector.get("agentId").asText()), vector.get("device").asText(), directory(), AT);
    }

    private static Directory directory() {
        return new Directory(Map.of("8001", "sales", "8002", "support", "8003", "billing"), 6);
    }

    private static List<JsonNode> vectors() {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/vectors"))) {
            List<JsonNode> vectors = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList())
                vectors.add(CtiJson.mapper().readTree(Files.readString(file)));
            return vectors;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
