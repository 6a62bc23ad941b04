package org.opencti.connector.csta.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramerTest {
    private static final String XML = "<SystemStatus><systemStatus>normal</systemStatus></SystemStatus>";

    @Test
    void a_frame_split_over_reads_and_frames_merged_in_one_read_both_decode() throws Exception {
        Framer framer = Framer.header();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(framer.encode("0001", XML));
        stream.write(framer.encode("9999", "<AgentReadyEvent/>"));
        byte[] bytes = stream.toByteArray();
        Framer.Decoder decoder = framer.decoder();

        List<Frame> frames = new ArrayList<>(decoder.feed(bytes, 5));
        byte[] rest = java.util.Arrays.copyOfRange(bytes, 5, bytes.length);
        frames.addAll(decoder.feed(rest, rest.length));

        assertThat(frames).containsExactly(new Frame("0001", XML), new Frame("9999", "<AgentReadyEvent/>"));
    }

    @Test
    void the_length_is_read_unsigned_so_frames_over_32_KiB_survive() throws Exception {
        String big = "<x>" + "a".repeat(40_000) + "</x>";
        byte[] frame = Framer.header().encode("0002", big);

        List<Frame> frames = Framer.header().decoder().feed(frame, frame.length);

        assertThat(frame[2] & 0xFF).isGreaterThan(0x7F);
        assertThat(frames).singleElement().extracting(Frame::xml).isEqualTo(big);
    }

    @Test
    void a_header_that_does_not_start_with_two_zero_bytes_is_refused_naming_them() {
        byte[] http = "GET / HTTP/1.1\r\n".getBytes();

        assertThatThrownBy(() -> Framer.header().decoder().feed(http, http.length))
                .isInstanceOf(FramingException.class).hasMessageContaining("bytes 0-1 are 71,69");
    }

    @Test
    void nul_terminated_documents_split_on_the_nul_byte_and_carry_no_invoke_id() throws Exception {
        Framer framer = Framer.nulTerminated();
        byte[] one = framer.encode("0001", XML);
        byte[] two = framer.encode("0002", "<b/>");
        byte[] both = new byte[one.length + two.length];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(two, 0, both, one.length, two.length);

        List<Frame> frames = framer.decoder().feed(both, both.length);

        assertThat(framer.carriesInvokeId()).isFalse();
        assertThat(frames).containsExactly(new Frame(null, XML), new Frame(null, "<b/>"));
    }
}
