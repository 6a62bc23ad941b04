package org.opencti.lab.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed XML element. Lookups go by local name only, so CSTA ed3, ed4 and vendor prefixes all match;
 * unknown children are simply never asked for.
 */
public record XmlElement(String namespace, String name, Map<String, String> attributes, String text,
                         List<XmlElement> children) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).findFirst();
    }

    public List<XmlElement> children(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    /** The element at a path of local names, e.g. {@code path("connection", "callID")}. */
    public Optional<XmlElement> path(String... names) {
        Optional<XmlElement> current = Optional.of(this);
        for (String name : names)
            current = current.flatMap(e -> e.child(name));
        return current;
    }

    /** Trimmed text at a path, if the element exists. */
    public Optional<String> text(String... names) {
        return path(names).map(e -> e.text.trim());
    }

    /** Every element with this local name in the subtree, document order. */
    public List<XmlElement> descendants(String localName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(localName))
                found.add(child);
            found.addAll(child.descendants(localName));
        }
        return found;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("<").append(name);
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        if (children.isEmpty() && text.isBlank())
            return out.append("/>").toString();
        out.append('>');
        if (children.isEmpty())
            out.append(text.trim());
        children.forEach(out::append);
        return out.append("</").append(name).append('>').toString();
    }
}
