package trade.caravan.catalog.storefront;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;

import trade.caravan.catalog.listing.ListingDirectory;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Links;

/**
 * The sitemaps (sitemaps.org 0.9): every published product page with its language versions as
 * {@code xhtml:link} alternates, and every storefront with listings, each with {@code lastmod}.
 * Read from the listings table at each request, so they follow publications and withdrawals.
 * Up to {@code sitemap-page-size} URLs, {@code /sitemap.xml} is the sitemap itself; beyond, it is
 * an index of {@code /sitemap-products-<n>.xml} and {@code /sitemap-suppliers-<n>.xml} files.
 * Rows are written as they are read, never held as a list.
 */
@Component
class Sitemaps {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ListingDirectory directory;
    private final Links links;
    private final int pageSize;

    Sitemaps(ListingDirectory directory, Links links, PublicPagesSettings settings) {
        this.directory = directory;
        this.links = links;
        this.pageSize = settings.sitemapPageSize();
    }

    /** A sitemap ready to be written; the page it names exists. */
    interface Body {
        void writeTo(OutputStream out);
    }

    /** {@code /sitemap.xml}: everything, or the index when it would not fit one file. */
    Body root() {
        return this::root;
    }

    private void root(OutputStream out) {
        long products = directory.countListings();
        long suppliers = directory.countSuppliers();
        if (products + suppliers <= pageSize) {
            write(out, xml -> {
                urlset(xml);
                productUrls(xml, 0);
                supplierUrls(xml, 0);
            });
            return;
        }
        write(out, xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (long n = 1; n <= pages(products); n++) {
                sitemap(xml, "/sitemap-products-" + n + ".xml");
            }
            for (long n = 1; n <= pages(suppliers); n++) {
                sitemap(xml, "/sitemap-suppliers-" + n + ".xml");
            }
        });
    }

    /** {@code /sitemap-products-<n>.xml}, {@code n} from 1; a page past the end is not found. */
    Body products(int page) {
        long offset = offset(page, directory.countListings());
        return out -> write(out, xml -> {
            urlset(xml);
            productUrls(xml, offset);
        });
    }

    /** {@code /sitemap-suppliers-<n>.xml}, {@code n} from 1; a page past the end is not found. */
    Body suppliers(int page) {
        long offset = offset(page, directory.countSuppliers());
        return out -> write(out, xml -> {
            urlset(xml);
            supplierUrls(xml, offset);
        });
    }

    private long pages(long urls) {
        return Math.max(1, (urls + pageSize - 1) / pageSize);
    }

    /** The first row of page {@code page}; a page past the end names nothing (404). */
    private long offset(int page, long total) {
        if (page < 1 || page > pages(total)) {
            throw DomainException.notFound();
        }
        return (long) (page - 1) * pageSize;
    }

    private void productUrls(XMLStreamWriter xml, long offset) {
        directory.listings(offset, pageSize, listing -> unchecked(() -> {
            String path = "/products/" + listing.id();
            xml.writeStartElement("url");
            element(xml, "loc", links.absolute(path));
            element(xml, "lastmod", lastmod(listing.updatedAt()));
            for (String locale : listing.locales()) {
                alternate(xml, locale, links.absolute(path + "?lang=" + locale));
            }
            alternate(xml, "x-default", links.absolute(path));
            xml.writeEndElement();
        }));
    }

    private void supplierUrls(XMLStreamWriter xml, long offset) {
        directory.suppliers(offset, pageSize, supplier -> unchecked(() -> {
            xml.writeStartElement("url");
            element(xml, "loc", links.absolute("/suppliers/" + supplier.id()));
            element(xml, "lastmod", lastmod(supplier.updatedAt()));
            xml.writeEndElement();
        }));
    }

    private void sitemap(XMLStreamWriter xml, String path) throws XMLStreamException {
        xml.writeStartElement("sitemap");
        element(xml, "loc", links.absolute(path));
        xml.writeEndElement();
    }

    private static void urlset(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP_NS);
        xml.writeNamespace("xhtml", XHTML_NS);
    }

    private static void alternate(XMLStreamWriter xml, String hreflang, String href) throws XMLStreamException {
        xml.writeEmptyElement("xhtml", "link", XHTML_NS);
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("hreflang", hreflang);
        xml.writeAttribute("href", href);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** W3C datetime, to the second, in UTC. */
    private static String lastmod(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private interface XmlWork {
        void run(XMLStreamWriter xml) throws XMLStreamException;
    }

    private interface XmlStep {
        void run() throws XMLStreamException;
    }

    private static void write(OutputStream out, XmlWork work) {
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            work.run(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the sitemap", e);
        }
    }

    private static void unchecked(XmlStep step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the sitemap", e);
        }
    }
}
