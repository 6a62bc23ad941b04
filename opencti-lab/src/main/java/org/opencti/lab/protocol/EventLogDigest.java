package org.opencti.lab.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An {@link EventLog} that keeps only the SHA-256 of the lines (each with its {@code \n}) and their count: long runs compare in constant memory. */
public final class EventLogDigest implements EventLog {

    private final MessageDigest digest;
    private long lines;

    public EventLogDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public synchronized void append(String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        lines++;
    }

    public synchronized long lines() {
        return lines;
    }

    /** The hex SHA-256 of the log so far. */
    public synchronized String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }
}
