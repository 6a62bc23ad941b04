package org.opencti.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.InvalidLabConfigException;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;

class ContactCentreLabTest {

    @Test
    void a_lab_from_command_line_options_listens_where_it_says() {
        try (ContactCentreLab lab = ContactCentreLab.create(LabOptions.defaults().withCstaPort(0).withVirtualTime(7))) {
            InetSocketAddress address = lab.start();

            assertThat(address.getPort()).isEqualTo(lab.cstaPort()).isPositive();
            assertThat(lab.describe()).isEqualTo("CSTA III XML (ECMA-323 ed4, 8-byte header) on tcp://127.0.0.1:" + lab.cstaPort());
            assertThat(lab.clock()).isInstanceOf(VirtualClock.class);
            assertThat(lab.agent("1001").state()).isEqualTo(AgentState.LOGGED_OUT);
        }
    }

    @Test
    void a_lab_reads_its_configuration_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
                extensions: ["7001-7002"]
                teams: [{id: t, name: T}]
                agents: [{id: "42", password: pw, team: t, extension: "7001", skills: [s]}]
                queues: [{id: q, device: "9001", skill: s}]
                reasonCodes: [{id: login}, {id: RONA}]
                """);

        try (ContactCentreLab lab = ContactCentreLab.create(LabOptions.defaults().withCstaPort(0).withConfig(file));
             CstaTestClient client = connect(lab)) {
            client.ok(Csta.logOn("7001", "42", "7077"));

            assertThat(lab.agent("42").state()).isEqualTo(AgentState.NOT_READY);
        }
    }

    @Test
    void a_bad_configuration_file_is_refused_before_anything_starts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, "queues: [{id: q, device: \"x\", skill: s}]\n");

        assertThatThrownBy(() -> ContactCentreLab.create(LabOptions.defaults().withConfig(file)))
                .isInstanceOf(InvalidLabConfigException.class).hasMessageContaining("queues[0].device");
    }

    private static CstaTestClient connect(ContactCentreLab lab) {
        lab.start();
        return CstaTestClient.connect(lab.cstaPort());
    }
}
