package org.opencti.server.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencti.model.Customer;
import org.opencti.model.json.CtiJson;

/**
 * A screen-pop lookup that asks a CRM over HTTP: {@code GET} on a URL template whose placeholders are filled from the
 * call, e.g. {@code https://crm.example/customers/lookup?phone={ani}&account={accountId}}: {@code {ani}} is the
 * calling number, any other {@code {key}} the call-data value of that key (empty when absent); values are URL-encoded.
 *
 * <p>Answers: {@code 200} with {@code {"id","name","phone","accountId"}} (only id and name required) is the customer;
 * {@code 404}, {@code 204} or a JSON {@code null} means no customer; anything else, a malformed body, or no answer
 * within the timeout fails the lookup. The screen pop counts failures and never waits past its own budget for them.
 */
public final class HttpCustomerLookup implements CustomerLookup {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    private final String urlTemplate;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param urlTemplate an {@code http} or {@code https} URL with {@code {ani}} or {@code {callDataKey}} placeholders
     * @param timeout     how long one lookup may take, between 1 ms and 60 s
     */
    public HttpCustomerLookup(String urlTemplate, Duration timeout) {
        if (urlTemplate == null || !(urlTemplate.startsWith("http://") || urlTemplate.startsWith("https://")))
            throw new IllegalArgumentException("lookup.url must be an http:// or https:// URL template such as "
                    + "https://crm.example/lookup?phone={ani}, got " + (urlTemplate == null ? "null" : "'" + urlTemplate + "'"));
        if (timeout == null || timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0)
            throw new IllegalArgumentException("lookup.timeout must be between PT0.001S and PT60S, got " + timeout);
        URI.create(fill(urlTemplate, new Caller("0", java.util.Map.of()))); // a template that can never form a URI fails now
        this.urlTemplate = urlTemplate;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override public CompletionStage<Optional<Customer>> find(Caller caller) {
        URI uri = URI.create(fill(urlTemplate, caller));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .thenApply(response -> customer(uri, response));
    }

    /** Abandons lookups still running; their calls went out long ago. */
    @Override public void close() { client.shutdownNow(); }

    static String fill(String template, Caller caller) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (placeholder.find()) {
            String key = placeholder.group(1);
            String value = key.equals("ani") ? caller.ani() : caller.callData().get(key);
            placeholder.appendReplacement(url, Matcher.quoteReplacement(
                    URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        }
        placeholder.appendTail(url);
        return url.toString();
    }

    private static Optional<Customer> customer(URI uri, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 404 || status == 204) return Optional.empty();
        if (status != 200)
            throw new LookupFailedException("Customer lookup " + uri + " answered HTTP " + status + "; expected 200 with a"
                    + " customer, or 404/204 for none");
        JsonNode body;
        try {
            body = CtiJson.mapper().readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new LookupFailedException("Customer lookup " + uri + " answered malformed JSON (" + e.getOriginalMessage()
                    + "); expected {\"id\",\"name\",\"phone\",\"accountId\"}", e);
        }
        if (body == null || body.isNull() || body.isMissingNode()) return Optional.empty();
        if (!body.isObject() || !body.path("id").isTextual() || !body.path("name").isTextual())
            throw new LookupFailedException("Customer lookup " + uri + " answered " + abbreviate(body.toString())
                    + "; expected an object with string fields id and name (phone and accountId optional)");
        try {
            return Optional.of(new Customer(body.get("id").asText(), body.get("name").asText(), text(body, "phone"),
                    text(body, "accountId")));
        } catch (IllegalArgumentException e) {
            throw new LookupFailedException("Customer lookup " + uri + " answered an invalid customer: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** The CRM answered something that is not a customer, nor "no customer". */
    public static final class LookupFailedException extends RuntimeException {
        LookupFailedException(String message) { super(message); }

        LookupFailedException(String message, Throwable cause) { super(message, cause); }
    }
}
