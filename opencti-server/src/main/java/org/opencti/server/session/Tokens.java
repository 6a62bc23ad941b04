package org.opencti.server.session;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.AgentId;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.TelephonyMode;

/**
 * Signed, expiring session tokens (JWT, HMAC-SHA256). The key lives in the data folder ({@code token.key}), so a
 * restart keeps every issued token valid, and a token carries what it takes to open its session again there.
 */
public final class Tokens {
    private static final String ISSUER = "opencti";

    private final Algorithm algorithm;
    private final Duration lifetime;
    private final Scheduler scheduler;

    public Tokens(Path dataDir, Duration lifetime, Scheduler scheduler) {
        this.algorithm = Algorithm.HMAC256(loadOrCreateKey(dataDir.resolve("token.key")));
        this.lifetime = lifetime;
        this.scheduler = scheduler;
    }

    /**
     * A token for this agent's session; the claims say which session and until when, and what a restarted server
     * needs to open it again (device, telephony mode, whether it is platform-only).
     */
    public Issued issue(AgentSession session) {
        Instant now = scheduler.now();
        Instant expiresAt = now.plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = JWT.create().withIssuer(ISSUER).withSubject(session.user().id().value()).withClaim("sid", session.id())
                .withClaim("dev", session.desk().device()).withClaim("mode", session.mode().wireName())
                .withClaim("po", session.clientSide())
                .withIssuedAt(now).withExpiresAt(expiresAt).sign(algorithm);
        return new Issued(token, expiresAt);
    }

    /** Verifies signature and expiry against the scheduler's clock. */
    public Claims verify(String token) {
        if (token == null || token.isBlank())
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "A session token is required; log in to get one.");
        JWTVerifier verifier = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER))
                .build(Clock.fixed(scheduler.now(), java.time.ZoneOffset.UTC));
        try {
            DecodedJWT jwt = verifier.verify(token);
            String mode = jwt.getClaim("mode").asString();
            return new Claims(new AgentId(jwt.getSubject()), jwt.getClaim("sid").asString(), jwt.getExpiresAtAsInstant(),
                    jwt.getClaim("dev").asString(), mode == null ? null : TelephonyMode.fromWire(mode),
                    Boolean.TRUE.equals(jwt.getClaim("po").asBoolean()));
        } catch (TokenExpiredException e) {
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "The session token expired at "
                    + e.getExpiredOn() + "; log in again or refresh it before it expires.", Map.of("reason", "expired"));
        } catch (JWTVerificationException e) {
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "The session token is not valid ("
                    + e.getMessage() + "); log in again.", Map.of("reason", "invalid"));
        }
    }

    public record Issued(String token, Instant expiresAt) {}

    /**
     * @param device       the session's device; with {@code mode}, null in a token from before they were claimed
     * @param platformOnly the session reaches no connector (a supervisor, a client-side login)
     */
    public record Claims(AgentId agentId, String sessionId, Instant expiresAt, String device, TelephonyMode mode,
                         boolean platformOnly) {}

    private static byte[] loadOrCreateKey(Path file) {
        try {
            if (Files.exists(file)) return Base64.getDecoder().decode(Files.readString(file).trim());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file
                    + "; check that the data folder is writable", e);
        }
    }
}
