package org.opencti.model.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One bounded, reproducible fuzz run: {@code tries} cases drawn from one seed. The seed is fixed so CI is
 * deterministic; {@code -Dopencti.fuzz.seed=N} replays or explores another run and {@code -Dopencti.fuzz.tries=N}
 * makes it longer (both reach the test JVM through surefire). A failure names the seed, the case and its input.
 */
public record FuzzRun(long seed, int tries) {
    public static final long DEFAULT_SEED = 20261128L;

    public static FuzzRun of(int defaultTries) {
        return new FuzzRun(Long.getLong("opencti.fuzz.seed", DEFAULT_SEED), Integer.getInteger("opencti.fuzz.tries", defaultTries));
    }

    public SplittableRandom random() { return new SplittableRandom(seed); }

    /** What went wrong in one case: the case number, the input, and why. */
    public record Failure(int index, String input, String problem) {
        @Override public String toString() {
            String shown = input.length() > 600 ? input.substring(0, 600) + "...(" + input.length() + " chars)" : input;
            return "case " + index + ": " + problem + "\n    input: " + shown;
        }
    }

    /** A report of the first failures, with the seed to replay them. */
    public String describe(List<Failure> failures) {
        List<Failure> first = new ArrayList<>(failures.subList(0, Math.min(5, failures.size())));
        return failures.size() + " of " + tries + " cases failed (replay with -Dopencti.fuzz.seed=" + seed + " -Dopencti.fuzz.tries="
                + tries + "):\n  " + String.join("\n  ", first.stream().map(Failure::toString).toList());
    }
}
