package org.opencti.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencti.bench.store.PersistenceRun;
import org.opencti.bench.target.BaselineServer;
import org.opencti.bench.target.BenchStore;
import org.opencti.bench.target.ServerUnderTest;

/**
 * One benchmark: the bare baseline first (when asked), then OpenCTI with its lab and store, each loaded by a fresh
 * generator process with the same shape; then the store's own persistence ceiling on a fresh database.
 */
public final class Bench {

    /**
     * @param persistenceCalls calls recorded straight into a fresh store for its ceiling; 0 skips it
     * @param jfr              where to write a flight recording of the OpenCTI load window; null for none
     */
    public record Settings(LoadShape shape, BenchStore.Kind store, String postgresUrl, String postgresUser,
                           String postgresPassword, boolean baseline, int persistenceCalls, Path jfr) {}

    /** Everything measured; {@code baseline} and {@code persistence} are null when not run. */
    public record Report(Settings settings, Machine machine, RunResult opencti, RunResult baseline,
                         PersistenceRun.Result persistence) {}

    private Bench() {}

    public static Report run(Settings settings, PrintWriter out) throws IOException {
        Machine machine = Machine.now();
        out.println("Machine: " + machine);
        out.flush();
        RunResult baseline = null;
        if (settings.baseline()) {
            try (BaselineServer target = BaselineServer.start(settings.shape().agents())) {
                baseline = BenchRun.run(target, settings.shape(), null, out);
            }
        }
        Path data = Files.createTempDirectory("opencti-bench-");
        RunResult opencti;
        BenchStore store = store(settings, data);
        try {
            try (ServerUnderTest target = ServerUnderTest.start(settings.shape().agents(), store, data)) {
                opencti = BenchRun.run(target, settings.shape(), settings.jfr(), out);
            }
        } finally {
            store.dispose();
        }
        PersistenceRun.Result persistence = null;
        if (settings.persistenceCalls() > 0) {
            out.printf("[store] recording %d calls straight into a fresh %s store...%n", settings.persistenceCalls(), settings.store());
            out.flush();
            BenchStore fresh = store(settings, Files.createTempDirectory("opencti-bench-store-"));
            try {
                persistence = PersistenceRun.run(fresh, settings.persistenceCalls(), settings.shape().agents());
            } finally {
                fresh.dispose();
            }
        }
        return new Report(settings, machine, opencti, baseline, persistence);
    }

    private static BenchStore store(Settings settings, Path folder) {
        return switch (settings.store()) {
            case h2 -> BenchStore.h2(folder);
            case postgres -> BenchStore.postgres(settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword());
        };
    }
}
