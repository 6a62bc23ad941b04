package org.opencti.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code opencti validate FILE...}: checks canonical event or request JSON against the v1 schema and the model,
 * for people writing an Implementation. Exit status 0 only when every object is valid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks OpenCTI v1 event or request JSON files (one object, or an array of them, per file).",
                "Prints 'OK <file>' or 'INVALID <file>: <path>: <reason>' per object; exits 0 only if all are valid."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON files to check.")
    private List<Path> files;

    @Spec
    private CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        for (Path file : files) invalid += validateFile(file, out);
        out.flush();
        return invalid == 0 ? 0 : 1;
    }

    private static int validateFile(Path file, PrintWriter out) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            out.println("INVALID " + file + ": $: cannot read the file: " + e);
            return 1;
        }
        JsonNode root;
        try {
            root = CtiJson.readTree(text, ErrorCode.OPENCTI_BAD_REQUEST);
        } catch (CtiException e) {
            out.println("INVALID " + file + ": " + e.getMessage());
            return 1;
        }
        if (!root.isArray()) return validateObject(file.toString(), root, out);
        int invalid = 0;
        for (int i = 0; i < root.size(); i++) invalid += validateObject(file + "[" + i + "]", root.get(i), out);
        return invalid;
    }

    private static int validateObject(String name, JsonNode node, PrintWriter out) {
        try {
            if (isEvent(node)) CtiJson.parseEvent(node);
            else CtiJson.parseRequest(node);
            out.println("OK " + name);
            return 0;
        } catch (CtiException e) {
            out.println("INVALID " + name + ": " + e.getMessage());
            return 1;
        }
    }

    /** Event types end in "Event"; request types are the Interface's function names. */
    private static boolean isEvent(JsonNode node) {
        JsonNode type = node.path("type");
        return type.isTextual() && type.asText().endsWith("Event");
    }
}
