package org.opencti.lab.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;

class SessionTimerTest {

    private final VirtualClock labClock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
    private final VirtualClock sessionClock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
    private ContactCentreLab lab;
    private CstaTestClient client;

    @BeforeEach
    void start() {
        lab = ContactCentreLab.create(LabConfig.demo(), labClock, LabOptions.defaults().withCstaPort(0), sessionClock,
                EventLog.discard());
        lab.start();
        client = CstaTestClient.connect(lab.cstaPort());
    }

    @AfterEach
    void stop() {
        client.close();
        lab.close();
    }

    private String reset(String sessionId) {
        return "<ResetApplicationSessionTimer xmlns=\"" + Csta.SESSION + "\"><sessionID>" + sessionId
                + "</sessionID><requestedSessionDuration>30</requestedSessionDuration></ResetApplicationSessionTimer>";
    }

    @Test
    void a_session_without_keep_alive_expires_after_its_duration_on_the_session_clock() {
        client.ok(Csta.startSession(30));

        sessionClock.advance(Duration.ofSeconds(30));
        assertThat(client.isClosed()).isFalse();
        sessionClock.advance(Duration.ofSeconds(1));

        assertThat(client.awaitClosed()).isTrue();
    }

    @Test
    void keep_alives_hold_the_session_open_and_the_lab_sends_its_heartbeat_every_60_seconds() {
        String sessionId = client.ok(Csta.startSession(30)).text("sessionID").orElseThrow();

        for (int i = 0; i < 3; i++) {
            sessionClock.advance(Duration.ofSeconds(20));
            client.ok(reset(sessionId));
        }

        assertThat(client.labRequest().message().text("systemStatus")).contains("normal");
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void a_jump_of_lab_time_never_expires_a_session() {
        client.ok(Csta.startSession(30));

        labClock.advance(Duration.ofHours(2));

        assertThat(client.ok(Csta.snapshotDevice("5001")).name()).isEqualTo("SnapshotDeviceResponse");
    }
}
