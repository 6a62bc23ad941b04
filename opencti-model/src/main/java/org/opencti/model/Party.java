package org.opencti.model;

/** One party on a call as this agent sees it: its number, who it is, and its connection state. */
public record Party(String dn, PartyRole role, ConnectionState state) {
    public Party {
        Require.nonBlank("party.dn", dn);
        Require.present("party.role", role);
        Require.present("party.state", state);
    }
}
