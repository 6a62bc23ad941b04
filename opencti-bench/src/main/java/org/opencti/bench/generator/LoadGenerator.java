package org.opencti.bench.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencti.bench.target.BenchContactCentre;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator, in a process of its own (the server's open-file limit is per process): N agent desktops on
 * {@code WS /cti/v1}. It talks to the bench over stdin/stdout, one line each:
 * <pre>
 *   PHASE half K      K desktops logged in and idle; waits for "continue" (the bench measures the heap)
 *   PHASE full N      all N logged in and idle; waits for "continue"
 *   PHASE load        all Ready; the bench starts the calls; progress lines follow every few seconds
 *   PHASE drain       the window is over; the bench stops the calls; desktops finish their calls, no new Ready
 *   RESULT {json}     a {@link GeneratorResult}; the sockets stay open until "exit" (the bench reads its counters)
 * </pre>
 */
@Command(name = "opencti-load-generator", mixinStandardHelpOptions = true,
        description = "Agent desktops on WS /cti/v1 working the calls that ring (run by opencti bench).")
public final class LoadGenerator implements java.util.concurrent.Callable<Integer> {
    /**
     * Logins in flight, and Ready requests per second when the desktops start working. A storm of 64 logins at once
     * made the CSTA connector declare its link dead on a busy 2-core machine (docs/BENCHMARKS.md, findings); a
     * contact centre's agents arrive over minutes, not in one second.
     */
    private static final int CONCURRENT_LOGINS = 16;
    private static final int READY_PER_SECOND = 200;
    private static final int LOGIN_TIMEOUT_SECONDS = 30;

    @Option(names = "--port", required = true, description = "HTTP port of the target.") int port;
    @Option(names = "--agents", required = true, description = "Desktops (agents 1..N of the bench contact centre).") int agents;
    @Option(names = "--duration", defaultValue = "PT60S", description = "Load window (ISO-8601). Default: ${DEFAULT-VALUE}.") Duration duration;
    @Option(names = "--talk", defaultValue = "PT5S", description = "Talk time before the agent hangs up. Default: ${DEFAULT-VALUE}.") Duration talk;
    @Option(names = "--progress", defaultValue = "PT5S", description = "Progress line period. Default: ${DEFAULT-VALUE}.") Duration progress;
    @Option(names = "--clients", defaultValue = "4", description = "HTTP clients (selector threads) sharing the sockets. Default: ${DEFAULT-VALUE}.") int clients;

    private final PrintStream out = System.out;
    private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override public Integer call() throws Exception {
        Measurements measurements = new Measurements();
        ExecutorService callbacks = Executors.newFixedThreadPool(2, daemon("generator-io"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("generator-timers"));
        List<HttpClient> httpClients = new ArrayList<>();
        for (int i = 0; i < clients; i++) httpClients.add(HttpClient.newBuilder().executor(callbacks).build());
        URI uri = URI.create("ws://127.0.0.1:" + port + "/cti/v1");
        List<Desktop> desktops = new ArrayList<>();
        for (int i = 1; i <= agents; i++)
            desktops.add(new Desktop(BenchContactCentre.agentId(i), BenchContactCentre.PASSWORD, measurements, timers, talk));

        long loginStarted = System.nanoTime();
        int half = agents / 2;
        int loggedIn = login(desktops.subList(0, half), httpClients, uri, 0);
        phase("half " + loggedIn);
        loggedIn += login(desktops.subList(half, agents), httpClients, uri, half);
        double loginSeconds = (System.nanoTime() - loginStarted) / 1e9;
        phase("full " + loggedIn);

        List<Desktop> working = desktops.stream().filter(Desktop::loggedIn).toList();
        for (int i = 0; i < working.size(); i++)
            timers.schedule(working.get(i)::startWorking, i * 1_000_000L / READY_PER_SECOND, TimeUnit.MICROSECONDS);
        awaitAll(working, d -> d.agentState().equals("Ready"), Duration.ofSeconds(60 + agents / READY_PER_SECOND));
        measurements.measuring = true;
        long windowStart = System.nanoTime();
        out.println("PHASE load");
        out.flush();
        long nextProgress = windowStart + progress.toNanos();
        long windowEnd = windowStart + duration.toNanos();
        long lastEvents = 0;
        long lastCalls = 0;
        while (System.nanoTime() < windowEnd) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, Math.min(nextProgress, windowEnd) - System.nanoTime()));
            if (System.nanoTime() >= nextProgress) {
                long events = measurements.eventsInWindow.sum();
                long calls = measurements.callsAnsweredInWindow.sum();
                double seconds = progress.toNanos() / 1e9;
                out.printf("PROGRESS t=%ds events=%d (%.0f/s) answered=%d (%.1f/s) gaps=%d errors=%d latency p99=%.1f ms%n",
                        Math.round((System.nanoTime() - windowStart) / 1e9), events, (events - lastEvents) / seconds, calls,
                        (calls - lastCalls) / seconds, measurements.seqGaps.sum(), errorCount(measurements),
                        measurements.eventLatency.getValueAtPercentile(99) / 1000.0);
                out.flush();
                lastEvents = events;
                lastCalls = calls;
                nextProgress += progress.toNanos();
            }
        }
        measurements.measuring = false;
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        desktops.forEach(d -> d.working = false);
        phase("drain");
        // Quiet: every call in progress ended (talk time + a margin) and nothing arrived for a second.
        awaitAll(working, d -> !d.onCall, talk.plusSeconds(30));
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(1)) {
            long newest = desktops.stream().mapToLong(d -> d.lastFrameNanos).max().orElse(0);
            if (newest > quietSince) quietSince = newest;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        GeneratorResult result = new GeneratorResult(agents, loggedIn, loginSeconds, windowSeconds,
                measurements.eventsTotal.sum(), measurements.eventsInWindow.sum(), measurements.callsAnswered.sum(),
                measurements.callsAnsweredInWindow.sum(), measurements.seqGaps.sum(), measurements.negativeLatencies.sum(),
                measurements.popsWithoutCustomer.sum(), measurements.clockStepMicros(), errors(measurements),
                Percentiles.of(measurements.eventLatency), Percentiles.of(measurements.roundTrip),
                Percentiles.of(measurements.screenPop));
        out.println("RESULT " + new ObjectMapper().writeValueAsString(result));
        out.flush();
        in.readLine(); // "exit", or end of input when the bench went away
        desktops.forEach(Desktop::close);
        return 0;
    }

    /** Logs in with a bounded number of logins in flight; returns how many succeeded. */
    private int login(List<Desktop> batch, List<HttpClient> httpClients, URI uri, int offset) throws InterruptedException {
        Semaphore inFlight = new Semaphore(CONCURRENT_LOGINS);
        AtomicInteger succeeded = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            inFlight.acquire();
            Desktop desktop = batch.get(i);
            all.add(desktop.connect(httpClients.get((offset + i) % httpClients.size()), uri)
                    .orTimeout(LOGIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .whenComplete((ok, failure) -> {
                        inFlight.release();
                        if (failure == null) succeeded.incrementAndGet();
                        else System.err.println("login failed: " + failure + " (" + desktop.progress() + ")");
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(f -> null).join();
        return succeeded.get();
    }

    private void phase(String text) throws IOException {
        out.println("PHASE " + text);
        out.flush();
        if (!text.startsWith("drain") && in.readLine() == null) throw new IOException("the bench closed the generator's input");
    }

    private static void awaitAll(List<Desktop> desktops, java.util.function.Predicate<Desktop> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !desktops.stream().allMatch(condition)) TimeUnit.MILLISECONDS.sleep(50);
    }

    private static long errorCount(Measurements m) { return m.errors.values().stream().mapToLong(a -> a.sum()).sum(); }

    private static Map<String, Long> errors(Measurements m) {
        Map<String, Long> counts = new TreeMap<>();
        m.errors.forEach((code, count) -> counts.put(code, count.sum()));
        return counts;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
