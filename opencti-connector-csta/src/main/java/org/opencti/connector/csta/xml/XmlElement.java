package org.opencti.connector.csta.xml;

import java.util.List;
import java.util.Map;

/**
 * A parsed XML element, matched by local name only: switches differ in prefixes and in ed3/ed4 namespaces, and
 * add elements of their own, so readers look up what they know and ignore the rest.
 */
public record XmlElement(String name, String namespace, Map<String, String> attributes, String text,
                         List<XmlElement> children) {
    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
        text = text == null ? "" : text.strip();
    }

    /** The first child named {@code localName}, or null. */
    public XmlElement child(String localName) {
        for (XmlElement child : children) if (child.name.equals(localName)) return child;
        return null;
    }

    public List<XmlElement> children(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    /** The first element named {@code localName} anywhere below this one (depth first), or null. */
    public XmlElement find(String localName) {
        for (XmlElement child : children) {
            if (child.name.equals(localName)) return child;
            XmlElement below = child.find(localName);
            if (below != null) return below;
        }
        return null;
    }

    /** The text of the element at {@code path} (local names), or null when absent or empty. */
    public String text(String... path) {
        XmlElement at = this;
        for (String step : path) {
            at = at.child(step);
            if (at == null) return null;
        }
        return at.text.isEmpty() ? null : at.text;
    }

    public String attribute(String localName) { return attributes.get(localName); }
}
