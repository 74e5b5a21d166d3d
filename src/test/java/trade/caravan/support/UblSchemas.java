package trade.caravan.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.helger.io.resource.ClassPathResource;

/** The OASIS UBL schemas, compiled by the JDK independently of ph-ubl's own marshaller, for the tests. */
public final class UblSchemas {

    private UblSchemas() {
    }

    /**
     * The OASIS XSDs as ph-ubl bundles them, compiled by the JDK: the main document's schema after
     * the ones it imports by namespace only (the CCTS core component types live in another jar).
     */
    public static Schema schema(List<ClassPathResource> xsds) {
        Source[] sources = xsds.stream()
                .map(xsd -> new StreamSource(Objects.requireNonNull(xsd.getAsURL(), xsd.getPath()).toExternalForm()))
                .toArray(Source[]::new);
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every error the JDK validator finds in the document. The validator is hardened: a document
     * may not pull a DTD or schema from anywhere.
     */
    public static List<String> errors(byte[] xml, Schema schema) {
        List<String> errors = new ArrayList<>();
        try {
            Validator validator = schema.newValidator();
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                    // warnings do not make a document invalid
                }

                @Override
                public void error(SAXParseException exception) {
                    errors.add(exception.getMessage());
                }

                @Override
                public void fatalError(SAXParseException exception) {
                    errors.add(exception.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }
}
