package org.opencti.server.api;

import io.javalin.http.Context;
import java.util.Map;
import org.opencti.model.CtiException;
import org.opencti.server.platform.Viewer;
import org.opencti.server.session.AgentSession;
import org.opencti.server.session.Sessions;
import org.opencti.server.session.Tokens;
import org.opencti.server.session.Users;

/**
 * REST callers prove who they are with the session token login returned: {@code Authorization: Bearer <token>}. The
 * token must verify (signature, expiry on the server's scheduler) and its session must still be open.
 */
final class Authentication {
    private static final String SCHEME = "Bearer ";

    private final Tokens tokens;
    private final Sessions sessions;
    private final Users users;

    Authentication(Tokens tokens, Sessions sessions, Users users) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.users = users;
    }

    /** @throws UnauthorizedException when the request carries no usable token */
    Viewer viewer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank())
            throw new UnauthorizedException("A session token is required: send 'Authorization: Bearer <token>' with the"
                    + " token the WebSocket login returned.", Map.of("reason", "missing"));
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.length() == SCHEME.length())
            throw new UnauthorizedException("The Authorization header must be 'Bearer <token>', got '"
                    + header.split(" ", 2)[0] + " ...'.", Map.of("reason", "malformed"));
        Tokens.Claims claims;
        try {
            claims = tokens.verify(header.substring(SCHEME.length()).trim());
        } catch (CtiException e) {
            throw new UnauthorizedException(e.getMessage(), e.details());
        }
        AgentSession session = sessions.of(claims.agentId()).filter(s -> s.id().equals(claims.sessionId()))
                .orElseThrow(() -> new UnauthorizedException("The session of " + claims.agentId()
                        + " has ended; log in again to get a new token.", Map.of("reason", "ended")));
        return Viewer.of(session.user(), users);
    }
}
