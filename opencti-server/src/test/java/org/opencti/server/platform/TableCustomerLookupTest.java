package org.opencti.server.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.Customer;
import org.opencti.store.Store;
import org.opencti.store.StoreConfig;

import static org.assertj.core.api.Assertions.assertThat;

class TableCustomerLookupTest {
    private static final Customer ALICE = new Customer("cust-1", "Alice Martin", "0612345001", "A-1001");
    private static final Customer BOB = new Customer("cust-2", "Bob Durand", "+33 6 12 34 50 02", "A-1002");
    private static final Customer BOB_AT_WORK = new Customer("cust-3", "Bob's office", "0033 6 12 34 50 02", null);

    @TempDir Path dataDir;
    private Store store;
    private TableCustomerLookup lookup;

    @BeforeEach
    void open() {
        store = Store.open(StoreConfig.h2(dataDir));
        store.customers().seed(List.of(ALICE, BOB, BOB_AT_WORK));
        lookup = new TableCustomerLookup(store.customers());
    }

    @AfterEach
    void close() {
        lookup.close();
        store.close();
    }

    @Test
    void the_international_form_of_a_number_finds_the_customer_stored_in_national_form() {
        assertThat(lookup.find(new CustomerLookup.Caller("+33612345001", Map.of())).toCompletableFuture().join()).contains(ALICE);
    }

    @Test
    void the_account_id_in_call_data_wins_over_the_number() {
        assertThat(lookup.findNow(new CustomerLookup.Caller("0612345001", Map.of("accountId", "A-1002")))).contains(BOB);
    }

    @Test
    void an_unknown_account_id_falls_back_to_the_number() {
        assertThat(lookup.findNow(new CustomerLookup.Caller("0612345001", Map.of("accountId", "A-404")))).contains(ALICE);
    }

    @Test
    void a_number_shared_by_several_customers_pops_none_rather_than_a_guess() {
        assertThat(lookup.findNow(new CustomerLookup.Caller("0612345002", Map.of()))).isEmpty();
    }

    @Test
    void a_caller_without_number_or_account_is_a_miss() {
        assertThat(lookup.findNow(new CustomerLookup.Caller(null, Map.of()))).isEmpty();
    }
}
