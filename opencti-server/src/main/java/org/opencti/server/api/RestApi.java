package org.opencti.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.opencti.model.AgentId;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;
import org.opencti.server.gateway.Gateway;
import org.opencti.server.gateway.Supervision;
import org.opencti.server.platform.ForbiddenException;
import org.opencti.server.platform.PlatformMetrics;
import org.opencti.server.platform.PlatformQueries;
import org.opencti.server.platform.Viewer;
import org.opencti.server.session.Sessions;
import org.opencti.server.session.Tokens;
import org.opencti.server.session.Users;
import org.opencti.store.Page;
import org.opencti.store.interaction.InteractionQuery;

/**
 * The REST API under {@code /api/v1}, described by {@code /api/v1/openapi.json}. Every route is a GET but a
 * supervisor's {@code POST /agents/{agentId}/state}; each needs {@code Authorization: Bearer <token>} (checked before
 * anything else); the handlers only parse and check parameters, ask {@link PlatformQueries}
 * (where the visibility rules live) and map the result to JSON. {@link #routes()} is the list the server registers,
 * so a test can hold it against the OpenAPI document.
 */
public final class RestApi {
    public static final String BASE = "/api/v1";
    public static final String OPENAPI_PATH = BASE + "/openapi.json";

    private final PlatformQueries queries;
    private final Authentication authentication;
    private final PlatformMetrics metrics;
    private final Supervision supervision;

    /** @param supervision where a supervisor's state changes go; null only to list the routes */
    public RestApi(PlatformQueries queries, Tokens tokens, Sessions sessions, Users users, PlatformMetrics metrics,
                   Supervision supervision) {
        this.queries = queries;
        this.authentication = new Authentication(tokens, sessions, users);
        this.metrics = metrics;
        this.supervision = supervision;
    }

    /** Only for listing {@link #routes()}. */
    public RestApi(PlatformQueries queries, Tokens tokens, Sessions sessions, Users users, PlatformMetrics metrics) {
        this(queries, tokens, sessions, users, metrics, null);
    }

    /** One GET route: its path (Javalin's {@code {param}} form, as in the OpenAPI document) and what answers it. */
    public record Route(String path, BiFunction<Viewer, Context, ObjectNode> answer) {}

    public List<Route> routes() {
        return List.of(
                new Route(BASE + "/interactions", this::interactions),
                new Route(BASE + "/interactions/{id}", this::interaction),
                new Route(BASE + "/agent-states", this::agentStates),
                new Route(BASE + "/agents", this::agents),
                new Route(BASE + "/queues", this::queues),
                new Route(BASE + "/customers", this::customers),
                new Route(BASE + "/customers/{id}", this::customer),
                new Route(BASE + "/codes/reasons", this::reasonCodes),
                new Route(BASE + "/codes/wrap-up", this::wrapUpCodes));
    }

    /** The one POST route: a supervisor sets a team member's state. */
    public static final String AGENT_STATE_PATH = BASE + "/agents/{agentId}/state";

    /** Every path this API serves (GET routes and the POST route), as the OpenAPI document lists them. */
    public List<String> paths() {
        List<String> paths = new java.util.ArrayList<>(routes().stream().map(Route::path).toList());
        paths.add(AGENT_STATE_PATH);
        return paths;
    }

