package trade.caravan.catalog.storefront;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.Links;

/** {@code /sitemap.xml} (and its pages when it is an index) and {@code /robots.txt}, for crawlers. */
@Controller
class SitemapController {

    private final Sitemaps sitemaps;
    private final Links links;
    private final PublicResponses responses;

    SitemapController(Sitemaps sitemaps, Links links, PublicResponses responses) {
        this.sitemaps = sitemaps;
        this.links = links;
        this.responses = responses;
    }

    @GetMapping("/sitemap.xml")
    void root(HttpServletResponse response) throws IOException {
        xml(sitemaps.root(), response);
    }

    @GetMapping("/sitemap-products-{page}.xml")
    void products(@PathVariable String page, HttpServletResponse response) throws IOException {
        xml(sitemaps.products(page(page)), response);
    }

    @GetMapping("/sitemap-suppliers-{page}.xml")
    void suppliers(@PathVariable String page, HttpServletResponse response) throws IOException {
        xml(sitemaps.suppliers(page(page)), response);
    }

    /** Member pages and the API are no business of crawlers; the public pages are listed in the sitemap. */
    @GetMapping("/robots.txt")
    void robots(HttpServletResponse response) throws IOException {
        responses.cacheHeaders(true, response);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
        String robots = """
                User-agent: *
                Allow: /
                Disallow: /api/
                Disallow: /catalog/
                Disallow: /organization
                Disallow: /account
                Disallow: /login
                Disallow: /operator/
                Sitemap: %s
                """.formatted(links.absolute("/sitemap.xml"));
        response.getOutputStream().write(robots.getBytes(StandardCharsets.UTF_8));
    }

    private void xml(Sitemaps.Body body, HttpServletResponse response) throws IOException {
        responses.cacheHeaders(true, response);
        response.setContentType(MediaType.APPLICATION_XML_VALUE + ";charset=UTF-8");
        body.writeTo(response.getOutputStream());
    }

    private static int page(String page) {
        if (!page.matches("[1-9][0-9]{0,6}")) {
            throw DomainException.notFound();
        }
        return Integer.parseInt(page);
    }
}
