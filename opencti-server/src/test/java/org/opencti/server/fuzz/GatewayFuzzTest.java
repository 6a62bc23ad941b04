package org.opencti.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.ErrorCode;
import org.opencti.model.fuzz.FuzzRun;
import org.opencti.model.fuzz.JsonMutator;
import org.opencti.model.json.CtiJson;
import org.opencti.server.OpenCtiServer;
import org.opencti.server.ServerSetup;
import org.opencti.server.gateway.FakeConnector;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway over a real WebSocket under random and mutated frames from two logged-in agents' desktops (one
 * server-side, one client-side that forwards its events): envelopes of
 * the golden requests and events ({@code op} request, resume, forward, refresh, ping), mutated, and random text.
 * After each frame a marker request must still get its answer (the socket stays usable, nothing closed it), every error the
 * gateway answers carries an {@link ErrorCode} and a message (starting with the JSON path when the input was
 * malformed), text that is not JSON gets exactly one {@code OPENCTI_BAD_REQUEST} error. Afterwards the agent's
 * events were gap-free and a new tab resuming the session gets a snapshot that agrees with what this desktop was
 * told. Seed: see {@link FuzzRun}.
 */
class GatewayFuzzTest {
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
    private static final List<JsonNode> VALID = validExamples();

    @TempDir Path dataDir;
    private final FakeConnector connector = new FakeConnector();
    private final ManualScheduler time = new ManualScheduler(FakeConnector.start());
    private OpenCtiServer server;

    @BeforeEach
    void start() {
        List<User> users = List.of(new User(new AgentId("1001"), PasswordHash.of("demo"), User.Role.agent, "north", "5001"),
                new User(new AgentId("1002"), PasswordHash.of("demo"), User.Role.agent, "north", "5002"));
        server = OpenCtiServer.create(new ServerSetup(connector, users, dataDir, time, null, null, List.of())).start(0);
    }

    @AfterEach
    void stop() { server.close(); }

    @Test
    void every_frame_is_answered_or_refused_specifically_and_the_socket_and_the_agent_state_survive() {
        FuzzRun run = FuzzRun.of(300);
        SplittableRandom random = run.random();
        JsonMutator mutator = new JsonMutator(random, fieldNames());
        List<FuzzRun.Failure> failures = new ArrayList<>();

        // 1001 logs in server-side (requests go to the connector); 1002 client-side (its browser forwards events).
        try (Desktop serverSide = Desktop.login(server.port(), "1001", false);
             Desktop clientSide = Desktop.login(server.port(), "1002", true)) {
            for (int i = 0; i < run.tries(); i++) {
                Desktop desk = random.nextBoolean() ? serverSide : clientSide;
                JsonNode template = desk.templates.get(random.nextInt(desk.templates.size()));
                String frame = switch (random.nextInt(6)) {
                    case 0 -> mutator.mutateText(template.toString());
                    case 1 -> mutator.randomText();
                    default -> mutator.mutateTree(template).toString();
                };
                // A WebSocket text frame is UTF-8: a lone surrogate cannot be sent at all (browsers replace it).
                if (!java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(frame)) continue;
                String problem = problemWith(desk.socket, i, frame, desk.view);
                if (problem != null) failures.add(new FuzzRun.Failure(i, desk.agentId + " <- " + frame, problem));
                if (desk.socket.isClosed()) break;
            }

            assertThat(failures).as(() -> run.describe(failures)).isEmpty();
            for (Desktop desk : List.of(serverSide, clientSide)) {
                assertThat(desk.view.gaps()).as("seq gaps in the events %s's desktop got", desk.agentId).isEmpty();
                try (RawDesktop tab = new RawDesktop(server.port())) {
                    tab.send("{\"op\":\"resume\",\"token\":\"" + desk.token + "\"}");
                    JsonNode snapshot = tab.until(f -> f.at("/event/type").asText().equals("SnapshotEvent")).getLast().get("event");
                    assertThat(snapshot.at("/agent/state").asText()).as("the server's state of %s vs its desktop's view", desk.agentId)
                            .isEqualTo(desk.view.agentState);
                }
            }
        }
    }

    @Test
    void a_request_whose_id_is_not_a_string_is_refused_and_the_socket_stays_open() {
        try (RawDesktop desk = new RawDesktop(server.port())) {
            desk.send("{\"op\":\"request\",\"id\":{\"a\":1},\"request\":{\"type\":\"agentReady\"}}");
            JsonNode refused = desk.until(f -> RawDesktop.isOp(f, "error")).getLast();
            desk.send("{\"op\":\"ping\"}");

            assertThat(refused.at("/error/code").asText()).isEqualTo("OPENCTI_BAD_REQUEST");
            assertThat(refused.at("/error/message").asText()).startsWith("$.id: a request needs a non-blank id");
            assertThat(desk.until(f -> RawDesktop.isOp(f, "pong"))).isNotEmpty();
        }
    }

    /** One logged-in agent's desktop: its socket, token, what it was told, and the frames it sends. */
    private record Desktop(String agentId, RawDesktop socket, String token, AgentView view, List<JsonNode> templates)
            implements AutoCloseable {
        static Desktop login(int port, String agentId, boolean clientSide) {
            RawDesktop socket = new RawDesktop(port);
            AgentView view = new AgentView();
            socket.send("{\"op\":\"request\",\"id\":\"login\",\"request\":{\"type\":\"login\",\"agentId\":\"" + agentId
                    + "\",\"password\":\"demo\"" + (clientSide ? ",\"options\":{\"clientSide\":true}" : "") + "}}");
            List<JsonNode> frames = socket.until(f -> RawDesktop.isOp(f, "result"));
            frames.forEach(view::see);
            JsonNode result = frames.getLast();
            assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
            String token = result.at("/value/token").asText();
            return new Desktop(agentId, socket, token, view, GatewayFuzzTest.templates(token, agentId));
        }

        @Override public void close() { socket.close(); }
    }

