package org.opencti.connector.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.InvalidConfigException;
import org.opencti.model.LinkState;
import org.opencti.model.state.Action;

class AsteriskConnectorProviderTest {

    @Test
    void the_service_loader_finds_type_asterisk_ami_and_a_new_connector_is_not_yet_linked() {
        try (CtiConnector connector = ConnectorLoader.create(new ConnectorConfig("asterisk-ami",
                Map.of("host", "localhost", "username", "opencti", "secret", "s3cret")))) {
            assertThat(connector).isInstanceOf(AsteriskConnector.class);
            assertThat(connector.linkState()).isEqualTo(LinkState.Disconnected);
        }
    }

    @Test
    void it_declares_what_AMI_can_do_and_not_answer_hold_consult_or_conference() {
        CtiConnector connector = new AsteriskConnectorProvider().create(new ConnectorConfig("asterisk-ami",
                Map.of("host", "localhost", "username", "opencti", "secret", "s3cret")));

        assertThat(connector.capabilities()).containsExactlyInAnyOrder(Action.LOGIN, Action.LOGOUT, Action.AGENT_READY,
                Action.AGENT_NOT_READY, Action.MAKE_CALL, Action.HANG_UP_CALL, Action.BLIND_TRANSFER,
                Action.TRANSFER_INITIATE, Action.SEND_DTMF, Action.WRAP_UP);
    }

    @Test
    void every_bad_property_is_reported_with_its_name_value_and_what_is_accepted() {
        ConnectorConfig config = new ConnectorConfig("asterisk-ami", Map.of("port", "70000", "pingInterval", "soon",
                "queues", "8001:sales", "ringNoAnswer", "retry", "technology", "PJSIP/", "reconnectMin", "20",
                "reconnectMax", "10", "hots", "pbx"));

        assertThatThrownBy(() -> new AsteriskConnectorProvider().create(config)).isInstanceOfSatisfying(InvalidConfigException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("host is required"))
                        .anySatisfy(p -> assertThat(p).startsWith("username is required"))
                        .anySatisfy(p -> assertThat(p).startsWith("secret is required"))
                        .anySatisfy(p -> assertThat(p).contains("port = 70000").contains("between 1 and 65535"))
                        .anySatisfy(p -> assertThat(p).contains("pingInterval = 'soon'").contains("between 1 and 60"))
                        .anySatisfy(p -> assertThat(p).contains("entry '8001:sales'").contains("8001=sales"))
                        .anySatisfy(p -> assertThat(p).contains("ringNoAnswer = 'retry'").contains("PAUSE, IGNORE"))
                        .anySatisfy(p -> assertThat(p).contains("technology = 'PJSIP/'"))
                        .anySatisfy(p -> assertThat(p).contains("reconnectMax = 10").contains("at least reconnectMin (20)"))
                        .anySatisfy(p -> assertThat(p).startsWith("hots: unknown property")));
    }
}
