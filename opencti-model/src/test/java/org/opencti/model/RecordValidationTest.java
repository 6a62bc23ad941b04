package org.opencti.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.request.Login;
import org.opencti.model.request.MakeCall;
import org.opencti.model.request.SendDTMF;
import org.opencti.model.request.TransferComplete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordValidationTest {

    @Test
    void a_blank_call_id_names_the_field_and_the_value() {
        assertThatThrownBy(() -> new CallId(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callId must be a non-blank string, got ' '");
    }

    @Test
    void a_destination_that_is_not_a_dial_string_says_what_is_accepted() {
        assertThatThrownBy(() -> new MakeCall("call mum", Map.of()))
                .hasMessage("destination 'call mum' is not valid; expected 1 to 32 digits, '*' or '#', with an "
                        + "optional leading '+' (an extension, an external number or a queue DNIS)");
    }

    @Test
    void dtmf_digits_outside_the_keypad_are_refused() {
        assertThatThrownBy(() -> new SendDTMF(new CallId("c-1"), "12x"))
                .hasMessageContaining("digits '12x' is not valid; expected 1 to 64 DTMF characters");
    }

    @Test
    void a_transfer_needs_two_different_calls() {
        assertThatThrownBy(() -> new TransferComplete(new CallId("c-1"), new CallId("c-1")))
                .hasMessage("heldCallId and activeCallId must differ, both are c-1");
    }

    @Test
    void call_data_values_must_be_strings_and_collections_are_copied() {
        Map<String, String> data = new HashMap<>();
        data.put("accountId", "A-1");
        MakeCall call = new MakeCall("5002", data);
        data.put("later", "x");

        assertThat(call.callData()).containsOnlyKeys("accountId");
        data.put("bad", null);
        assertThatThrownBy(() -> new MakeCall("5002", data)).hasMessage("callData.bad must be a string, got null");
    }

    @Test
    void a_disconnected_call_event_needs_a_cause_and_only_it_may_have_one() {
        EventHeader header = EventHeader.of(Instant.EPOCH, new AgentId("1001"), "5001");

        assertThatThrownBy(() -> new CallStateEvent(header, ConnectionState.Disconnected, new CallId("c"), new CallId("c"),
                CallType.Inbound, null, null, null, null, null, null, null, Map.of(), List.of(), null, null))
                .hasMessage("cause is required when name is Disconnected");
        assertThatThrownBy(() -> new CallStateEvent(header, ConnectionState.Established, new CallId("c"), new CallId("c"),
                CallType.Inbound, null, null, null, null, null, null, null, Map.of(), List.of(), DisconnectCause.Normal, null))
                .hasMessageContaining("cause is only allowed when name is Disconnected");
    }

    @Test
    void a_login_never_prints_its_password() {
        Login login = new Login(new AgentId("1001"), "s3cret", "5001", null);

        assertThat(login.toString()).doesNotContain("s3cret").contains("1001");
    }
}
