package org.opencti.lab.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands {@code "5001-5020"} into its numbers; a single number stands for itself. */
final class ExtensionRanges {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,15})\\s*-\\s*(\\d{1,15})");
    private static final int MAX_RANGE = 10_000;

    private ExtensionRanges() {
    }

    static List<String> expand(String entry, String property, List<ConfigProblem> problems) {
        Matcher range = RANGE.matcher(entry.trim());
        if (!range.matches())
            return List.of(entry.trim());
        String first = range.group(1);
        String last = range.group(2);
        long from = Long.parseLong(first);
        long to = Long.parseLong(last);
        if (first.length() != last.length() || to < from || to - from >= MAX_RANGE) {
            problems.add(new ConfigProblem(property, entry,
                    "a number or a range 'first-last' of same-length numbers, first <= last, at most " + MAX_RANGE + " numbers"));
            return List.of();
        }
        List<String> numbers = new ArrayList<>();
        for (long n = from; n <= to; n++)
            numbers.add(String.format("%0" + first.length() + "d", n));
        return numbers;
    }
}
