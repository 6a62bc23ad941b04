package org.opencti.lab.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an external number behaves when the lab calls it. Rules are tried in order; the first whose
 * {@code pattern} (a Java regular expression over the whole number) matches decides. {@code ringSeconds} is the
 * ring time before answering ({@link Outcome#ANSWER}) or before the call fails ({@link Outcome#NO_ANSWER});
 * it is ignored for {@link Outcome#BUSY}.
 */
public record ExternalNumberRule(String pattern, Outcome outcome, int ringSeconds) {

    public enum Outcome {
        /** The number rings for {@code ringSeconds}, then answers. */
        ANSWER("answer"),
        /** The number is busy: the call fails at once with cause busy. */
        BUSY("busy"),
        /** The number rings and never answers: the call fails after {@code ringSeconds}. */
        NO_ANSWER("noAnswer");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public ExternalNumberRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean matches(String number) {
        return Pattern.matches(pattern, number);
    }
}
