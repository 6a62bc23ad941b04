package org.opencti.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();

    private int validate(String... args) {
        CommandLine cli = new CommandLine(new OpenCtiCommand());
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }

    private Path file(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void a_valid_event_and_a_valid_request_print_ok_and_exit_zero() throws IOException {
        Path event = file("offering.json", """
                {"type":"CallStateEvent","name":"Offering","at":"2026-11-28T10:15:30.120Z","agentId":"1001","device":"5001",
                 "media":"phone","callId":"c-7","conversationId":"c-7","callType":"Inbound","callData":{},"allowedActions":["answerCall"]}""");
        Path request = file("answer.json", "{\"type\":\"answerCall\",\"callId\":\"c-7\"}");

        int status = validate("validate", event.toString(), request.toString());

        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("OK " + event + "\nOK " + request + "\n");
    }

    @Test
    void each_object_of_an_array_is_reported_with_its_index_and_a_bad_one_gives_its_path_and_reason() throws IOException {
        Path batch = file("batch.json", "[{\"type\":\"holdCall\",\"callId\":\"c-1\"},{\"type\":\"makeCall\",\"destination\":\"call mum\"}]");

        int status = validate("validate", batch.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).startsWith("OK " + batch + "[0]\nINVALID " + batch + "[1]: $.destination: does not match the regex pattern");
    }

    @Test
    void malformed_json_is_invalid_with_its_line_and_column() throws IOException {
        Path broken = file("broken.json", "{\"type\":");

        int status = validate("validate", broken.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).startsWith("INVALID " + broken + ": $: malformed JSON at line 1, column 9");
    }

    @Test
    void a_missing_file_is_invalid_rather_than_a_crash() {
        int status = validate("validate", dir.resolve("nope.json").toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).startsWith("INVALID " + dir.resolve("nope.json") + ": $: cannot read the file");
    }
}
