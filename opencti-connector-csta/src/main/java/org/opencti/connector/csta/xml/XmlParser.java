package org.opencti.connector.csta.xml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX into {@link XmlElement}s. DTDs and external entities are off: the peer is a network party. */
public final class XmlParser {
    private static final XMLInputFactory FACTORY = createFactory();

    private XmlParser() {}

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    public static XmlElement parse(String xml) throws CstaFormatException {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            Deque<Builder> open = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamReader.START_ELEMENT -> {
                        Map<String, String> attributes = new HashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++)
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        open.push(new Builder(reader.getLocalName(), reader.getNamespaceURI(), attributes));
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                        if (!open.isEmpty()) open.peek().text.append(reader.getText());
                    }
                    case XMLStreamReader.END_ELEMENT -> {
                        XmlElement done = open.pop().build();
                        if (open.isEmpty()) root = done;
                        else open.peek().children.add(done);
                    }
                    default -> { /* comments, processing instructions: nothing to keep */ }
                }
            }
            if (root == null) throw new CstaFormatException("empty CSTA message: no root element");
            return root;
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            throw new CstaFormatException("malformed CSTA XML" + (at == null ? "" : " at line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber()) + ": " + e.getMessage());
        }
    }

    private static final class Builder {
        final String name;
        final String namespace;
        final Map<String, String> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String name, String namespace, Map<String, String> attributes) {
            this.name = name;
            this.namespace = namespace == null ? "" : namespace;
            this.attributes = attributes;
        }

        XmlElement build() { return new XmlElement(name, namespace, attributes, text.toString(), children); }
    }
}
