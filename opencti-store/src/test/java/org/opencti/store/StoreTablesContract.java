package org.opencti.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.Customer;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.WorkMode;
import org.opencti.model.request.HoldCall;
import org.opencti.model.request.Login;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.audit.AuditEntry;
import org.opencti.store.codes.Code;
import org.opencti.store.codes.Codes;
import org.opencti.store.interaction.Interaction;
import org.opencti.store.interaction.InteractionQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.model.ConnectionState.Established;
import static org.opencti.store.Desk.at;

/** Every table round-trips, and the REST queries filter, order and page. Runs on every database. */
public abstract class StoreTablesContract extends StoreTestBase {
    private static final Customer ADA = new Customer("cust-1", "Ada Lovelace", "+33 6 12 34 56 78", "A-1001");
    private static final Customer BOB = new Customer("cust-2", "Bob Marley", "0698765432", null);
    private static final Customer CID = new Customer("cust-3", "Cid Campeador", null, "A-1003");

    @Test
    void an_agent_state_change_round_trips_with_every_field() {
        var change = new AgentStateChange("s-1", new AgentId("1001"), AgentState.Busy, null, AgentState.Ready,
                AgentState.NotReady, "lunch", WorkMode.ManualIn, Instant.parse("2026-11-28T10:15:30.120Z"));

        store.agentStates().append(change);
        flushed();

        assertThat(store.agentStates().changes(new AgentId("1001"), at(0), at(3600), Page.first(5))).containsExactly(change);
    }

    @Test
    void an_audit_entry_round_trips_and_a_login_is_stored_without_its_password() {
        var login = AuditEntry.of(at(1), "1001", new AgentId("1001"), "r-1",
                new Login(new AgentId("1001"), "s3cret-pw", "5001", null), null);
        var refusedHold = AuditEntry.of(at(2), "sup-1", new AgentId("1001"), "r-2", new HoldCall(new CallId("c-9")),
                ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE);

        store.audit().append(login);
        store.audit().append(refusedHold);
        flushed();

        var entries = store.audit().entries(new AgentId("1001"), at(0), at(60), Page.first(10));
        assertThat(entries).containsExactly(refusedHold, login);
        assertThat(entries.get(1).requestJson()).doesNotContain("s3cret-pw").contains("\"type\":\"login\"", "\"extension\":\"5001\"");
        assertThat(entries.get(0).ok()).isFalse();
        assertThat(entries.get(0).requestJson()).isEqualTo("{\"type\":\"holdCall\",\"callId\":\"c-9\"}");
    }

    @Test
    void customers_round_trip_and_seeding_twice_updates_instead_of_duplicating() throws Exception {
        store.customers().seed(List.of(ADA, BOB, CID));
        var renamed = new Customer("cust-2", "Robert Marley", "0698765432", "A-1002");

        store.customers().seed(List.of(ADA, renamed));

        assertThat(rows("customers")).isEqualTo(3);
        assertThat(store.customers().byId("cust-2")).contains(renamed);
        assertThat(store.customers().byId("cust-3")).contains(CID);
        assertThat(store.customers().byAccountId("A-1001")).contains(ADA);
        assertThat(store.customers().byId("nobody")).isEmpty();
    }

    @Test
    void a_customer_is_found_by_the_national_and_international_forms_of_the_caller_number() {
        store.customers().seed(List.of(ADA, BOB, CID));

        for (String ani : List.of("+33612345678", "0033612345678", "0612345678", "612345678", "+33 (0)6-12-34-56-78"))
            assertThat(store.customers().byPhone(ani)).as(ani).containsExactly(ADA);
        assertThat(store.customers().byPhone("0612345679")).isEmpty();
        assertThat(store.customers().byPhone("anonymous")).isEmpty();
    }

    @Test
    void customers_are_listed_by_name_one_page_at_a_time() {
        store.customers().seed(List.of(CID, BOB, ADA));

        assertThat(store.customers().list(Page.first(2))).containsExactly(ADA, BOB);
        assertThat(store.customers().list(Page.first(2).next())).containsExactly(CID);
    }

