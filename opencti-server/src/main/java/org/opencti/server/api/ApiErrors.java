package org.opencti.server.api;

import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencti.model.CtiError;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.server.platform.ForbiddenException;
import org.opencti.server.platform.NotFoundException;
import org.opencti.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP failure in the one error shape {@code {"code","message","details","requestId"}}, with its status: 400 a
 * bad parameter, 401 no usable token, 403 another agent's or team's data, 404 an unknown id or route, 503 the database
 * is unreachable, 500 a bug. {@code requestId} is the caller's {@code X-Request-Id} (when it is a sane token) or
 * one made up here; the response carries it in the same header, so a log line can be found.
 */
public final class ApiErrors {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "opencti.requestId";
    private static final String ANSWERED = "opencti.errorAnswered";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    /** Gives the request its id (before any handler runs). */
    public static void assignRequestId(Context ctx) {
        String given = ctx.header(REQUEST_ID_HEADER);
        String id = given != null && SANE_ID.matcher(given).matches() ? given : "req-" + UUID.randomUUID();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    public static int status(Throwable failure) {
        return switch (failure) {
            case UnauthorizedException e -> 401;
            case ForbiddenException e -> 403;
            case NotFoundException e -> 404;
            case CtiException e -> 400;
            case StoreException e -> 503;
            default -> 500;
        };
    }

    /** Writes the failure as the response. */
    public static void respond(Exception failure, Context ctx) {
        int status = status(failure);
        CtiException error = switch (failure) {
            case CtiException e -> e;
            case StoreException e -> new CtiException(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, "The database is not"
                    + " reachable now (" + e.getMessage() + "); retry later.", Map.of());
            default -> {
                LOG.error("REST request {} {} failed ({})", ctx.method(), ctx.path(), requestId(ctx), failure);
                yield new CtiException(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, "The server failed on this request ("
                        + failure.getClass().getSimpleName() + "); the log has the details under requestId " + requestId(ctx) + ".");
            }
        };
        if (status == 401) ctx.header("WWW-Authenticate", "Bearer");
        respond(ctx, status, error);
    }

    /** An unknown route under {@code /api/v1}; a 404 some handler already explained is left as it is. */
    public static void noRoute(Context ctx) {
        if (ctx.attribute(ANSWERED) != null) return;
        respond(ctx, 404, new CtiException(ErrorCode.OPENCTI_NOT_FOUND, "No route " + ctx.method() + " " + ctx.path()
                + "; the routes are listed in /api/v1/openapi.json.", Map.of("path", ctx.path())));
    }

    private static void respond(Context ctx, int status, CtiException error) {
        CtiError shape = error.toError(requestId(ctx));
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status).contentType("application/json").result(ApiJson.error(shape).toString());
    }

    /** This request's id (see {@link #assignRequestId}). */
    public static String requestId(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "req-" + UUID.randomUUID();
    }
}
