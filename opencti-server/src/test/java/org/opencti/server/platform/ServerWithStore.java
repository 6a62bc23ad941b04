package org.opencti.server.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.Customer;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;
import org.opencti.server.OpenCtiServer;
import org.opencti.server.ServerSetup;
import org.opencti.server.gateway.DesktopClient;
import org.opencti.server.gateway.FakeConnector;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.User;
import org.opencti.store.Store;
import org.opencti.store.StoreConfig;
import org.opencti.store.codes.Code;
import org.opencti.store.codes.Codes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on a free port with the fake connector, virtual time and an H2 store in a temp folder, seeded with two
 * customers and the codes, monitoring queue sales (8001). Users: agents 1001 and 1002 and supervisor 9001 in team north, agent 2001 in team south.
 */
public final class ServerWithStore implements AutoCloseable {
    public static final Customer ALICE = new Customer("cust-1", "Alice Martin", "0612345001", "A-1001");
    public static final Customer BOB = new Customer("cust-2", "Bob Durand", "+33 6 12 34 50 02", "A-1002");
    public static final QueueDefinition SALES = new QueueDefinition("sales", "8001", 20);
    private static final PasswordHash DEMO = PasswordHash.of("demo");

    public final FakeConnector connector = new FakeConnector();
    public final ManualScheduler time = new ManualScheduler(FakeConnector.start());
    public final Store store;
    public final OpenCtiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    public ServerWithStore(Path dataDir) { this(dataDir, setup -> setup); }

    public ServerWithStore(Path dataDir, UnaryOperator<ServerSetup> customise) {
        this(dataDir, StoreConfig.h2(dataDir).withRetry(Duration.ofMillis(10), Duration.ofMillis(100)), customise);
    }

    /** The same server on another database (PostgreSQL, a relay that a test cuts, ...). */
    public ServerWithStore(Path dataDir, StoreConfig storeConfig, UnaryOperator<ServerSetup> customise) {
        store = Store.open(storeConfig);
        store.customers().seed(List.of(ALICE, BOB));
        store.codes().seed(Codes.Kind.REASON, List.of(new Code("break", "Break"), new Code("lunch", "Lunch")));
        store.codes().seed(Codes.Kind.WRAP_UP, List.of(new Code("sale", "Sale"), new Code("no-sale", "No sale")));
        List<User> users = List.of(
                new User(new AgentId("1001"), DEMO, User.Role.agent, "north", "5001"),
                new User(new AgentId("1002"), DEMO, User.Role.agent, "north", "5002"),
                new User(new AgentId("2001"), DEMO, User.Role.agent, "south", "5201"),
                new User(new AgentId("9001"), DEMO, User.Role.supervisor, "north", "5901"));
        server = OpenCtiServer.create(customise.apply(
                new ServerSetup(connector, users, dataDir, time, null, null, List.of()).withStore(store)
                        .withQueues(List.of(SALES)))).start(0);
    }

    public DesktopClient desktop() { return new DesktopClient(server.port()); }

    /** Logs the user in on this desktop and returns its session token. */
    public String login(DesktopClient desk, String userId) {
        JsonNode result = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"" + userId + "\",\"password\":\"demo\"}"));
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        return result.at("/value/token").asText();
    }

    /** Sends a request and checks it was accepted. */
    public void ok(DesktopClient desk, String requestJson) {
        JsonNode result = desk.result(desk.request(requestJson));
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
    }

    /** A POST of a JSON body; {@code token} null sends no Authorization header. */
    public HttpResponse<String> post(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return send(request);
    }

    /** A GET on the server; {@code token} null sends no Authorization header. */
    public HttpResponse<String> get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return CtiJson.readTree(response.body(), ErrorCode.OPENCTI_BAD_REQUEST);
    }

    /** Waits (real time: the writer is a real thread) until every recorded row is in H2. */
    public void flushed() { assertThat(store.awaitFlushed(Duration.ofSeconds(5))).as("store flushed").isTrue(); }

    /** The value of one series in {@code /metrics}, e.g. {@code opencti_store_queue_depth}; fails when it is absent. */
    public double metric(String series) {
        for (String line : get("/metrics", null).body().split("\n"))
            if (line.startsWith(series + " ")) return Double.parseDouble(line.substring(series.length() + 1).trim());
        throw new AssertionError("No series " + series + " in /metrics");
    }

    @Override public void close() {
        try {
            server.close();
        } finally {
            store.close();
        }
    }
}
