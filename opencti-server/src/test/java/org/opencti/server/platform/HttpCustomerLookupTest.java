package org.opencti.server.platform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencti.model.Customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP lookup against a small CRM stand-in on a free port. */
class HttpCustomerLookupTest {
    private static final CustomerLookup.Caller CALLER = new CustomerLookup.Caller("+33 6 12 34 50 01", Map.of("accountId", "A-1001"));

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final CountDownLatch never = new CountDownLatch(1);
    private HttpServer crm;

    @AfterEach
    void stop() {
        never.countDown();
        if (crm != null) crm.stop(0);
    }

    @Test
    void a_200_answer_is_the_customer_and_the_template_is_filled_url_encoded() {
        answer(200, "{\"id\":\"cust-1\",\"name\":\"Alice Martin\",\"phone\":\"0612345001\",\"accountId\":\"A-1001\",\"tier\":\"gold\"}");

        Optional<Customer> found = lookup(Duration.ofSeconds(2)).find(CALLER).toCompletableFuture().join();

        assertThat(found).contains(new Customer("cust-1", "Alice Martin", "0612345001", "A-1001"));
        assertThat(requested).containsExactly("/lookup?phone=%2B33+6+12+34+50+01&account=A-1001&missing=");
    }

    @Test
    void a_404_and_a_json_null_mean_no_customer() {
        answer(404, "");
        assertThat(lookup(Duration.ofSeconds(2)).find(CALLER).toCompletableFuture().join()).isEmpty();
        crm.stop(0);

        answer(200, "null");
        assertThat(lookup(Duration.ofSeconds(2)).find(CALLER).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void a_server_error_or_an_answer_that_is_not_a_customer_fails_the_lookup_with_what_came_back() {
        answer(500, "oops");
        assertThatThrownBy(() -> lookup(Duration.ofSeconds(2)).find(CALLER).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(HttpCustomerLookup.LookupFailedException.class)
                .hasMessageContaining("answered HTTP 500; expected 200 with a customer, or 404/204 for none");
        crm.stop(0);

        answer(200, "{\"name\":\"No id\"}");
        assertThatThrownBy(() -> lookup(Duration.ofSeconds(2)).find(CALLER).toCompletableFuture().join())
                .cause().hasMessageContaining("answered {\"name\":\"No id\"}; expected an object with string fields id and name");
    }

    @Test
    void a_crm_that_does_not_answer_in_time_fails_the_lookup_after_the_timeout() {
        start(exchange -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> lookup(Duration.ofMillis(200)).find(CALLER).toCompletableFuture().join())
                .cause().isInstanceOfAny(HttpTimeoutException.class, TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_template_that_is_not_an_http_url_or_a_bad_timeout_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> new HttpCustomerLookup("crm.example/lookup?phone={ani}", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookup.url must be an http:// or https:// URL template such as https://crm.example/lookup?phone={ani},"
                        + " got 'crm.example/lookup?phone={ani}'");
        assertThatThrownBy(() -> new HttpCustomerLookup("http://crm/{ani}", Duration.ofMinutes(5)))
                .hasMessage("lookup.timeout must be between PT0.001S and PT60S, got PT5M");
    }

    private HttpCustomerLookup lookup(Duration timeout) {
        return new HttpCustomerLookup("http://127.0.0.1:" + crm.getAddress().getPort()
                + "/lookup?phone={ani}&account={accountId}&missing={segment}", timeout);
    }

    private void answer(int status, String body) {
        start(exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private void start(com.sun.net.httpserver.HttpHandler handler) {
        try {
            crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        crm.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            handler.handle(exchange);
        });
        crm.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        crm.start();
    }
}
