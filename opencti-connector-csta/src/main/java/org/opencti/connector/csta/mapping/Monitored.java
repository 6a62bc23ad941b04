package org.opencti.connector.csta.mapping;

/** What a CSTA monitor reports on: an agent's desk (device monitor) or a queue (queue-device monitor). */
public sealed interface Monitored permits Desk, QueueMonitor {}