    /** Registers every route, timed in {@code opencti_http_requests_seconds}, plus the open OpenAPI document. */
    public void register(RoutesConfig routes) {
        routes.post(AGENT_STATE_PATH, this::setAgentState);
        String document = openApiDocument();
        routes.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(document));
        for (Route route : routes()) {
            routes.get(route.path(), ctx -> {
                long started = System.nanoTime();
                int status = 200;
                try {
                    ObjectNode body = route.answer().apply(authentication.viewer(ctx), ctx);
                    ctx.contentType("application/json").result(body.toString());
                } catch (RuntimeException e) {
                    status = ApiErrors.status(e);
                    throw e;
                } finally {
                    metrics.httpRequest("GET", route.path(), status, Duration.ofNanos(System.nanoTime() - started));
                }
            });
        }
    }

    private ObjectNode interactions(Viewer viewer, Context ctx) {
        QueryParameters query = QueryParameters.of(ctx, Set.of("agentId", "queue", "from", "to", "customerId", "phone", "limit", "offset"));
        AgentId agentId = query.agentId("agentId");
        QueryParameters.TimeRange range = query.timeRange();
        String phone = query.text("phone");
        if (phone != null && phone.chars().noneMatch(Character::isDigit))
            throw new BadParameterException("phone", phone, "a phone number with digits, in any form (0612345678, +33 6 12 34 56 78)");
        Page page = query.page();
        InteractionQuery filter = new InteractionQuery(agentId == null ? Set.of() : Set.of(agentId), query.text("queue"),
                range.from(), range.to(), query.text("customerId"), phone, page);
        return ApiJson.page(queries.interactions(viewer, filter), page, ApiJson::interaction);
    }

    private ObjectNode interaction(Viewer viewer, Context ctx) {
        QueryParameters.of(ctx, Set.of());
        return ApiJson.interaction(queries.interaction(viewer, ctx.pathParam("id")));
    }

    private ObjectNode agentStates(Viewer viewer, Context ctx) {
        QueryParameters query = QueryParameters.of(ctx, Set.of("agentId", "from", "to", "limit", "offset"));
        QueryParameters.TimeRange range = query.timeRange();
        Page page = query.page();
        return ApiJson.page(queries.agentStates(viewer, query.agentId("agentId"), range.from(), range.to(), page), page,
                ApiJson::agentState);
    }

    private ObjectNode agents(Viewer viewer, Context ctx) {
        QueryParameters.of(ctx, Set.of());
        return ApiJson.list(queries.agents(viewer), ApiJson::liveAgent);
    }

    private ObjectNode queues(Viewer viewer, Context ctx) {
        QueryParameters.of(ctx, Set.of());
        return ApiJson.list(queries.queues(), ApiJson::queue);
    }

    /**
     * {@code POST /agents/{agentId}/state} with {@code {"state":"NotReady","reasonCode":"break"}}: 202 once the CTI
     * server accepted it; a refusal by the supervision rules is 403, an unknown agent 404, other refusals 400.
     */
    private void setAgentState(Context ctx) {
        long started = System.nanoTime();
        ctx.future(() -> {
            CompletableFuture<StateChange> done;
            try {
                Viewer viewer = authentication.viewer(ctx);
                StateChange change = StateChange.of(ctx);
                done = supervision.setState(viewer.user(), change.agentId(), change.state(), change.reasonCode(),
                        ApiErrors.requestId(ctx)).thenApply(accepted -> change);
            } catch (RuntimeException e) {
                done = CompletableFuture.failedFuture(e);
            }
            return done.handle((change, failure) -> {
                int status = 202;
                if (failure == null) {
                    ctx.status(status).contentType("application/json").result(CtiJson.mapper().createObjectNode()
                            .put("agentId", change.agentId().value()).put("state", change.state())
                            .put("reasonCode", change.reasonCode()).toString());
                } else {
                    Exception error = forbiddenIfNotAuthorized(Gateway.unwrapped(failure));
                    status = ApiErrors.status(error);
                    ApiErrors.respond(error, ctx);
                }
                metrics.httpRequest("POST", AGENT_STATE_PATH, status, Duration.ofNanos(System.nanoTime() - started));
                return null;
            });
        });
    }

    /** The body of {@code POST /agents/{agentId}/state}, checked for shape; the rules live in {@link Supervision}. */
    private record StateChange(AgentId agentId, String state, String reasonCode) {
        static StateChange of(Context ctx) {
            QueryParameters.of(ctx, Set.of());
            JsonNode body = CtiJson.readTree(ctx.body(), ErrorCode.OPENCTI_BAD_REQUEST);
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("state") && !name.equals("reasonCode"))
                    throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "$." + name + ": unknown property; expected"
                            + " state and, with NotReady, reasonCode.", Map.of("path", "$." + name));
            });
            if (!body.path("state").isTextual())
                throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "$.state: a string is required: Ready, NotReady"
                        + " or LoggedOut.", Map.of("path", "$.state"));
            return new StateChange(new AgentId(ctx.pathParam("agentId")), body.get("state").asText(),
                    body.hasNonNull("reasonCode") ? body.get("reasonCode").asText() : null);
        }
    }

    /** A supervision refusal is about whose agent it is: 403, like reading another team's data. */
    private static Exception forbiddenIfNotAuthorized(Exception e) {
        return e instanceof CtiException cti && !(e instanceof UnauthorizedException) && !(e instanceof ForbiddenException)
                && cti.code() == ErrorCode.OPENCTI_NOT_AUTHORIZED ? new ForbiddenException(cti.getMessage(), cti.details()) : e;
    }

    private ObjectNode customers(Viewer viewer, Context ctx) {
        QueryParameters query = QueryParameters.of(ctx, Set.of("phone", "accountId", "limit", "offset"));
        String phone = query.text("phone");
        if (phone != null && phone.chars().noneMatch(Character::isDigit))
            throw new BadParameterException("phone", phone, "a phone number with digits, in any form (0612345678, +33 6 12 34 56 78)");
        Page page = query.page();
        return ApiJson.page(queries.customers(phone, query.text("accountId"), page), page, ApiJson::customer);
    }

    private ObjectNode customer(Viewer viewer, Context ctx) {
        QueryParameters.of(ctx, Set.of());
        return ApiJson.customerHistory(queries.customer(viewer, ctx.pathParam("id")));
    }

    private ObjectNode reasonCodes(Viewer viewer, Context ctx) {
        QueryParameters.of(ctx, Set.of());
        return ApiJson.list(queries.reasonCodes(), ApiJson::code);
    }

    private ObjectNode wrapUpCodes(Viewer viewer, Context ctx) {
        QueryParameters.of(ctx, Set.of());
        return ApiJson.list(queries.wrapUpCodes(), ApiJson::code);
    }

    /** The OpenAPI 3.1 document, a resource beside this class. */
    public static String openApiDocument() {
        try (InputStream in = RestApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) throw new IllegalStateException("openapi.json is missing from the server jar, beside " + RestApi.class.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read openapi.json from the server jar", e);
        }
    }
}
