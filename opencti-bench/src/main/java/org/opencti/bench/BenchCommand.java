package org.opencti.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.opencti.bench.target.BenchStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code opencti bench}: OpenCTI (server + lab + connector + store, one process) under N agent desktops driven by a
 * load generator in a child process; optionally the bare baseline first; then the store's persistence ceiling.
 * Prints a progress line while it runs and a summary table at the end (docs/BENCHMARKS.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures OpenCTI under load: N agent desktops on WS /cti/v1 (a separate generator process) answering the lab's calls.",
                "Prints progress every 5 s and a summary table (figure, target, OpenCTI, baseline, ratio) at the end."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--agents", paramLabel = "N", defaultValue = "500", description = "Agent desktops. Default: ${DEFAULT-VALUE}.")
    private int agents;

    @Option(names = "--call-rate", paramLabel = "CALLS_PER_SECOND", defaultValue = "42", description = "Customer calls per second. Default: ${DEFAULT-VALUE}.")
    private double callRate;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60", description = "Load window. Default: ${DEFAULT-VALUE}.")
    private int durationSeconds;

    @Option(names = "--talk", paramLabel = "SECONDS", defaultValue = "5", description = "Talk time before the agent hangs up. Default: ${DEFAULT-VALUE}.")
    private double talkSeconds;

    @Option(names = "--store", defaultValue = "h2", description = "h2 or postgres. Default: ${DEFAULT-VALUE}.")
    private BenchStore.Kind store;

    @Option(names = "--postgres-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test", description = "With --store postgres; a fresh schema is made and dropped. Default: ${DEFAULT-VALUE}.")
    private String postgresUrl;

    @Option(names = "--postgres-user", defaultValue = "postgres", description = "Default: ${DEFAULT-VALUE}.")
    private String postgresUser;

    @Option(names = "--postgres-password", defaultValue = "", description = "Default: empty.")
    private String postgresPassword;

    @Option(names = "--baseline", description = "Also run the bare Javalin fan-out baseline with the same load, and report ratios.")
    private boolean baseline;

    @Option(names = "--persistence-calls", paramLabel = "N", defaultValue = "20000", description = "Calls recorded straight into a fresh store for its ceiling (0 = skip). Default: ${DEFAULT-VALUE}.")
    private int persistenceCalls;

    @Option(names = "--jfr", paramLabel = "FILE", description = "Write a flight recording (profile settings) of OpenCTI's load window.")
    private Path jfr;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LoadShape shape = new LoadShape(agents, callRate, Duration.ofSeconds(durationSeconds),
                Duration.ofMillis(Math.round(talkSeconds * 1000)), Duration.ofSeconds(5));
        Bench.Settings settings = new Bench.Settings(shape, store, postgresUrl, postgresUser, postgresPassword, baseline,
                persistenceCalls, jfr);
        Bench.Report report = Bench.run(settings, out);
        SummaryTable.print(report, out);
        return 0;
    }
}
