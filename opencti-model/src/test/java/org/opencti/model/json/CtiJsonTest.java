package org.opencti.model.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.request.AnswerCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CtiJsonTest {

    @Test
    void malformed_json_is_reported_with_its_line_and_column() {
        assertThatThrownBy(() -> CtiJson.parseRequest("{\n  \"type\": \"answerCall\",\n  \"callId\": }"))
                .isInstanceOf(CtiException.class)
                .hasMessageContaining("$: malformed JSON at line 3, column 13")
                .satisfies(e -> {
                    CtiException cti = (CtiException) e;
                    assertThat(cti.code()).isEqualTo(ErrorCode.OPENCTI_BAD_REQUEST);
                    assertThat(cti.details()).containsEntry("line", "3").containsEntry("column", "13");
                });
    }

    @Test
    void an_unknown_request_type_lists_the_accepted_ones() {
        assertThatThrownBy(() -> CtiJson.parseRequest("{\"type\":\"pickUp\"}"))
                .hasMessageContaining("$.type: Unknown request type 'pickUp'; expected one of login, logout,")
                .hasMessageContaining("wrapUp");
    }

    @Test
    void a_json_array_is_not_a_request() {
        assertThatThrownBy(() -> CtiJson.parseRequest("[1]"))
                .hasMessageContaining("$: expected a JSON object, got array");
    }

    @Test
    void duplicate_keys_are_refused_rather_than_silently_overwritten() {
        assertThatThrownBy(() -> CtiJson.parseRequest("{\"type\":\"answerCall\",\"callId\":\"c-1\",\"callId\":\"c-2\"}"))
                .isInstanceOf(CtiException.class).hasMessageStartingWith("$: malformed JSON").hasMessageContaining("Duplicate field 'callId'");
    }

    @Test
    void event_times_are_written_in_utc_with_exactly_three_fractional_digits() {
        var event = new CallStateEvent(EventHeader.of(Instant.parse("2026-11-28T10:15:30Z"), new AgentId("1001"), "5001"),
                ConnectionState.Offering, new CallId("c-7"), new CallId("c-7"), CallType.Inbound, "0612345678", "8001",
                null, "sales", null, null, null, Map.of(), List.of(), null, null);

        assertThat(CtiJson.toTree(event).get("at").asText()).isEqualTo("2026-11-28T10:15:30.000Z");
        assertThat(CtiJson.toTree(event.withSeq(4)).get("seq").asLong()).isEqualTo(4);
    }

    @Test
    void a_request_written_and_read_back_is_equal() {
        AnswerCall answer = new AnswerCall(new CallId("c-7"));

        assertThat(CtiJson.parseRequest(CtiJson.write(answer))).isEqualTo(answer);
    }
}
