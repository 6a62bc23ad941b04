package org.opencti.connector.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.InvalidConfigException;
import org.opencti.model.LinkState;

class CstaConnectorProviderTest {

    @Test
    void the_service_loader_finds_type_csta_and_a_new_connector_is_not_yet_linked() {
        try (CtiConnector connector = ConnectorLoader.create(new ConnectorConfig("csta", Map.of("host", "localhost")))) {
            assertThat(connector).isInstanceOf(CstaConnector.class);
            assertThat(connector.linkState()).isEqualTo(LinkState.Disconnected);
        }
    }

    @Test
    void every_bad_property_is_reported_with_its_name_value_and_what_is_accepted() {
        ConnectorConfig config = new ConnectorConfig("csta", Map.of("port", "70000", "framing", "xml",
                "sessionDuration", "5", "heartbeat", "soon", "queues", "8001:sales", "hots", "pbx"));

        assertThatThrownBy(() -> new CstaConnectorProvider().create(config)).isInstanceOfSatisfying(InvalidConfigException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("host is required"))
                        .anySatisfy(p -> assertThat(p).contains("port = 70000").contains("between 1 and 65535"))
                        .anySatisfy(p -> assertThat(p).contains("framing = 'xml'").contains("HEADER, NUL"))
                        .anySatisfy(p -> assertThat(p).contains("sessionDuration = 5").contains("between 10 and 3600"))
                        .anySatisfy(p -> assertThat(p).contains("heartbeat = 'soon'"))
                        .anySatisfy(p -> assertThat(p).contains("entry '8001:sales'").contains("8001=sales"))
                        .anySatisfy(p -> assertThat(p).startsWith("hots: unknown property")));
    }
}
