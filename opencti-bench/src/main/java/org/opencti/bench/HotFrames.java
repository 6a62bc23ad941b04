package org.opencti.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Names the hot frames of a flight recording ({@code ./opencti bench --jfr FILE}): CPU samples
 * ({@code jdk.ExecutionSample}) counted by their top frame, by the first OpenCTI frame on the stack, and by thread.
 * Run: {@code java -cp 'opencti-bench/target/classes:opencti-bench/target/lib/*' org.opencti.bench.HotFrames FILE [N]}.
 */
public final class HotFrames {
    private HotFrames() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Integer> byOpenCtiFrame = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) continue;
            samples++;
            var frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) byTopFrame.merge(name(frames.getFirst()), 1, Integer::sum);
            String ours = frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.opencti"))
                    .map(HotFrames::name).findFirst().orElse("(no OpenCTI frame: JDK, Jetty, Jackson, H2 on their own threads)");
            byOpenCtiFrame.merge(ours, 1, Integer::sum);
            var thread = event.getThread("sampledThread");
            byThread.merge(thread == null ? "?" : thread.getJavaName().replaceAll("-?\\d+$", "-N"), 1, Integer::sum);
        }
        System.out.println(samples + " CPU samples in " + file);
        print("top frame", byTopFrame, samples, top);
        print("first OpenCTI frame on the stack", byOpenCtiFrame, samples, top);
        print("thread", byThread, samples, top);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("\nBy " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
