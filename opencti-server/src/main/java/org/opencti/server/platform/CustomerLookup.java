package org.opencti.server.platform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.model.Customer;

/**
 * Finds the customer behind a ringing call, for the screen pop. The default reads the customers table
 * ({@link TableCustomerLookup}); {@link HttpCustomerLookup} asks a CRM over HTTP.
 *
 * <p>Contract: {@link #find} returns at once and never blocks the caller (it runs on the event path); the stage
 * completes with the customer, with empty when none matches, or exceptionally when the lookup failed. The screen pop
 * waits for it at most its budget, so a slow or failing lookup never delays or drops a call.
 */
public interface CustomerLookup extends AutoCloseable {
    /** No screen pop: every lookup is a miss, answered at once. */
    CustomerLookup NONE = caller -> CompletableFuture.completedFuture(Optional.empty());

    CompletionStage<Optional<Customer>> find(Caller caller);

    /** Releases threads or connections; the server calls it on shutdown. */
    @Override default void close() {}

    /**
     * What is known of the caller when the call rings: the calling number as the switch gave it (may be null) and
     * the call data the call arrived with (for keys such as {@code accountId}).
     */
    record Caller(String ani, Map<String, String> callData) {
        public Caller {
            callData = callData == null ? Map.of() : Map.copyOf(callData);
        }
    }
}
