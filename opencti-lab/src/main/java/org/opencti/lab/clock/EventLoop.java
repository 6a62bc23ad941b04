package org.opencti.lab.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which all lab state lives. Other threads hand it work with {@link #execute} or
 * {@link #call}; timers run on it, in due order (ties in scheduling order). After every task and every timer
 * the loop runs its {@linkplain #afterEachTask after-task hooks} (ACD distribution, event flushing), so their
 * effects always follow the change that caused them.
 */
public final class EventLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final LabClock clock;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Runnable> afterEachTask = new ArrayList<>();
    private final Thread thread;
    private long timerSequence;
    private volatile boolean running = true;

    public EventLoop(LabClock clock, String name) {
        this.clock = clock;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
        if (clock instanceof VirtualClock virtual)
            virtual.attach(this);
        thread.start();
    }

    public LabClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Registers a hook run after each task and timer; call before the loop gets work. */
    public void afterEachTask(Runnable hook) {
        afterEachTask.add(hook);
    }

    /** Runs {@code task} on the loop later; never blocks. */
    public void execute(Runnable task) {
        if (running)
            tasks.add(task);
    }

    /**
     * Runs {@code work} on the loop and waits for its result; runs it in place when already on the loop. The result
     * is handed back after the after-task hooks ran, so everything the work caused has happened by then.
     */
    public <T> T call(Supplier<T> work) {
        if (inLoop())
            return work.get();
        CompletableFuture<T> result = new CompletableFuture<>();
        Object[] value = new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        execute(new Completing(() -> {
            try {
                value[0] = work.get();
            } catch (RuntimeException e) {
                failure[0] = e;
            } catch (Error e) {
                result.completeExceptionally(e);
            }
        }, () -> {
            if (failure[0] != null)
                result.completeExceptionally(failure[0]);
            else {
                @SuppressWarnings("unchecked")
                T t = (T) value[0];
                result.complete(t);
            }
        }));
        try {
            return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime)
                throw runtime;
            throw new IllegalStateException("Lab task failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The lab's event loop did not answer within " + CALL_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the lab's event loop", e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Schedules {@code task} after {@code delay} of lab time. Loop thread only. */
    public Timer schedule(Duration delay, Runnable task) {
        requireLoop();
        Timer timer = new Timer(clock.now().plus(delay), timerSequence++, task);
        timers.add(timer);
        return timer;
    }

    void advanceTo(Instant target) {
        run(() -> {
            VirtualClock virtual = (VirtualClock) clock;
            while (!timers.isEmpty() && !timers.peek().due().isAfter(target)) {
                Timer timer = timers.poll();
                virtual.set(timer.due());
                runGuarded(timer::run);
            }
            virtual.set(target);
        });
    }

    private void requireLoop() {
        if (!inLoop())
            throw new IllegalStateException("Lab state is confined to the event loop; called from " + Thread.currentThread().getName());
    }

    private void run() {
        while (running) {
            try {
                Runnable task = tasks.poll(waitMillis(), TimeUnit.MILLISECONDS);
                if (task != null)
                    runGuarded(task);
                if (clock instanceof RealClock)
                    runDueRealTimers();
            } catch (InterruptedException e) {
                if (!running)
                    return;
            }
        }
    }

    private long waitMillis() {
        if (clock instanceof VirtualClock || timers.isEmpty())
            return 1_000;
        long millis = Duration.between(clock.now(), timers.peek().due()).toMillis();
        return Math.max(0, Math.min(millis, 1_000));
    }

    private void runDueRealTimers() {
        while (!timers.isEmpty() && !timers.peek().due().isAfter(clock.now()))
            runGuarded(timers.poll()::run);
    }

    /** Timers scheduled and not yet due or cancelled-and-dropped (a leak check for soak runs). Loop thread only. */
    public int pendingTimers() {
        requireLoop();
        timers.removeIf(Timer::cancelled);
        return timers.size();
    }

    // A bug in one task must not stop the lab for everybody: it is logged with its stack and the loop carries on.
    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Lab task failed", e);
        } finally {
            for (Runnable hook : afterEachTask) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    log.error("Lab after-task hook failed", e);
                }
            }
            if (task instanceof Completing completing)
                completing.done().run();
        }
    }

    /** A task whose caller waits: {@code done} runs after the after-task hooks. */
    private record Completing(Runnable work, Runnable done) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        if (clock instanceof VirtualClock virtual)
            virtual.detach(this);
    }
}
