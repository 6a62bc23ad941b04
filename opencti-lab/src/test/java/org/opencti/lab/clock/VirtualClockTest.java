package org.opencti.lab.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    @Test
    void advancing_runs_due_timers_in_order_each_seeing_its_own_due_time() {
        VirtualClock clock = LabClock.virtual(START);
        List<String> fired = new CopyOnWriteArrayList<>();
        try (EventLoop loop = new EventLoop(clock, "test-loop")) {
            loop.run(() -> {
                loop.schedule(Duration.ofSeconds(10), () -> fired.add("10s@" + clock.now().getEpochSecond() % 60));
                loop.schedule(Duration.ofSeconds(5), () -> {
                    fired.add("5s");
                    loop.schedule(Duration.ofSeconds(1), () -> fired.add("6s"));
                });
                loop.schedule(Duration.ofSeconds(5), () -> fired.add("5s-second"));
                loop.schedule(Duration.ofSeconds(30), () -> fired.add("30s"));
            });

            clock.advance(Duration.ofSeconds(10));

            assertThat(fired).containsExactly("5s", "5s-second", "6s", "10s@10");
            assertThat(clock.now()).isEqualTo(START.plusSeconds(10));
        }
    }

    @Test
    void a_cancelled_timer_never_runs() {
        VirtualClock clock = LabClock.virtual(START);
        List<String> fired = new CopyOnWriteArrayList<>();
        try (EventLoop loop = new EventLoop(clock, "test-loop")) {
            Timer timer = loop.call(() -> loop.schedule(Duration.ofSeconds(1), () -> fired.add("x")));
            loop.run(timer::cancel);

            clock.advance(Duration.ofSeconds(2));

            assertThat(fired).isEmpty();
        }
    }

    @Test
    void after_task_hooks_run_after_every_timer() {
        VirtualClock clock = LabClock.virtual(START);
        List<String> log = new CopyOnWriteArrayList<>();
        try (EventLoop loop = new EventLoop(clock, "test-loop")) {
            loop.afterEachTask(() -> log.add("hook"));
            loop.run(() -> loop.schedule(Duration.ofSeconds(1), () -> log.add("timer")));
            log.clear();

            clock.advance(Duration.ofSeconds(1));

            assertThat(log).startsWith("timer", "hook");
        }
    }
}
