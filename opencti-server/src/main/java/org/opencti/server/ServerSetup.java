package org.opencti.server;

import java.nio.file.Path;
import java.util.List;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.server.gateway.GatewaySettings;
import org.opencti.server.gateway.Recording;
import org.opencti.server.session.User;

/** Everything the server is made of, validated before it starts. */
public record ServerSetup(CtiConnector connector, List<User> users, Path dataDir, Scheduler scheduler,
                          GatewaySettings gateway, Recording recording, List<String> allowedOrigins) {
    public ServerSetup {
        if (connector == null) throw new IllegalArgumentException("a connector is required");
        if (dataDir == null) throw new IllegalArgumentException("a data folder is required");
        if (scheduler == null) throw new IllegalArgumentException("a scheduler is required");
        users = List.copyOf(users);
        gateway = gateway == null ? GatewaySettings.DEFAULTS : gateway;
        recording = recording == null ? Recording.NONE : recording;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
