package org.opencti.connector.csta.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.mapping.ErrorMapping;
import org.opencti.model.ErrorCode;

class CstaDecoderTest {

    @Test
    void a_CSTAErrorCode_keeps_category_value_and_the_switchs_text() throws Exception {
        String xml = "<CSTAErrorCode xmlns=\"" + CstaNames.ED4 + "\"><operation>invalidCallID</operation>"
                + "<od:message xmlns:od=\"urn:opencti:csta:1\">Unknown call '42' in callToBeHeld; calls at 5001: 7</od:message></CSTAErrorCode>";

        CstaMessage message = CstaDecoder.decode(new Frame("0007", xml));

        assertThat(message).isEqualTo(new CstaMessage.ErrorResponse("0007",
                new CstaError("operation", "invalidCallID", "Unknown call '42' in callToBeHeld; calls at 5001: 7")));
    }

    @Test
    void errors_map_to_opencti_codes_as_design_section_4_says() {
        assertThat(ErrorMapping.toCti(new CstaError("operation", "invalidConnectionID", null), "HoldCall").code())
                .isEqualTo(ErrorCode.OPENCTI_UNKNOWN_CALL);
        assertThat(ErrorMapping.toCti(new CstaError("stateIncompatibility", "invalidObjectState", null), "HoldCall").code())
                .isEqualTo(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE);
        assertThat(ErrorMapping.toCti(new CstaError("stateIncompatibility", "invalidObjectState", null), "SetAgentState:loggedOn").code())
                .isEqualTo(ErrorCode.OPENCTI_AGENT_LOGGED_IN);
        assertThat(ErrorMapping.toCti(new CstaError("operation", "invalidDestination", null), "MakeCall").code())
                .isEqualTo(ErrorCode.OPENCTI_CF_INVALID_DESTINATION);
        assertThat(ErrorMapping.toCti(new CstaError("operation", "invalidAgentPassword", null), "SetAgentState:loggedOn").code())
                .isEqualTo(ErrorCode.OPENCTI_NOT_AUTHORIZED);
        assertThat(ErrorMapping.toCti(new CstaError("operation", "valueOutOfRange", "bad DTMF"), "GenerateDigits"))
                .hasMessageContaining("GenerateDigits").hasMessageContaining("valueOutOfRange").hasMessageContaining("bad DTMF")
                .extracting(e -> e.code()).isEqualTo(ErrorCode.OPENCTI_CF_GENERIC_OPERATION);
    }

    @Test
    void responses_switch_requests_and_unused_events_are_told_apart() throws Exception {
        assertThat(CstaDecoder.decode(new Frame("0001", "<MakeCallResponse xmlns=\"" + CstaNames.ED3 + "\"/>")))
                .isInstanceOf(CstaMessage.Response.class);
        assertThat(CstaDecoder.decode(new Frame("0003", "<SystemStatus><systemStatus>normal</systemStatus></SystemStatus>")))
                .isInstanceOf(CstaMessage.SwitchRequest.class);
        assertThat(CstaDecoder.decode(new Frame("9999", "<NetworkReachedEvent><monitorCrossRefID>1</monitorCrossRefID></NetworkReachedEvent>")))
                .isEqualTo(new CstaMessage.Unknown("9999", "NetworkReachedEvent"));
        assertThat(CstaDecoder.decode(new Frame(null, "<StartApplicationSessionNegResponse><errorCode><definedError>invalidSessionDuration</definedError></errorCode></StartApplicationSessionNegResponse>")))
                .isEqualTo(new CstaMessage.ErrorResponse(null, new CstaError("definedError", "invalidSessionDuration", null)));
    }

    @Test
    void malformed_xml_is_reported_with_line_and_column_and_external_entities_are_never_read() {
        assertThatThrownBy(() -> CstaDecoder.decode(new Frame("9999", "<a><b></a>"))).isInstanceOf(CstaFormatException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> CstaDecoder.decode(new Frame("9999",
                "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"))).isInstanceOf(CstaFormatException.class);
    }
}
