package org.opencti.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.protocol.XmlElement;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.LabFixture;

class AgentStateTest extends LabFixture {

    @Test
    void after_logon_the_agent_is_not_ready_with_reason_login() {
        String monitor = client.monitor("5001");

        client.ok(Csta.logOn("5001", "1001", "64656d6f"));

        assertThat(text(client.next(monitor, "AgentLoggedOnEvent"), "agentID")).isEqualTo("1001");
        XmlElement notReady = client.next(monitor, "AgentNotReadyEvent");
        assertThat(text(notReady, "extensions", "privateData", "private", "reasonCode")).isEqualTo("login");
        XmlElement state = client.ok(Csta.getAgentState("5001"));
        assertThat(text(state, "agentStateList", "agentStateEntry", "agentInfo", "agentInfoItem", "agentState")).isEqualTo("agentNotReady");
        assertThat(text(state, "extensions", "privateData", "private", "reasonCode")).isEqualTo("login");
    }

    @Test
    void a_wrong_password_is_refused_as_invalid_agent_password() {
        XmlElement error = client.error(Csta.logOn("5001", "1001", "70617373"), "operation", "invalidAgentPassword");

        assertThat(text(error, "message")).contains("1001");
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void asking_for_the_current_state_is_acknowledged_without_an_event() {
        String monitor = readyAgent("1001", "5001");

        client.ok(Csta.agentState("5001", "ready", null));
        client.ok(Csta.agentState("5001", "notReady", "Break"));

        XmlElement notReady = client.next(monitor, "AgentNotReadyEvent");
        assertThat(text(notReady, "extensions", "privateData", "private", "reasonCode")).isEqualTo("Break");
    }

    @Test
    void not_ready_asked_while_busy_is_pending_and_applies_after_wrap_time() {
        String agent = readyAgent("1001", "5001");
        String callId = answeredAcdCall(agent);

        XmlElement response = client.ok(Csta.agentState("5001", "notReady", "Lunch"));

        assertThat(text(response, "pendingAgentState")).isEqualTo("agentNotReady");
        assertThat(text(response, "extensions", "privateData", "private", "pendingReasonCode")).isEqualTo("Lunch");
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.BUSY);
        client.ok(Csta.clearConnection(callId, "5001"));
        XmlElement wrap = client.await(agent, "AgentWorkingAfterCallEvent");
        assertThat(text(wrap, "pendingAgentState")).isEqualTo("agentNotReady");
        advance(30);
        XmlElement notReady = client.next(agent, "AgentNotReadyEvent");
        assertThat(text(notReady, "extensions", "privateData", "private", "reasonCode")).isEqualTo("Lunch");
        assertThat(lab.agent("1001").pending()).isEmpty();
    }

    @Test
    void logoff_asked_while_busy_is_pending_agent_null() {
        String agent = readyAgent("1001", "5001");
        answeredAcdCall(agent);

        XmlElement response = client.ok(Csta.agentState("5001", "loggedOff", null));

        assertThat(text(response, "pendingAgentState")).isEqualTo("agentNull");
    }

    @Test
    void ready_during_after_call_work_ends_it_at_once() {
        String agent = readyAgent("1001", "5001");
        String callId = answeredAcdCall(agent);
        client.ok(Csta.clearConnection(callId, "5001"));
        client.await(agent, "AgentWorkingAfterCallEvent");

        client.ok(Csta.agentState("5001", "ready", null));

        client.next(agent, "AgentReadyEvent");
        advance(30);
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void an_agent_logged_on_elsewhere_is_refused() {
        client.ok(Csta.logOn("5001", "1001", DEMO_HEX));

        XmlElement error = client.error(Csta.logOn("5002", "1001", DEMO_HEX), "stateIncompatibility", "invalidObjectState");

        assertThat(text(error, "message")).contains("already logged on at 5001");
    }
}
