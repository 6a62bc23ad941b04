package org.opencti.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenExamplesTest {

    static List<Path> validExamples() { return Examples.files("valid"); }

    static Stream<Arguments> invalidExamples() {
        JsonNode expected = CtiJson.readTree(Examples.read(Examples.folder("expected-errors.json")), ErrorCode.OPENCTI_BAD_REQUEST)
                .get("files");
        return Examples.files("invalid").stream().map(file -> {
            JsonNode entry = expected.get(file.getFileName().toString());
            if (entry == null) throw new AssertionError(file.getFileName() + " has no entry in expected-errors.json");
            ErrorCode code = entry.get("kind").asText().equals("event") ? ErrorCode.OPENCTI_INVALID_EVENT : ErrorCode.OPENCTI_BAD_REQUEST;
            return Arguments.of(file.getFileName().toString(), Examples.read(file), code, entry.get("path").asText());
        });
    }

    @Test
    void there_is_a_valid_example_of_every_event_and_every_request_type() {
        List<String> names = validExamples().stream().map(p -> p.getFileName().toString().split("\\.")[0]).toList();

        assertThat(names).containsAll(CtiJson.EVENT_TYPES);
        assertThat(names).containsAll(Stream.of(org.opencti.model.state.Action.values()).map(a -> a.wireName()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void a_valid_example_parses_and_writes_back_the_same_json_tree(Path file) {
        String json = Examples.read(file);
        JsonNode original = CtiJson.readTree(json, ErrorCode.OPENCTI_BAD_REQUEST);

        String written = Examples.isEvent(file)
                ? CtiJson.write(CtiJson.parseEvent(json))
                : CtiJson.write(CtiJson.parseRequest(json));

        assertThat(CtiJson.readTree(written, ErrorCode.OPENCTI_BAD_REQUEST)).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void an_invalid_example_is_rejected_with_its_code_and_the_path_of_the_bad_value(String name, String json,
                                                                                    ErrorCode code, String path) {
        assertThatThrownBy(() -> {
            if (code == ErrorCode.OPENCTI_INVALID_EVENT) CtiJson.parseEvent(json);
            else CtiJson.parseRequest(json);
        })
                .isInstanceOf(CtiException.class)
                .satisfies(e -> assertThat(((CtiException) e).code()).isEqualTo(code))
                .hasMessageContaining(path + ":");
    }
}
