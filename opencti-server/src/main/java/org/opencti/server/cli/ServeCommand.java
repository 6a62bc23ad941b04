package org.opencti.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.opencti.lab.config.LabConfig;
import org.opencti.server.Deployment;
import org.opencti.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencti serve}: the server, the embedded lab and the H2 store in one JVM; prints the URL to open. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the OpenCTI server with the embedded lab contact centre and the H2 store; prints the URL.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "One YAML for server, lab, connector and store.")
    private Path config;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080; 0 = any free port).")
    private Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder: H2 database and token key (default ./data).")
    private Path data;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "The database, e.g. jdbc:postgresql://127.0.0.1:5432/opencti (default: H2 in the data folder); wins over store.url.")
    private String dbUrl;

    @Option(names = "--no-lab", description = "Do not start the embedded lab; the configured connector talks to a real CTI server.")
    private boolean noLab;

    @Option(names = "--no-traffic", description = "The lab generates no callers of its own; calls come from CSTA clients or scripts.")
    private boolean noTraffic;

    @Spec
    private CommandSpec spec;

    /** The configuration file's settings with the command-line options applied over them. */
    ServerConfig settings() {
        ServerConfig settings = config != null ? ServerConfig.load(config) : ServerConfig.defaults();
        if (port != null) settings = settings.withPort(port);
        if (data != null) settings = settings.withDataDir(data);
        if (dbUrl != null) {
            if (!ServerConfig.supportedUrl(dbUrl))
                throw new ParameterException(spec.commandLine(), "--db-url: '" + dbUrl
                        + "' is not supported; expected jdbc:h2:... or jdbc:postgresql://host:port/database");
            settings = settings.withStoreUrl(dbUrl);
        }
        if (noLab || noTraffic) settings = settings.withLab(settings.labEnabled() && !noLab, settings.traffic() && !noTraffic);
        return settings;
    }

    /** The agent page with the {@code csta-ws} implementation on the embedded lab's {@code /csta}. */
    static String clientSideDesk(int httpPort, int webSocketPort, LabConfig lab) {
        String queues = lab.queues().stream().map(q -> q.device() + ":" + q.id()).collect(Collectors.joining(","));
        return "http://localhost:" + httpPort + "/desktop/pages/agent.html?impl=csta-ws&csta=ws://localhost:"
                + webSocketPort + "/csta&queues=" + queues;
    }

    @Override public Integer call() throws InterruptedException {
        ServerConfig settings = settings();
        CountDownLatch stopped = new CountDownLatch(1);
        Deployment deployment = Deployment.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            deployment.close();
            stopped.countDown();
        }, "opencti-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("OpenCTI is running: open http://localhost:" + deployment.port() + "/");
        deployment.lab().ifPresent(lab -> {
            out.println("Embedded lab: " + lab.describe());
            out.println("Demo logins: agents 1001-1020 (extensions 5001-5020), supervisor 2001; password 'demo'.");
            if (lab.webSocketPort() > 0) out.println("Client-side desk (the browser talks CSTA to the lab itself): "
                    + clientSideDesk(deployment.port(), lab.webSocketPort(), lab.config()));
        });
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
