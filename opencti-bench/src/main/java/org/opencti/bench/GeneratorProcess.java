package org.opencti.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opencti.bench.generator.GeneratorResult;
import org.opencti.bench.generator.LoadGenerator;

/**
 * The load generator as a child process on this JVM's class path, driven line by line (see {@link LoadGenerator}).
 * Its stderr goes to ours; its stdout is read here.
 */
final class GeneratorProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private GeneratorProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    static GeneratorProcess start(int port, int agents, Duration duration, Duration talk, Duration progress) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseParallelGC", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
                "--port", String.valueOf(port), "--agents", String.valueOf(agents), "--duration", duration.toString(),
                "--talk", talk.toString(), "--progress", progress.toString()));
        return new GeneratorProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** The next line the generator prints; fails when it exited first. */
    String nextLine() throws IOException {
        String line = out.readLine();
        if (line == null) throw new IOException("the load generator exited early (status " + exitStatus() + "); see its errors above");
        return line;
    }

    void send(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    static GeneratorResult parseResult(String line) throws IOException {
        return new ObjectMapper().readValue(line.substring("RESULT ".length()), GeneratorResult.class);
    }

    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override public void close() throws IOException {
        try {
            send("exit");
        } catch (IOException ignored) {
            // it has gone already
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
