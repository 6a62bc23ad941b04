package org.opencti.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencti.model.event.AgentSnapshot;
import org.opencti.model.event.CallSnapshot;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EndedCall;
import org.opencti.model.event.EventHeader;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.LoginOptions;
import org.opencti.model.state.Action;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks every event and request record and checks its schema names exactly the same properties. */
class SchemaMatchesModelTest {

    static Stream<Arguments> events() {
        return Arrays.stream(CtiEvent.class.getPermittedSubclasses())
                .map(type -> Arguments.of(type.getSimpleName(), type));
    }

    static Stream<Arguments> requests() {
        return Arrays.stream(CtiRequest.class.getPermittedSubclasses())
                .map(type -> Arguments.of(type.getSimpleName(), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void an_event_schema_names_the_record_components_plus_the_flattened_envelope(String name, Class<?> type) throws IOException {
        JsonNode schema = load("events/" + name + ".schema.json");
        Set<String> expected = components(type);
        expected.remove("header");
        expected.addAll(components(EventHeader.class));
        expected.addAll(Set.of("type", "name", "media"));

        assertThat(propertyNames(schema)).isEqualTo(expected);
        assertThat(schema.get("additionalProperties").asBoolean(true)).as("events are strict at the top level").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void a_request_schema_names_the_record_components_plus_its_type(String name, Class<?> type) throws IOException {
        String wireName = Arrays.stream(Action.values())
                .filter(a -> a.name().replace("_", "").equalsIgnoreCase(name)).findFirst().orElseThrow().wireName();
        JsonNode schema = load("requests/" + wireName + ".schema.json");
        Set<String> expected = components(type);
        expected.add("type");

        assertThat(propertyNames(schema)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestedRecords")
    void a_nested_record_matches_its_schema_definition(String pointer, Class<?> type) throws IOException {
        String[] parts = pointer.split("#");
        JsonNode node = load(parts[0]).at(parts[1]);

        assertThat(propertyNames(node)).isEqualTo(components(type));
    }

    static Stream<Arguments> nestedRecords() {
        return Stream.of(
                Arguments.of("events/SnapshotEvent.schema.json#/properties/agent", AgentSnapshot.class),
                Arguments.of("events/SnapshotEvent.schema.json#/properties/calls/items", CallSnapshot.class),
                Arguments.of("events/SnapshotEvent.schema.json#/properties/awaitingWrapUp/items", EndedCall.class),
                Arguments.of("common.schema.json#/$defs/party", org.opencti.model.Party.class),
                Arguments.of("common.schema.json#/$defs/customer", org.opencti.model.Customer.class),
                Arguments.of("requests/login.schema.json#/properties/options", LoginOptions.class));
    }

    private static Set<String> components(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) names.add(component.getName());
        return names;
    }

    private static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode load(String file) throws IOException {
        try (InputStream in = SchemaMatchesModelTest.class.getResourceAsStream("/schema/v1/" + file)) {
            assertThat(in).as(file).isNotNull();
            return CtiJson.mapper().readTree(in);
        }
    }
}
