package org.opencti.model.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden examples under {@code schema/v1/examples/}, shared with the JavaScript tests. */
final class Examples {
    private Examples() {}

    static Path folder(String name) {
        try {
            return Path.of(Examples.class.getResource("/schema/v1/examples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(String name) {
        try (Stream<Path> files = Files.list(folder(name))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isEvent(Path file) { return Character.isUpperCase(file.getFileName().toString().charAt(0)); }
}
