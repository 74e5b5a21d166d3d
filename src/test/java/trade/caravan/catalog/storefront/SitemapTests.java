package trade.caravan.catalog.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingDirectory;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Links;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

@IntegrationTest
class SitemapTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ProductManagement products;
    @Autowired
    Tenancy tenancy;
    @Autowired
    ListingDirectory directory;
    @Autowired
    Links links;

    Listed listed;

    @BeforeEach
    void listed() {
        listed = new Listed(products, tenancy);
    }

    @Test
    void theSitemapListsPublishedProductsWithTheirLanguagesAndStorefrontsAndFollowsChanges() throws Exception {
        var supplier = accounts.organization();
        var draftsOnly = accounts.organization();
        ProductId published = listed.published(supplier, Listed.kettle("Sitemap kettle"));
        ProductId withdrawn = listed.published(supplier, Listed.englishOnly("Soon withdrawn"));
        ProductId draft = listed.draft(supplier, Listed.kettle("Sitemap draft"));
        listed.draft(draftsOnly, Listed.kettle("Another draft"));
        assertThat(locations(sitemap())).contains(url("/products/" + withdrawn));
        listed.withdraw(supplier, withdrawn);

        MockHttpServletResponse response = mvc.perform(get("/sitemap.xml")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/xml");
        assertThat(response.getHeader("Cache-Control")).contains("public");
        Document sitemap = parse(response.getContentAsByteArray());
        assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(Sitemaps.SITEMAP_NS);

        List<String> locations = locations(sitemap);
        assertThat(locations).contains(url("/products/" + published), url("/suppliers/" + supplier.id()))
                .doesNotContain(url("/products/" + withdrawn), url("/products/" + draft),
                        url("/suppliers/" + draftsOnly.id()));

        Element entry = entry(sitemap, url("/products/" + published));
        assertThat(text(entry, "lastmod")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        NodeList alternates = entry.getElementsByTagNameNS(Sitemaps.XHTML_NS, "link");
        List<String> hreflangs = new ArrayList<>();
        for (int i = 0; i < alternates.getLength(); i++) {
            Element alternate = (Element) alternates.item(i);
            assertThat(alternate.getAttribute("rel")).isEqualTo("alternate");
            hreflangs.add(alternate.getAttribute("hreflang") + " " + alternate.getAttribute("href"));
        }
        assertThat(hreflangs).containsExactly("en " + url("/products/" + published + "?lang=en"),
                "zh-CN " + url("/products/" + published + "?lang=zh-CN"), "x-default " + url("/products/" + published));
    }

    @Test
    void beyondOneFileTheSitemapBecomesAnIndexOfPages() throws Exception {
        var supplier = accounts.organization();
        listed.published(supplier, Listed.kettle("Indexed kettle"));
        var onePerPage = new Sitemaps(directory, links,
                new PublicPagesSettings(Duration.ofSeconds(60), Duration.ofSeconds(60), DataSize.ofMegabytes(1), 1));

        Document index = parse(write(onePerPage.root()));
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        List<String> pages = locations(index);
        long listings = directory.countListings();
        assertThat(pages).contains(url("/sitemap-products-1.xml"), url("/sitemap-products-" + listings + ".xml"),
                url("/sitemap-suppliers-1.xml")).doesNotContain(url("/sitemap-products-" + (listings + 1) + ".xml"));

        Document first = parse(write(onePerPage.products(1)));
        assertThat(locations(first)).hasSize(1).allMatch(loc -> loc.startsWith(url("/products/")));
        assertThat(locations(parse(write(onePerPage.suppliers(1))))).hasSize(1);
        assertThatThrownBy(() -> onePerPage.products((int) listings + 1)).isInstanceOf(DomainException.class);

        assertThat(mvc.perform(get("/sitemap-products-1.xml")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/sitemap-products-99999.xml")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/sitemap-products-0.xml")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void robotsPointToTheSitemap() throws Exception {
        MockHttpServletResponse robots = mvc.perform(get("/robots.txt")).andReturn().getResponse();
        assertThat(robots.getStatus()).isEqualTo(200);
        assertThat(robots.getContentType()).startsWith("text/plain");
        assertThat(robots.getContentAsString()).contains("User-agent: *", "Disallow: /api/",
                "Sitemap: http://localhost:8080/sitemap.xml");
    }

    private Document sitemap() throws Exception {
        return parse(mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsByteArray());
    }

    private static byte[] write(Sitemaps.Body body) {
        var out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private String url(String path) {
        return links.absolute(path);
    }

    /** Parsed as a crawler should: namespaces on, no DTD, no external entities. */
    static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> locations(Document document) {
        NodeList locs = document.getElementsByTagNameNS(Sitemaps.SITEMAP_NS, "loc");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            result.add(locs.item(i).getTextContent());
        }
        return result;
    }

    private static Element entry(Document document, String location) {
        NodeList urls = document.getElementsByTagNameNS(Sitemaps.SITEMAP_NS, "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            if (location.equals(text(url, "loc"))) {
                return url;
            }
        }
        throw new AssertionError("No entry for " + location);
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(Sitemaps.SITEMAP_NS, name).item(0).getTextContent();
    }
}
