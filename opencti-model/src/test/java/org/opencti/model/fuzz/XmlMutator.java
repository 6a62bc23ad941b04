package org.opencti.model.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks valid CSTA XML the ways a vendor's switch or a broken link would: element names swapped for other CSTA
 * names, elements dropped or repeated, odd text (blank, huge, entities, control characters), and raw text damage
 * (cut, stray markup, DOCTYPE and entity declarations, CDATA, undeclared prefixes). Choices come from the random.
 */
public final class XmlMutator {
    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z][\\w.-]*)[ >/]");
    private static final Pattern TEXT = Pattern.compile(">([^<]*)</");
    private static final Pattern LEAF = Pattern.compile("<([A-Za-z][\\w.-]*)>[^<]*</\\1>");
    private static final String[] ODD_TEXT = {"", " ", "\n\t ", "-1", "0", "99999999999999999999", "&amp;", "&lt;x&gt;",
            "&#0;", "&#xD800;", "&#x1F600;", "&undeclared;", "é€", "9999", "<![CDATA[]]>", "<![CDATA[<x>]]>", "x".repeat(3000),
            "notKnown", "agentReady", "connected", "hold", "alerting", "null", "5001", "8001"};
    private static final String[] STRAY = {"<", ">", "</", "/>", "&", "\"", "'", "<?xml version=\"1.0\"?>", "<!-- x -->",
            "<!DOCTYPE x [<!ENTITY e \"eeeeeeeeee\">]>", "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "<![CDATA[", "]]>",
            "<p:x>", "</p:x>", "<x xmlns=\"\">", "\u0000", "\uFFFE", "\uD800", "<?pi?>", "<a b=\"1\" b=\"2\"/>"};

    private final SplittableRandom random;
    private final List<String> names;

    /** {@code examples} give the element names to swap in. */
    public XmlMutator(SplittableRandom random, List<String> examples) {
        this.random = random;
        TreeSet<String> seen = new TreeSet<>();
        examples.forEach(xml -> {
            Matcher m = START_TAG.matcher(xml);
            while (m.find()) seen.add(m.group(1));
        });
        this.names = List.copyOf(seen);
    }

    /** One to three structural or text mutations. */
    public String mutate(String xml) {
        String s = xml;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            s = switch (random.nextInt(8)) {
                case 0 -> renameElement(s);
                case 1 -> replaceText(s);
                case 2 -> dropOrRepeatLeaf(s, random.nextBoolean());
                case 3 -> insertAt(s, STRAY[random.nextInt(STRAY.length)]);
                case 4 -> s.substring(0, random.nextInt(s.length() + 1));
                case 5 -> deepNesting(s);
                case 6 -> replaceText(replaceText(s));
                default -> removeRange(s);
            };
        }
        return s;
    }

    /** Random characters, mostly markup-ish. */
    public String randomText() {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(200);
        String alphabet = "<>/=\"' &;:!?[]-abcxyzCSTA0123456789";
        for (int i = 0; i < length; i++)
            s.append(random.nextInt(10) == 0 ? (char) random.nextInt(0xFFFF) : alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    /** A well-formed document of random known elements, for the decoder's lenient reading. */
    public String randomDocument(String namespace) {
        String root = names.get(random.nextInt(names.size()));
        return "<" + root + " xmlns=\"" + namespace + "\">" + randomChildren(3) + "</" + root + ">";
    }

    private String randomChildren(int depth) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = names.get(random.nextInt(names.size()));
            String body = depth > 0 && random.nextBoolean() ? randomChildren(depth - 1) : ODD_TEXT[random.nextInt(ODD_TEXT.length)];
            s.append('<').append(name).append('>').append(body).append("</").append(name).append('>');
        }
        return s.toString();
    }

    private String renameElement(String s) {
        List<String> present = matches(START_TAG, s);
        if (present.isEmpty()) return s;
        String from = present.get(random.nextInt(present.size()));
        String to = names.get(random.nextInt(names.size()));
        return s.replace("<" + from + ">", "<" + to + ">").replace("<" + from + " ", "<" + to + " ")
                .replace("</" + from + ">", "</" + to + ">");
    }

    private String replaceText(String s) {
        Matcher m = TEXT.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(1), m.end(1)});
        if (spans.isEmpty()) return s;
        int[] span = spans.get(random.nextInt(spans.size()));
        return s.substring(0, span[0]) + ODD_TEXT[random.nextInt(ODD_TEXT.length)] + s.substring(span[1]);
    }

    private String dropOrRepeatLeaf(String s, boolean drop) {
        Matcher m = LEAF.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.isEmpty()) return s;
        int[] span = spans.get(random.nextInt(spans.size()));
        String leaf = s.substring(span[0], span[1]);
        return s.substring(0, span[0]) + (drop ? "" : leaf + leaf) + s.substring(span[1]);
    }

    private String deepNesting(String s) {
        int depth = 10 + random.nextInt(3000);
        return insertAt(s, "<d>".repeat(depth) + "</d>".repeat(random.nextBoolean() ? depth : depth / 2));
    }

    private String removeRange(String s) {
        if (s.isEmpty()) return s;
        int at = random.nextInt(s.length());
        return s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));
    }

    private String insertAt(String s, String piece) {
        int at = random.nextInt(s.length() + 1);
        return s.substring(0, at) + piece + s.substring(at);
    }

    private static List<String> matches(Pattern pattern, String s) {
        Matcher m = pattern.matcher(s);
        List<String> found = new ArrayList<>();
        while (m.find()) found.add(m.group(1));
        return found;
    }
}
