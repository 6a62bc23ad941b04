package org.opencti.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.SystemScheduler;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.config.LabConfig;
import org.opencti.model.AgentId;
import org.opencti.model.Customer;
import org.opencti.server.config.ServerConfig;
import org.opencti.server.platform.QueueDefinition;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.User;
import org.opencti.store.Store;
import org.opencti.store.codes.Code;
import org.opencti.store.codes.Codes;

/**
 * The whole product in one JVM, wired in plain code: the embedded lab (unless disabled), the connector to it, the
 * store, and the server. {@code ./opencti serve} runs one; end-to-end tests start one on free ports.
 */
public final class Deployment implements AutoCloseable {
    private final ContactCentreLab lab;
    private final Store store;
    private final OpenCtiServer server;
    private final SystemScheduler scheduler;

    private Deployment(ContactCentreLab lab, Store store, OpenCtiServer server, SystemScheduler scheduler) {
        this.lab = lab;
        this.store = store;
        this.server = server;
        this.scheduler = scheduler;
    }

    public static Deployment start(ServerConfig config) {
        ContactCentreLab lab = null;
        Store store = null;
        SystemScheduler scheduler = new SystemScheduler("opencti-timers");
        try {
            LabConfig labConfig = config.labConfig() != null ? LabConfig.load(config.labConfig()) : LabConfig.demo();
            Map<String, String> connectorProperties = new LinkedHashMap<>(config.connectorProperties());
            if (config.labEnabled()) {
                LabOptions options = LabOptions.defaults().withCstaPort(config.labCstaPort())
                        .withWebSocketPort(config.labWebSocketPort()).withTraffic(config.traffic());
                if (config.labConfig() != null) options = options.withConfig(config.labConfig());
                lab = ContactCentreLab.create(options);
                lab.start();
                connectorProperties.putIfAbsent("host", "127.0.0.1");
                connectorProperties.put("port", String.valueOf(lab.cstaPort()));
                // The lab's queues are numbers on the wire (8001); the connector names them as the lab does (sales).
                connectorProperties.putIfAbsent("queues", labConfig.queues().stream()
                        .map(q -> q.device() + "=" + q.id()).collect(java.util.stream.Collectors.joining(",")));
            }
            store = Store.open(config.store().toStoreConfig(config.dataDir()));
            seed(store, labConfig);
            CtiConnector connector = ConnectorLoader.create(new ConnectorConfig(config.connectorType(), connectorProperties));
            OpenCtiServer server = OpenCtiServer.create(new ServerSetup(connector, users(labConfig), config.dataDir(),
                    scheduler, null, null, config.allowedOrigins()).withStore(store)
                    .withQueues(queues(labConfig, connectorProperties.get("queues")))).start(config.port());
            return new Deployment(lab, store, server, scheduler);
        } catch (RuntimeException e) {
            if (store != null) store.close();
            if (lab != null) lab.close();
            scheduler.close();
            throw e;
        }
    }

    /** The demo users are the lab's agents and supervisors, with the same passwords. */
    static List<User> users(LabConfig lab) {
        List<User> users = new ArrayList<>();
        lab.agents().forEach(a -> users.add(new User(new AgentId(a.id()), PasswordHash.of(a.password()),
                User.Role.agent, a.team(), a.extension())));
        lab.supervisors().forEach(s -> users.add(new User(new AgentId(s.id()), PasswordHash.of(s.password()),
                User.Role.supervisor, s.teams().isEmpty() ? null : s.teams().getFirst(), null)));
        return users;
    }

    /**
     * The queues to monitor: those of the connector's {@code queues} mapping ({@code 8001=sales,...}), with the lab
     * configuration's service-level time where it names the queue (else the default 20 s).
     */
    static List<QueueDefinition> queues(LabConfig lab, String mapping) {
        if (mapping == null || mapping.isBlank()) return List.of();
        List<QueueDefinition> queues = new ArrayList<>();
        for (String entry : mapping.split(",")) {
            String[] pair = entry.trim().split("=", 2);
            if (pair.length != 2) continue; // the connector reports a malformed mapping when it is created
            String device = pair[0].trim();
            String id = pair[1].trim();
            int serviceLevel = lab.queues().stream().filter(q -> q.id().equals(id)).map(q -> q.serviceLevelSeconds())
                    .findFirst().orElse(QueueDefinition.DEFAULT_SERVICE_LEVEL_SECONDS);
            queues.add(new QueueDefinition(id, device, serviceLevel));
        }
        return queues;
    }

    /** With the lab, every caller it generates has a customer record to pop. */
    private static void seed(Store store, LabConfig lab) {
        store.customers().seed(lab.customers().stream()
                .map(c -> new Customer(c.id(), c.name(), c.phone(), c.accountId())).toList());
        store.codes().seed(Codes.Kind.REASON, lab.reasonCodes().stream().map(r -> new Code(r.id(), r.label())).toList());
        store.codes().seed(Codes.Kind.WRAP_UP, lab.wrapUpCodes().stream().map(w -> new Code(w.id(), w.label())).toList());
    }

    public int port() { return server.port(); }

    /** The server, for checks on its state (monitored queues, open sockets). */
    public OpenCtiServer server() { return server; }

    public Optional<ContactCentreLab> lab() { return Optional.ofNullable(lab); }

    /** The store, for checks on what was recorded. */
    public Store store() { return store; }


    /** Stops the server, flushes the store, stops the lab. */
    @Override public void close() {
        try {
            server.close();
        } finally {
            try {
                store.close();
            } finally {
                if (lab != null) lab.close();
                scheduler.close();
            }
        }
    }
}
