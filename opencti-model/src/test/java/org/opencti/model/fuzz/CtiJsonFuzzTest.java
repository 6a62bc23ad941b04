package org.opencti.model.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.json.CtiJson;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.state.Action;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's codec under random and mutated JSON: every input either decodes (and then writes back to an equal
 * value) or fails with a {@link CtiException} whose code is the entry point's ({@code OPENCTI_INVALID_EVENT} for
 * events, {@code OPENCTI_BAD_REQUEST} for requests), whose message starts with the JSON path of the problem and whose
 * details name that path. Any other exception is a bug. Inputs are mutations of the golden examples
 * ({@code schema/v1/examples/valid}) and random objects and text; see {@link FuzzRun} for the seed.
 */
class CtiJsonFuzzTest {
    private static final List<String> VALID = validExamples();
    private static final List<JsonNode> VALID_TREES = VALID.stream().map(json -> CtiJson.readTree(json, ErrorCode.OPENCTI_BAD_REQUEST)).toList();
    private static final List<String> TYPES = Stream.concat(CtiJson.EVENT_TYPES.stream(),
            Stream.of(Action.values()).map(Action::wireName)).toList();

    @Test
    void mutated_golden_examples_decode_or_fail_with_a_code_and_the_json_path() {
        FuzzRun run = FuzzRun.of(1500);
        SplittableRandom random = run.random();
        JsonMutator mutator = new JsonMutator(random, fieldNames());

        List<FuzzRun.Failure> failures = check(run, i -> {
            JsonNode valid = VALID_TREES.get(random.nextInt(VALID_TREES.size()));
            return random.nextInt(4) == 0 ? mutator.mutateText(valid.toString()) : mutator.mutateTree(valid).toString();
        });

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
    }

    @Test
    void random_objects_and_random_text_decode_or_fail_with_a_code_and_the_json_path() {
        FuzzRun run = FuzzRun.of(1500);
        SplittableRandom random = run.random();
        JsonMutator mutator = new JsonMutator(random, fieldNames());

        List<FuzzRun.Failure> failures = check(run, i -> switch (random.nextInt(5)) {
            case 0 -> mutator.randomText();
            case 1 -> "[".repeat(random.nextInt(5000)) + "\"x\""; // deeper than the parser's nesting limit
            default -> mutator.randomObject(TYPES).toString();
        });

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
    }

    @Test
    void the_unmutated_golden_examples_all_decode_so_the_mutations_start_from_valid_input() {
        FuzzRun run = new FuzzRun(0, VALID.size());
        List<String> inputs = new ArrayList<>(VALID);

        List<FuzzRun.Failure> failures = check(run, inputs::get);

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
        assertThat(inputs).allSatisfy(json -> assertThat(decodes(json)).as(json).isTrue());
    }

    @Test
    void inputs_the_fuzzer_found_are_refused_as_malformed_json_at_the_root() {
        List<String> found = List.of(
                "{\"type\":\"hangUpCall\",\"callId\":\"c-7\"}}",                           // text after the object
                "{\"type\":\"holdCall\",\"callId\":" + "[".repeat(600) + "]".repeat(600) + "}",  // nesting the validator refuses
                "{\"type\":\"makeCall\",\"de\\uD800stination\":\"5002\"}");                  // a broken surrogate in a name

        for (String json : found) {
            assertThat(problemWith(json, false)).as(json).isNull();
            assertThat(problemWith(json, true)).as(json).isNull();
            assertThat(decodes(json)).as(json).isFalse();
        }
    }

    /** Feeds each input to both entry points and keeps every case that broke the contract. */
    private static List<FuzzRun.Failure> check(FuzzRun run, Function<Integer, String> input) {
        List<FuzzRun.Failure> failures = new ArrayList<>();
        for (int i = 0; i < run.tries(); i++) {
            String json = input.apply(i);
            String problem = problemWith(json, true);
            if (problem == null) problem = problemWith(json, false);
            if (problem != null) failures.add(new FuzzRun.Failure(i, json, problem));
        }
        return failures;
    }

    /** Null when the codec kept its contract for this input at this entry point, else what it did wrong. */
    private static String problemWith(String json, boolean asEvent) {
        ErrorCode expected = asEvent ? ErrorCode.OPENCTI_INVALID_EVENT : ErrorCode.OPENCTI_BAD_REQUEST;
        try {
            if (asEvent) {
                CtiEvent event = CtiJson.parseEvent(json);
                CtiEvent again = CtiJson.parseEvent(CtiJson.write(event));
                return again.equals(event) ? null : "event does not survive write and read back: " + event + " became " + again;
            }
            CtiRequest request = CtiJson.parseRequest(json);
            CtiRequest again = CtiJson.parseRequest(CtiJson.write(request));
            return again.equals(request) ? null : "request does not survive write and read back: " + request + " became " + again;
        } catch (CtiException e) {
            String path = e.details().get("path");
            if (e.code() != expected) return "code " + e.code() + ", expected " + expected + ": " + e.getMessage();
            if (path == null || !path.startsWith("$")) return "details carry no JSON path: " + e.details() + " / " + e.getMessage();
            if (!e.getMessage().startsWith(path)) return "message does not start with its path " + path + ": " + e.getMessage();
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return (asEvent ? "parseEvent" : "parseRequest") + " threw " + e;
        }
    }

    private static boolean decodes(String json) {
        try {
            if (Character.isUpperCase(CtiJson.readTree(json, ErrorCode.OPENCTI_BAD_REQUEST).get("type").asText().charAt(0))) CtiJson.parseEvent(json);
            else CtiJson.parseRequest(json);
            return true;
        } catch (CtiException e) {
            return false;
        }
    }

    /** Every field name used anywhere in the golden examples, so random objects use names the codec knows. */
    private static List<String> fieldNames() {
        TreeSet<String> names = new TreeSet<>();
        VALID_TREES.forEach(tree -> collectNames(tree, names));
        return List.copyOf(names);
    }

    private static void collectNames(JsonNode node, TreeSet<String> into) {
        if (node.isObject()) node.properties().forEach(e -> into.add(e.getKey()));
        node.forEach(child -> collectNames(child, into));
    }

    private static List<String> validExamples() {
        try (Stream<Path> files = Files.list(Path.of(CtiJsonFuzzTest.class.getResource("/schema/v1/examples/valid").toURI()))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
