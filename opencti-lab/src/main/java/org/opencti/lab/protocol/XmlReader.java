package org.opencti.lab.protocol;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Parses one XML document with the JDK's StAX parser; DTDs and external entities are refused. */
public final class XmlReader {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private XmlReader() {
    }

    /** The document's root element; a malformed document is a {@link MalformedXmlException}. */
    public static XmlElement parse(byte[] document) {
        if (document.length == 0)
            throw new MalformedXmlException("Empty message body; expected one XML document");
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
            Deque<Builder> open = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new HashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++)
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        String ns = reader.getNamespaceURI();
                        open.push(new Builder(ns == null ? "" : ns, reader.getLocalName(), attributes));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty())
                            open.peek().text.append(reader.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement element = open.pop().build();
                        if (open.isEmpty())
                            root = element;
                        else
                            open.peek().children.add(element);
                    }
                    default -> {
                    }
                }
            }
            if (root == null)
                throw new MalformedXmlException("No root element; expected one XML document");
            return root;
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw new MalformedXmlException("Malformed XML" + where + ": " + firstLine(e.getMessage()), e);
        } finally {
            if (reader != null)
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a byte array frees nothing that could fail meaningfully
                }
        }
    }

    private static String firstLine(String message) {
        if (message == null)
            return "unreadable document";
        String[] lines = message.strip().split("\n");
        return lines[lines.length - 1].replaceFirst("^Message: ", "");
    }

    private static final class Builder {
        final String namespace;
        final String name;
        final Map<String, String> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String namespace, String name, Map<String, String> attributes) {
            this.namespace = namespace;
            this.name = name;
            this.attributes = attributes;
        }

        XmlElement build() {
            return new XmlElement(namespace, name, attributes, text.toString(), children);
        }
    }
}
