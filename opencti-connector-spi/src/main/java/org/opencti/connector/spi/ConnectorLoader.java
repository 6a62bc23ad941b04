package org.opencti.connector.spi;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the provider of a connector type on the class path. */
public final class ConnectorLoader {
    private ConnectorLoader() {}

    public static CtiConnector create(ConnectorConfig config) {
        var providers = ServiceLoader.load(CtiConnectorProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        return providers.stream().filter(p -> p.type().equals(config.type())).findFirst()
                .orElseThrow(() -> new InvalidConfigException(config.type(), java.util.List.of("type = '" + config.type()
                        + "': no connector of that type on the class path; available: "
                        + providers.stream().map(CtiConnectorProvider::type).sorted().collect(Collectors.joining(", ")))))
                .create(config);
    }
}