    @Test
    void codes_keep_their_configured_order_and_reseeding_updates_labels() {
        store.codes().seed(Codes.Kind.REASON, List.of(new Code("lunch", "Lunch"), new Code("break", "Break")));
        store.codes().seed(Codes.Kind.WRAP_UP, List.of(new Code("sale", "Sale")));

        store.codes().seed(Codes.Kind.REASON, List.of(new Code("lunch", "Lunch break"), new Code("break", "Break")));

        assertThat(store.codes().reasonCodes()).containsExactly(new Code("lunch", "Lunch break"), new Code("break", "Break"));
        assertThat(store.codes().wrapUpCodes()).containsExactly(new Code("sale", "Sale"));
    }

    @Test
    void interactions_are_filtered_by_agent_queue_and_time_newest_first() {
        Desk alice = new Desk("1001", "5001");
        Desk bob = new Desk("1002", "5002");
        Desk carol = new Desk("1003", "5003");
        store.recorder().record(alice.offered("c-1", "0611111111", "sales", 0));
        store.recorder().record(bob.offered("c-2", "0622222222", "support", 10));
        store.recorder().record(alice.offered("c-3", "0633333333", "support", 20));
        store.recorder().record(carol.offered("c-4", "0644444444", "sales", 30));
        flushed();

        assertThat(callIds(InteractionQuery.all())).containsExactly("c-4", "c-3", "c-2", "c-1");
        assertThat(callIds(InteractionQuery.all().forAgents(List.of(alice.agentId(), bob.agentId()))))
                .containsExactly("c-3", "c-2", "c-1");
        assertThat(callIds(InteractionQuery.all().inQueue("support"))).containsExactly("c-3", "c-2");
        assertThat(callIds(InteractionQuery.all().offeredBetween(at(10), at(30)))).containsExactly("c-3", "c-2");
        assertThat(callIds(InteractionQuery.all().forAgent(alice.agentId()).inQueue("sales"))).containsExactly("c-1");
    }

    @Test
    void interactions_page_without_gaps_or_repeats() {
        Desk alice = new Desk("1001", "5001");
        IntStream.range(0, 25).forEach(i -> store.recorder().record(alice.offered("c-" + i, "0611111111", "sales", i)));
        flushed();

        var query = InteractionQuery.all().page(Page.first(10));
        var first = callIds(query);
        var second = callIds(query.page(Page.first(10).next()));
        var third = callIds(query.page(Page.first(10).next().next()));

        assertThat(first).hasSize(10).startsWith("c-24");
        assertThat(second).hasSize(10);
        assertThat(third).hasSize(5).endsWith("c-0");
        assertThat(first).doesNotContainAnyElementsOf(second);
    }

    @Test
    void recent_interactions_of_a_customer_are_found_by_customer_id_and_by_phone() {
        Desk alice = new Desk("1001", "5001");
        store.recorder().record(alice.offeredWith("c-1", "+33612345678", Map.of(), ADA, 0));
        store.recorder().record(alice.offeredWith("c-2", "0612345678", Map.of(), null, 60));
        store.recorder().record(alice.offeredWith("c-3", "0698765432", Map.of(), BOB, 120));
        flushed();

        assertThat(callIds(InteractionQuery.all().ofCustomer("cust-1"))).containsExactly("c-1");
        assertThat(callIds(InteractionQuery.all().fromPhone("0033 6 12 34 56 78"))).containsExactly("c-2", "c-1");
    }

    @Test
    void an_interaction_round_trips_with_every_field() {
        Desk alice = new Desk("1001", "5001");
        store.recorder().record(alice.offeredWith("c-1", "0612345678", Map.of("accountId", "A-1001", "note", "é€ \"quoted\""), ADA, 0));
        store.recorder().record(alice.state(Established, "c-1", 4));
        store.recorder().record(alice.ended("c-1", DisconnectCause.Normal, 30));
        store.recorder().wrapUp(alice.agentId(), new CallId("c-1"), "sale", "Notes with 'quotes' and ünïcode", at(31));
        flushed();

        Interaction row = store.interactions().byCall(alice.agentId(), new CallId("c-1")).orElseThrow();

        assertThat(store.interactions().byId(row.id())).contains(row);
        assertThat(row.callData()).containsEntry("note", "é€ \"quoted\"");
        assertThat(row.customerId()).isEqualTo("cust-1");
        assertThat(row.wrapUpNotes()).isEqualTo("Notes with 'quotes' and ünïcode");
        assertThat(row.answeredAt()).isEqualTo(at(4));
    }

    private List<String> callIds(InteractionQuery query) {
        return store.interactions().find(query).stream().map(i -> i.callId().value()).toList();
    }
}
