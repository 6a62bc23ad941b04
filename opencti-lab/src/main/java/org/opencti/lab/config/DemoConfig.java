package org.opencti.lab.config;

import java.util.ArrayList;
import java.util.List;

/** The demo contact centre: numbers are documented in issue 3 and relied upon by tests and docs. */
final class DemoConfig {

    private static final List<String> SKILLS = List.of("sales", "support", "billing");
    private static final List<String> FIRST_NAMES = List.of("Alice", "Bruno", "Chloé", "David", "Emma", "Farid",
            "Gabriel", "Hugo", "Inès", "Jade", "Karim", "Léa", "Manon", "Nathan", "Olivia", "Paul", "Quentin",
            "Rose", "Sarah", "Théo");
    private static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert",
            "Richard", "Petit", "Durand", "Leroy", "Moreau");

    private DemoConfig() {
    }

    static LabConfig create() {
        List<String> extensions = new ArrayList<>();
        List<AgentConfig> agents = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String extension = String.valueOf(5000 + i);
            extensions.add(extension);
            String id = String.valueOf(1000 + i);
            agents.add(new AgentConfig(id, "demo", "Agent " + id, i <= 10 ? "north" : "south", extension, SKILLS));
        }
        List<QueueConfig> queues = List.of(
                new QueueConfig("sales", "Sales", "8001", "sales", 15, 30, 20),
                new QueueConfig("support", "Support", "8002", "support", 15, 30, 20),
                new QueueConfig("billing", "Billing", "8003", "billing", 15, 30, 20));
        List<Customer> customers = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            String name = FIRST_NAMES.get((i - 1) % FIRST_NAMES.size()) + " "
                    + LAST_NAMES.get(((i - 1) / FIRST_NAMES.size() + (i - 1)) % LAST_NAMES.size());
            // 06 12345007 … 06 12346400: mobile-like, 10 digits, never ending in 0000 or 9999 (they answer).
            customers.add(new Customer(String.format("C%03d", i), name, "06" + (12345000 + 7 * i), "A-" + (1000 + i)));
        }
        return new LabConfig(extensions,
                List.of(new Team("north", "North"), new Team("south", "South")),
                agents,
                List.of(new SupervisorConfig("2001", "demo", "Supervisor 2001", List.of("north", "south"))),
                queues,
                List.of(new Route("8001", "sales"), new Route("8002", "support"), new Route("8003", "billing")),
                List.of(new ExternalNumberRule("\\+?\\d*0000", ExternalNumberRule.Outcome.BUSY, 0),
                        new ExternalNumberRule("\\+?\\d*9999", ExternalNumberRule.Outcome.NO_ANSWER, 30),
                        new ExternalNumberRule("\\+?\\d{7,}", ExternalNumberRule.Outcome.ANSWER, 2)),
                customers,
                List.of(new ReasonCode("login", "Logged in"), new ReasonCode("RONA", "Ring no answer"),
                        new ReasonCode("DesktopLost", "Desktop lost"), new ReasonCode("Break", "Break"),
                        new ReasonCode("Lunch", "Lunch"), new ReasonCode("Training", "Training"),
                        new ReasonCode("Meeting", "Meeting"), new ReasonCode("Logout", "End of shift")),
                List.of(new WrapUpCode("Sale", "Sale"), new WrapUpCode("NoSale", "No sale"),
                        new WrapUpCode("Resolved", "Resolved"), new WrapUpCode("Callback", "Call back"),
                        new WrapUpCode("Escalated", "Escalated"), new WrapUpCode("Information", "Information only")),
                PbxConfig.DEFAULT,
                new TrafficConfig(false, 0.1, List.of(demoTraffic("sales"), demoTraffic("support"), demoTraffic("billing")), List.of()));
    }

    /** 40 calls an hour per queue: one call every 30 s on average across the three queues. */
    static QueueTraffic demoTraffic(String queue) {
        return new QueueTraffic(queue, 40, TimeDistribution.of(120, 20, 600), 0.2, TimeDistribution.of(20, 5, 60),
                TimeDistribution.of(15, 5, 30), TimeDistribution.of(90, 20, 300), TimeDistribution.of(4, 1, 10));
    }
}
