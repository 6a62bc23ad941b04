package org.opencti.server.platform;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencti.model.Customer;
import org.opencti.store.customer.Customers;

/**
 * The default screen-pop lookup: the customers table. A call-data key (by default {@code accountId}) names the
 * customer most precisely, so it is tried first; then the ANI, compared in its normalised form (the store's
 * {@code PhoneKey}: national and international forms of one number match). A number shared by several customers pops
 * none of them rather than a guess.
 *
 * <p>The table is read on two threads of its own, so {@link #find} never blocks the event path.
 */
public final class TableCustomerLookup implements CustomerLookup {
    public static final String DEFAULT_CALL_DATA_KEY = "accountId";

    private final Customers customers;
    private final String callDataKey;
    private final ExecutorService executor;

    public TableCustomerLookup(Customers customers) { this(customers, DEFAULT_CALL_DATA_KEY); }

    /** @param callDataKey the call-data key holding the customer's account id; null to look up by ANI only */
    public TableCustomerLookup(Customers customers, String callDataKey) {
        this.customers = customers;
        this.callDataKey = callDataKey;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "opencti-customer-lookup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override public CompletionStage<Optional<Customer>> find(Caller caller) {
        return CompletableFuture.supplyAsync(() -> findNow(caller), executor);
    }

    /** The same lookup, on the calling thread. */
    public Optional<Customer> findNow(Caller caller) {
        String account = callDataKey == null ? null : caller.callData().get(callDataKey);
        if (account != null && !account.isBlank()) {
            Optional<Customer> byAccount = customers.byAccountId(account);
            if (byAccount.isPresent()) return byAccount;
        }
        List<Customer> byPhone = customers.byPhone(caller.ani());
        return byPhone.size() == 1 ? Optional.of(byPhone.getFirst()) : Optional.empty();
    }

    @Override public void close() { executor.shutdownNow(); }
}
