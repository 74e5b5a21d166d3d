package trade.caravan.documents.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way XML from outside is parsed here: no DOCTYPE at all (so no entity can be declared,
 * neither external — XXE — nor nested — billion laughs), no external DTD, schema or XInclude, and
 * the JDK's secure-processing limits on top. The parser reports a refusal; it never resolves,
 * fetches or expands anything.
 */
final class HardenedXml {

    private HardenedXml() {
    }

    /** Why a piece of XML was not accepted. */
    static final class Refused extends Exception {

        private final boolean doctype;

        Refused(String message, boolean doctype, Throwable cause) {
            super(message, cause);
            this.doctype = doctype;
        }

        /** Whether it declared a DOCTYPE (entities, an external DTD): refused on principle. */
        boolean doctype() {
            return doctype;
        }
    }

    static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a security feature", e);
        }
    }

    static Document parse(byte[] xml) throws Refused {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("No external entity is resolved: " + systemId);
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                    // a warning does not refuse the document, nor is it printed to stderr as the default handler does
                }

                @Override
                public void error(SAXParseException exception) throws SAXException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            throw new Refused("Not acceptable XML: " + e.getMessage(), declaresDoctype(xml), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text declares a DOCTYPE (how the refusal is explained; the parser is what refuses). */
    static boolean declaresDoctype(byte[] xml) {
        String start = new String(xml, 0, Math.min(xml.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        return start.contains("<!DOCTYPE");
    }
}
