package org.opencti.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.server.gateway.GatewaySettings;
import org.opencti.server.gateway.Recording;
import org.opencti.server.platform.CustomerLookup;
import org.opencti.server.platform.QueueDefinition;
import org.opencti.server.platform.ScreenPop;
import org.opencti.server.session.User;
import org.opencti.store.Store;

/**
 * Everything the server is made of, validated before it starts. Start from the seven-argument constructor and add
 * the platform with the {@code with…} methods:
 * <pre>{@code
 * new ServerSetup(connector, users, dataDir, scheduler, null, null, allowedOrigins)
 *         .withStore(store)                                  // recording, audit, REST, default screen pop
 *         .withCustomerLookup(new HttpCustomerLookup(url, timeout))  // else the customers table
 *         .withScreenPopBudget(Duration.ofMillis(150))
 *         .withMeterRegistry(registry)                       // else a fresh one; /metrics serves it
 *         .withQueues(List.of(new QueueDefinition("sales", "8001", 20)));  // monitored, with live statistics
 * }</pre>
 *
 * @param store          where interactions, agent states and the audit go, and what REST reads; null for none
 *                       (then no recording, no screen pop and no REST API beyond the OpenAPI document)
 * @param customerLookup the screen-pop lookup; null for the customers table of {@code store}
 * @param screenPopBudget how long an Offering waits for the lookup; null for 150 ms
 * @param meterRegistry  the registry behind {@code /metrics}; null for a new one
 * @param queues         the queues to monitor through the connector; none by default
 */
public record ServerSetup(CtiConnector connector, List<User> users, Path dataDir, Scheduler scheduler,
                          GatewaySettings gateway, Recording recording, List<String> allowedOrigins, Store store,
                          CustomerLookup customerLookup, Duration screenPopBudget, PrometheusMeterRegistry meterRegistry,
                          List<QueueDefinition> queues) {
    public ServerSetup {
        if (connector == null) throw new IllegalArgumentException("a connector is required");
        if (dataDir == null) throw new IllegalArgumentException("a data folder is required");
        if (scheduler == null) throw new IllegalArgumentException("a scheduler is required");
        users = List.copyOf(users);
        gateway = gateway == null ? GatewaySettings.DEFAULTS : gateway;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        screenPopBudget = screenPopBudget == null ? ScreenPop.DEFAULT_BUDGET : screenPopBudget;
        queues = queues == null ? List.of() : List.copyOf(queues);
        if (screenPopBudget.isNegative() || screenPopBudget.compareTo(Duration.ofSeconds(10)) > 0)
            throw new IllegalArgumentException("screenPopBudget must be between PT0S and PT10S, got " + screenPopBudget);
    }

    /** A server without a store: the gateway only (recording {@code null} records nothing). */
    public ServerSetup(CtiConnector connector, List<User> users, Path dataDir, Scheduler scheduler,
                       GatewaySettings gateway, Recording recording, List<String> allowedOrigins) {
        this(connector, users, dataDir, scheduler, gateway, recording, allowedOrigins, null, null, null, null, null);
    }

    /** Every part but the monitored queues. */
    public ServerSetup(CtiConnector connector, List<User> users, Path dataDir, Scheduler scheduler,
                       GatewaySettings gateway, Recording recording, List<String> allowedOrigins, Store store,
                       CustomerLookup customerLookup, Duration screenPopBudget, PrometheusMeterRegistry meterRegistry) {
        this(connector, users, dataDir, scheduler, gateway, recording, allowedOrigins, store, customerLookup,
                screenPopBudget, meterRegistry, null);
    }

    /** The queues to monitor (QueueEvents for supervisors, live statistics in REST). */
    public ServerSetup withQueues(List<QueueDefinition> newQueues) {
        return new ServerSetup(connector, users, dataDir, scheduler, gateway, recording, allowedOrigins, store,
                customerLookup, screenPopBudget, meterRegistry, newQueues);
    }

    public ServerSetup withGateway(GatewaySettings settings) {
        return new ServerSetup(connector, users, dataDir, scheduler, settings, recording, allowedOrigins, store,
                customerLookup, screenPopBudget, meterRegistry, queues);
    }

    public ServerSetup withStore(Store newStore) {
        return new ServerSetup(connector, users, dataDir, scheduler, gateway, recording, allowedOrigins, newStore,
                customerLookup, screenPopBudget, meterRegistry, queues);
    }

    public ServerSetup withCustomerLookup(CustomerLookup lookup) {
        return new ServerSetup(connector, users, dataDir, scheduler, gateway, recording, allowedOrigins, store,
                lookup, screenPopBudget, meterRegistry, queues);
    }

    public ServerSetup withScreenPopBudget(Duration budget) {
        return new ServerSetup(connector, users, dataDir, scheduler, gateway, recording, allowedOrigins, store,
                customerLookup, budget, meterRegistry, queues);
    }

    public ServerSetup withMeterRegistry(PrometheusMeterRegistry registry) {
        return new ServerSetup(connector, users, dataDir, scheduler, gateway, recording, allowedOrigins, store,
                customerLookup, screenPopBudget, registry, queues);
    }
}
