package org.opencti.connector.csta.session;

import java.time.Duration;
import org.opencti.connector.csta.framing.Framer;

/**
 * How to reach and keep the link: where, which framing and protocol edition, the ECMA-354 session duration
 * (keep-alive at a third of it), the heartbeat (the link is lost after two silent heartbeats, so within three
 * heartbeats of the last message), the request timeout and the reconnect backoff bounds.
 */
public record SessionSettings(String host, int port, Framer framer, String protocol, String applicationId,
                              Duration sessionDuration, Duration heartbeat, Duration requestTimeout,
                              Duration connectTimeout, Duration reconnectMin, Duration reconnectMax) {}
