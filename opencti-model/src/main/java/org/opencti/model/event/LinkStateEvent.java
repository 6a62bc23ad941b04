package org.opencti.model.event;

import org.opencti.model.LinkState;
import org.opencti.model.Require;

/** The CTI link went up or down; {@code name} is the new {@link LinkState}. */
public record LinkStateEvent(EventHeader header, LinkState name) implements CtiEvent {
    public LinkStateEvent {
        Require.present("header", header).requireAgent("LinkStateEvent");
        Require.present("name", name);
    }

    @Override public String eventName() { return name.name(); }

    @Override public LinkStateEvent withHeader(EventHeader newHeader) { return new LinkStateEvent(newHeader, name); }
}
