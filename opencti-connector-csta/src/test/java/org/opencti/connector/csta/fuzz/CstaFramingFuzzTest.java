package org.opencti.connector.csta.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.framing.Framer;
import org.opencti.connector.csta.framing.FramingException;
import org.opencti.model.fuzz.FuzzRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both framers under random and damaged byte streams, cut into random reads: a decoder either yields frames or
 * throws the documented {@link FramingException}, never anything else, and a clean stream of encoded messages comes
 * back as exactly those messages however it is cut. The header decoder's buffer stays bounded by one frame
 * (at most 64 KiB), the NUL decoder's by 1 MiB, so no input makes them grow without end. Seed: see {@link FuzzRun}.
 */
class CstaFramingFuzzTest {

    @Test
    void encoded_messages_cut_into_random_reads_come_back_unchanged_from_both_framers() {
        FuzzRun run = FuzzRun.of(400);
        SplittableRandom random = run.random();
        List<FuzzRun.Failure> failures = new ArrayList<>();

        for (int i = 0; i < run.tries(); i++) {
            Framer framer = random.nextBoolean() ? Framer.header() : Framer.nulTerminated();
            List<Frame> sent = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            int messages = 1 + random.nextInt(6);
            for (int m = 0; m < messages; m++) {
                String invokeId = String.format("%04d", random.nextInt(10_000));
                String xml = "<SnapshotDevice><snapshotObject>" + "5".repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 60_000 : 200))
                        + "é</snapshotObject></SnapshotDevice>";
                stream.writeBytes(framer.encode(invokeId, xml));
                sent.add(new Frame(framer.carriesInvokeId() ? invokeId : null, xml));
            }
            try {
                List<Frame> received = feedInRandomReads(framer.decoder(), stream.toByteArray(), random);
                if (!received.equals(sent)) failures.add(new FuzzRun.Failure(i, framer + " " + sent.size() + " messages",
                        "got " + received.size() + " frames back, not the " + sent.size() + " sent"));
            } catch (FramingException | RuntimeException e) {
                failures.add(new FuzzRun.Failure(i, framer + " " + sent.size() + " messages", "a clean stream failed: " + e));
            }
        }

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
    }

    @Test
    void random_and_damaged_byte_streams_yield_frames_or_a_framing_error_and_nothing_else() {
        FuzzRun run = FuzzRun.of(3000);
        SplittableRandom random = run.random();
        List<FuzzRun.Failure> failures = new ArrayList<>();

        for (int i = 0; i < run.tries(); i++) {
            Framer framer = random.nextBoolean() ? Framer.header() : Framer.nulTerminated();
            byte[] bytes = random.nextBoolean() ? randomBytes(random) : damaged(framer, random);
            try {
                for (Frame frame : feedInRandomReads(framer.decoder(), bytes, random)) {
                    if (framer.carriesInvokeId() && !frame.invokeId().matches("\\d{4}"))
                        failures.add(new FuzzRun.Failure(i, HexFormat.of().formatHex(bytes), "frame with invokeID '" + frame.invokeId() + "'"));
                    if (frame.xml().length() > 1 << 20)
                        failures.add(new FuzzRun.Failure(i, HexFormat.of().formatHex(bytes), "frame of " + frame.xml().length() + " chars"));
                }
            } catch (FramingException e) {
                if (e.getMessage() == null || e.getMessage().isBlank())
                    failures.add(new FuzzRun.Failure(i, HexFormat.of().formatHex(bytes), "framing error without a message"));
            } catch (RuntimeException e) {
                failures.add(new FuzzRun.Failure(i, HexFormat.of().formatHex(bytes), framer + " threw " + e));
            }
        }

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
    }

    private static List<Frame> feedInRandomReads(Framer.Decoder decoder, byte[] bytes, SplittableRandom random) throws FramingException {
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        byte[] read = new byte[16 * 1024];
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : read.length));
            System.arraycopy(bytes, at, read, 0, n);
            frames.addAll(decoder.feed(read, n));
            at += n;
        }
        return frames;
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(300)];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (random.nextInt(4) == 0 ? 0 : random.nextInt(256));
        return bytes;
    }

    /** A valid stream of two messages with a few bytes overwritten, dropped or repeated. */
    private static byte[] damaged(Framer framer, SplittableRandom random) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(framer.encode("0001", "<SnapshotDevice><snapshotObject>5001</snapshotObject></SnapshotDevice>"));
        stream.writeBytes(framer.encode("9999", "<AgentReadyEvent><agentID>1001</agentID></AgentReadyEvent>"));
        byte[] bytes = stream.toByteArray();
        int damage = 1 + random.nextInt(4);
        for (int d = 0; d < damage; d++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter.length == 0 ? bytes : shorter;
                }
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at + 1);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }
}