    /** Null when the gateway answered the frame as it must and the socket still works, else what went wrong. */
    private static String problemWith(RawDesktop desk, int index, String frame, AgentView view) {
        List<JsonNode> got;
        try {
            // The marker is answered after the frame (one socket's frames are served in order); a ping would not
            // do, since the frame may itself be a ping.
            String marker = "marker-" + index;
            desk.send(frame);
            desk.send("{\"op\":\"refresh\",\"id\":\"" + marker + "\"}");
            got = new ArrayList<>(desk.until(f -> f.path("id").asText().equals(marker)));
            got.removeLast();
        } catch (AssertionError | RuntimeException e) {
            return "socket no longer usable: " + e.getMessage();
        }
        got.forEach(view::see);
        List<JsonNode> errors = got.stream().filter(f -> f.has("error")).map(f -> f.get("error")).toList();
        for (JsonNode error : errors) {
            String code = error.path("code").asText();
            String message = error.path("message").asText();
            if (!CODES.contains(code)) return "error without a known code: " + error;
            if (message.isBlank()) return "error without a message: " + error;
            String path = error.at("/details/path").asText("");
            if (!path.isEmpty() && !message.startsWith(path)) return "malformed input reported without its JSON path first: " + error;
        }
        if (!isJson(frame)) {
            if (errors.size() != 1 || !errors.getFirst().path("code").asText().equals("OPENCTI_BAD_REQUEST")
                    || !errors.getFirst().path("message").asText().startsWith("$"))
                return "text that is not JSON got " + got + " instead of one OPENCTI_BAD_REQUEST error";
        }
        return null;
    }

    /** What this desktop was told: the agent state, and every seq seen (a resume may replay, never skip). */
    private static final class AgentView {
        String agentState = "LoggedOut";
        final TreeSet<Long> seqs = new TreeSet<>();

        void see(JsonNode frame) {
            if (!RawDesktop.isOp(frame, "event")) return;
            JsonNode event = frame.get("event");
            if (event.hasNonNull("seq")) seqs.add(event.get("seq").asLong());
            switch (event.path("type").asText()) {
                case "AgentStateEvent" -> agentState = event.path("name").asText();
                case "SnapshotEvent" -> agentState = event.at("/agent/state").asText();
                default -> { }
            }
        }

        List<Long> gaps() {
            List<Long> missing = new ArrayList<>();
            if (seqs.isEmpty()) return missing;
            for (long s = 1; s <= seqs.last(); s++) if (!seqs.contains(s)) missing.add(s);
            return missing;
        }
    }

    private static boolean isJson(String text) {
        try {
            CtiJson.readTree(text, ErrorCode.OPENCTI_BAD_REQUEST);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The frames a desktop sends, built on the golden examples (no login or logout: they would end the run). */
    private static List<JsonNode> templates(String token, String agentId) {
        List<JsonNode> templates = new ArrayList<>();
        int id = 0;
        for (JsonNode example : VALID) {
            String type = example.path("type").asText();
            if (type.equals("login") || type.equals("logout")) continue;
            ObjectNode frame = CtiJson.mapper().createObjectNode();
            if (Character.isUpperCase(type.charAt(0))) {
                ObjectNode event = ((ObjectNode) example.deepCopy()).put("agentId", agentId);
                event.remove("seq"); // forwarded events carry none; the gateway numbers them
                frame.put("op", "forward").put("id", "f-" + id++).set("event", event);
            } else {
                frame.put("op", "request").put("id", "t-" + id++).set("request", example);
            }
            templates.add(frame);
        }
        templates.add(CtiJson.mapper().createObjectNode().put("op", "resume").put("token", token).put("lastSeq", 1));
        templates.add(CtiJson.mapper().createObjectNode().put("op", "refresh").put("id", "refresh"));
        templates.add(CtiJson.mapper().createObjectNode().put("op", "ping"));
        return templates;
    }

    private static List<String> fieldNames() {
        TreeSet<String> names = new TreeSet<>(List.of("op", "id", "request", "event", "token", "lastSeq"));
        VALID.forEach(v -> collectNames(v, names));
        return List.copyOf(names);
    }

    private static void collectNames(JsonNode node, TreeSet<String> into) {
        if (node.isObject()) node.properties().forEach(e -> into.add(e.getKey()));
        node.forEach(child -> collectNames(child, into));
    }

    /** The golden examples, read from opencti-model's jar (or its classes folder inside an IDE). */
    private static List<JsonNode> validExamples() {
        try {
            java.net.URI folder = GatewayFuzzTest.class.getResource("/schema/v1/examples/valid").toURI();
            if (folder.getScheme().equals("jar")) {
                try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(folder, java.util.Map.of())) {
                    return read(jar.provider().getPath(folder));
                }
            }
            return read(Path.of(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> read(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<JsonNode> examples = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList())
                examples.add(CtiJson.readTree(Files.readString(file), ErrorCode.OPENCTI_BAD_REQUEST));
            return examples;
        }
    }
}
