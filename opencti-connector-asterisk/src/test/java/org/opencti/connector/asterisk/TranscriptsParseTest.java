package org.opencti.connector.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.AsteriskJavaEventBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencti.connector.asterisk.ami.Transcript;

/**
 * Every transcript event is parsed by asterisk-java's own event builder (the code that parses what Asterisk sends):
 * an unknown event or a property asterisk-java has no field for fails the test, so a hand-written transcript cannot
 * drift from the AMI vocabulary. Each transcript also names the documentation page it follows.
 */
class TranscriptsParseTest {
    static final Path DIRECTORY = Path.of("src/test/resources/transcripts");

    static Stream<Path> transcripts() throws IOException {
        return Files.list(DIRECTORY).filter(p -> p.toString().endsWith(".ami")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void every_event_is_known_to_asterisk_java_with_every_property(Path file) {
        Transcript transcript = Transcript.load(file);
        AsteriskJavaEventBuilder builder = new AsteriskJavaEventBuilder();

        assertThat(transcript.header()).as("the header names the Asterisk documentation page")
                .anySatisfy(line -> assertThat(line).startsWith("Follows: docs.asterisk.org"));
        assertThat(transcript.events()).isNotEmpty();
        for (Transcript.Packet packet : transcript.events()) {
            ManagerEvent event = builder.build(packet.fields());
            assertThat(event).as("asterisk-java knows event %s in %s", packet.name(), file.getFileName()).isNotNull();
            assertThat(AsteriskJavaEventBuilder.unknownProperties(event.getClass(), packet.fields()))
                    .as("properties of %s (%s) in %s that asterisk-java has no field for", packet.name(),
                            event.getClass().getSimpleName(), file.getFileName()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void the_check_fails_on_an_unknown_event_and_on_a_property_asterisk_java_has_no_field_for() {
        AsteriskJavaEventBuilder builder = new AsteriskJavaEventBuilder();
        Transcript made = Transcript.parse("made-up", """
                Event: NoSuchEvent
                Channel: PJSIP/5001-00000001

                Event: DialEnd
                Channel: PJSIP/5001-00000001
                DialStatus: ANSWER
                DialMood: cheerful
                """);

        assertThat(builder.build(made.events().get(0).fields())).isNull();
        ManagerEvent dialEnd = builder.build(made.events().get(1).fields());
        assertThat(AsteriskJavaEventBuilder.unknownProperties(dialEnd.getClass(), made.events().get(1).fields()))
                .containsExactly("DialMood");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void every_scripted_action_names_an_ami_action(Path file) {
        for (Transcript.Packet action : Transcript.load(file).actions())
            assertThat(action.name()).isIn("QueueAdd", "QueueRemove", "QueuePause", "Originate", "Hangup", "BlindTransfer",
                    "Redirect", "Atxfer", "PlayDTMF");
    }
}
