package org.opencti.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.soak.LabSoak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencti lab}: the lab contact centre alone, for CSTA clients and connector development. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Runs the lab contact centre (PBX + ACD + callers) serving CSTA III XML on TCP until stopped.")
public final class LabCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Lab YAML (agents, queues, routing, customers); default: the built-in demo.")
    private Path config;

    @Option(names = "--csta-port", paramLabel = "N", defaultValue = "4720", description = "CSTA TCP port (0 = any free port). Default: ${DEFAULT-VALUE}.")
    private int cstaPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    private String bind;

    @Option(names = "--ws-port", paramLabel = "N", defaultValue = "4725", description = "CSTA WebSocket port (/csta; 0 = any free port). Default: ${DEFAULT-VALUE}.")
    private int wsPort;

    @Option(names = "--call-rate", paramLabel = "CALLS_PER_SECOND", description = "Generated customer calls per second (turns traffic on).")
    private Double callRate;

    @Option(names = "--no-traffic", description = "Generate no customer calls of its own.")
    private boolean noTraffic;

    @Option(names = "--simulated-agents", paramLabel = "N", defaultValue = "0", description = "Let the lab work the last N agents itself. Default: ${DEFAULT-VALUE}.")
    private int simulatedAgents;

    @Option(names = "--event-log", paramLabel = "FILE", description = "Write every CSTA message, in order, with lab time stamps.")
    private Path eventLog;

    @Option(names = "--soak-hours", paramLabel = "HOURS", description = "Run a soak of this many virtual hours (with --call-rate) and exit with its verdict.")
    private Double soakHours;

    @Option(names = "--virtual-time", description = "Run on a virtual clock (moved only by tests and scripts).")
    private boolean virtualTime;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the lab's random choices. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Spec
    private CommandSpec spec;

    @Override public Integer call() throws InterruptedException {
        if (soakHours != null) {
            var settings = new LabSoak.Settings(soakHours, callRate == null ? 20 : callRate, seed,
                    java.time.Duration.ofMinutes(10), false);
            return LabSoak.run(settings, System.out).passed() ? 0 : 1;
        }
        LabOptions options = LabOptions.standalone().withCstaPort(cstaPort).withWebSocketPort(wsPort).withBindAddress(bind)
                .withTraffic(!noTraffic).withSimulatedAgents(simulatedAgents).withSeed(seed);
        if (callRate != null) options = options.withCallRate(callRate);
        if (eventLog != null) options = options.withEventLog(eventLog);
        if (config != null) options = options.withConfig(config);
        if (virtualTime) options = options.withVirtualTime(seed);
        CountDownLatch stopped = new CountDownLatch(1);
        try (ContactCentreLab lab = ContactCentreLab.create(options)) {
            lab.start();
            spec.commandLine().getOut().println("OpenCTI lab listening: " + lab.describe());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "lab-shutdown"));
            stopped.await();
        }
        return 0;
    }
}
