package org.opencti.connector.csta.xml;

import java.util.Map;

/** Writes one small XML document, escaping text; requests are short, so a string builder is all it takes. */
public final class XmlBuilder {
    private final StringBuilder out = new StringBuilder();
    private final String root;

    private XmlBuilder(String root, String namespace, String invokeId) {
        this.root = root;
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><").append(root).append(" xmlns=\"").append(escape(namespace)).append('"');
        if (invokeId != null) out.append(" invokeID=\"").append(invokeId).append('"');
        out.append('>');
    }

    public static XmlBuilder root(String name, String namespace, String invokeIdAttribute) {
        return new XmlBuilder(name, namespace, invokeIdAttribute);
    }

    public XmlBuilder text(String name, String value) {
        if (value == null) return this;
        out.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
        return this;
    }

    public XmlBuilder open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public XmlBuilder close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name><callID>c</callID><deviceID>d</deviceID></name>}. */
    public XmlBuilder connection(String name, String callId, String deviceId) {
        return open(name).text("callID", callId).text("deviceID", deviceId).close(name);
    }

    /** Our private data: {@code od:callData} and/or {@code od:reasonCode}, wrapped as ECMA-323 wants it. */
    public XmlBuilder privateData(Map<String, String> callData, String reasonCode) {
        boolean hasData = callData != null && !callData.isEmpty();
        if (!hasData && reasonCode == null) return this;
        open("extensions").open("privateData").open("private");
        if (hasData) {
            out.append("<od:callData xmlns:od=\"").append(CstaNames.OPENCTI_NS).append("\">");
            callData.forEach((key, value) -> out.append("<od:item key=\"").append(escape(key)).append("\">")
                    .append(escape(value)).append("</od:item>"));
            out.append("</od:callData>");
        }
        if (reasonCode != null)
            out.append("<od:reasonCode xmlns:od=\"").append(CstaNames.OPENCTI_NS).append("\">").append(escape(reasonCode)).append("</od:reasonCode>");
        return close("private").close("privateData").close("extensions");
    }

    public String build() { return out + "</" + root + ">"; }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
