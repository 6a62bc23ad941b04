package org.opencti.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.InvalidConfigException;

import org.junit.jupiter.api.Test;
import org.opencti.lab.config.LabConfig;

class ServeCommandTest {

    @Test
    void the_client_side_desk_url_names_the_labs_csta_websocket_and_every_queue_as_the_platform_does() {
        String url = ServeCommand.clientSideDesk(8080, 4725, LabConfig.demo());

        assertThat(url).startsWith("http://localhost:8080/desktop/pages/agent.html?impl=csta-ws&csta=ws://localhost:4725/csta&queues=")
                .contains("8001:sales");
        assertThat(url.substring(url.indexOf("queues=") + 7).split(",")).hasSize(LabConfig.demo().queues().size());
    }

    @Test
    void the_server_ships_the_csta_and_asterisk_connectors_and_names_them_for_an_unknown_type() {
        assertThatThrownBy(() -> ConnectorLoader.create(new ConnectorConfig("avaya-tsapi", Map.of())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("available: asterisk-ami, csta");
    }
}
