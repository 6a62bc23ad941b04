package org.opencti.lab.protocol;

import java.util.ArrayDeque;
import java.util.Deque;

/** Writes the lab's XML: deterministic, no indentation, empty elements self-closed. */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    private final Deque<String> open = new ArrayDeque<>();
    private boolean startTagOpen;

    XmlWriter(String root, String namespace) {
        out.append('<').append(root).append(" xmlns=\"").append(namespace).append('"');
        open.push(root);
        startTagOpen = true;
    }

    XmlWriter start(String name) {
        closeStartTag();
        out.append('<').append(name);
        open.push(name);
        startTagOpen = true;
        return this;
    }

    XmlWriter attribute(String name, String value) {
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    XmlWriter text(String text) {
        closeStartTag();
        out.append(escape(text));
        return this;
    }

    XmlWriter end() {
        String name = open.pop();
        if (startTagOpen) {
            out.append("/>");
            startTagOpen = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    XmlWriter leaf(String name, String text) {
        return start(name).text(text).end();
    }

    XmlWriter empty(String name) {
        return start(name).end();
    }

    String finish() {
        while (!open.isEmpty())
            end();
        return out.toString();
    }

    private void closeStartTag() {
        if (startTagOpen) {
            out.append('>');
            startTagOpen = false;
        }
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
