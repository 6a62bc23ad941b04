package org.opencti.server.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.acd.AgentState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #6: a desktop socket that stops answering the gateway's heartbeats is noticed within 30 s of virtual time
 * after the last frame it sent, whatever the phase of the heartbeat; one late pong is forgiven.
 */
class DeadSocketTest {
    private static final Duration DETECTION = Duration.ofSeconds(30);
    @TempDir Path dataDir;
    private LiveCentre centre;
    private Tab tab;

    @BeforeEach
    void start() {
        centre = new LiveCentre(dataDir);
        tab = centre.tab("1001");
        centre.login(tab, "1001");
    }

    @AfterEach
    void stop() { centre.close(); }

    /** The tab's last frame goes out 5 s into a heartbeat period (the worst phase for a check made on each beat). */
    private Instant lastFrameMidPeriod() {
        centre.advance(Duration.ofSeconds(5));
        centre.ready(tab);
        return centre.time.now();
    }

    @Test
    void a_tab_that_stops_answering_pings_is_closed_within_30_s_of_its_last_frame_and_not_before_it_missed_two() {
        Instant lastFrame = lastFrameMidPeriod();
        tab.stopAnsweringPings();

        centre.advance(Duration.ofSeconds(15)); // beats at +5 and +15: one ping unanswered is forgiven
        // The ping of the beat at +15 s went out after that beat's check: the socket was still alive then.
        LiveCentre.awaitUntil(() -> tab.count("ping") == 2, "two pings (got " + tab.count("ping") + ")");
        centre.advance(DETECTION.minusSeconds(15));

        assertThat(tab.closedByServer()).succeedsWithin(Tab.WAIT).isEqualTo(1001);
        assertThat(Duration.between(lastFrame, centre.time.now())).isLessThanOrEqualTo(DETECTION);
    }

    @Test
    void a_half_open_tab_is_noticed_within_30_s_and_the_ready_agent_is_then_made_not_ready_for_desktop_lost() {
        Instant lastFrame = lastFrameMidPeriod();

        tab.goHalfOpen();
        centre.advance(DETECTION);
        LiveCentre.awaitUntil(() -> centre.lab.agent("1001").state() == AgentState.READY, "still Ready");
        centre.advance(Duration.ofSeconds(10)); // the gateway's DesktopLost timer, started when it let the tab go

        LiveCentre.awaitUntil(() -> centre.lab.agent("1001").state() == AgentState.NOT_READY,
                "1001 NotReady in the lab (it is " + centre.lab.agent("1001") + ")");
        assertThat(centre.lab.agent("1001").reasonCode()).contains("DesktopLost");
        assertThat(Duration.between(lastFrame, centre.time.now())).isEqualTo(DETECTION.plusSeconds(10));
    }
}
