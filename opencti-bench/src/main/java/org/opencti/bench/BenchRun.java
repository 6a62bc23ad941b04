package org.opencti.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.opencti.bench.generator.GeneratorResult;
import org.opencti.bench.target.ServerUnderTest;
import org.opencti.bench.target.Target;

/** Drives one target through the generator's phases (see {@code LoadGenerator}), printing its progress. */
final class BenchRun {
    private BenchRun() {}

    private static Configuration profileSettings() throws IOException {
        try {
            return Configuration.getConfiguration("profile");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("The JDK's JFR 'profile' settings cannot be read: " + e.getMessage(), e);
        }
    }

    static RunResult run(Target target, LoadShape shape, Path jfr, PrintWriter out) throws IOException {
        HeapProbe half = null;
        HeapProbe full = null;
        int halfCount = 0;
        int fullCount = 0;
        long rows0 = 0;
        long states0 = 0;
        long window0 = 0;
        double interactionsPerSecond = 0;
        double statesPerSecond = 0;
        Recording recording = null;
        try (GeneratorProcess generator = GeneratorProcess.start(target.port(), shape.agents(), shape.duration(), shape.talk(), shape.progress())) {
            while (true) {
                String line = generator.nextLine();
                if (line.startsWith("PHASE half")) {
                    halfCount = Integer.parseInt(line.substring("PHASE half ".length()).trim());
                    out.printf("[%s] %d desktops logged in; heap histogram...%n", target.name(), halfCount);
                    out.flush();
                    half = HeapProbe.take();
                    generator.send("continue");
                } else if (line.startsWith("PHASE full")) {
                    fullCount = Integer.parseInt(line.substring("PHASE full ".length()).trim());
                    out.printf("[%s] %d desktops logged in; heap histogram...%n", target.name(), fullCount);
                    out.flush();
                    full = HeapProbe.take();
                    generator.send("continue");
                } else if (line.equals("PHASE load")) {
                    out.printf("[%s] every desktop Ready; calls at %.1f/s for %s%n", target.name(), shape.callRate(), shape.duration());
                    out.flush();
                    if (target instanceof ServerUnderTest server) {
                        rows0 = server.interactions();
                        states0 = server.stateRows();
                        if (jfr != null) {
                            recording = new Recording(profileSettings());
                            recording.setDestination(jfr);
                            recording.start();
                        }
                    }
                    window0 = System.nanoTime();
                    target.startCalls(shape.callRate());
                } else if (line.startsWith("PROGRESS")) {
                    out.printf("[%s] %s | placed=%d sockets=%d%n", target.name(), line.substring("PROGRESS ".length()),
                            target.callsPlaced(), target.openSockets());
                    out.flush();
                } else if (line.equals("PHASE drain")) {
                    target.stopCalls();
                    double seconds = (System.nanoTime() - window0) / 1e9;
                    if (recording != null) recording.stop();
                    if (target instanceof ServerUnderTest server) {
                        interactionsPerSecond = (server.interactions() - rows0) / seconds;
                        statesPerSecond = (server.stateRows() - states0) / seconds;
                    }
                    out.printf("[%s] window over; finishing the calls in progress%n", target.name());
                    out.flush();
                } else if (line.startsWith("RESULT ")) {
                    GeneratorResult result = GeneratorProcess.parseResult(line);
                    long serverEvents = target.eventsDelivered();
                    int sockets = target.openSockets();
                    double perSession = half == null || full == null ? 0 : half.perSession(full, fullCount - halfCount);
                    Map<String, Long> growth = half == null || full == null ? Map.of() : half.topGrowth(full, 8);
                    return new RunResult(target.name(), result, serverEvents, target.callsPlaced(), sockets, perSession,
                            growth, interactionsPerSecond, statesPerSecond);
                } else {
                    out.printf("[%s] generator: %s%n", target.name(), line);
                }
            }
        } finally {
            if (recording != null) recording.close();
        }
    }
}
