package trade.caravan.catalog.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import trade.caravan.accounts.Role;
import trade.caravan.accounts.token.TokenManagement;
import trade.caravan.accounts.token.TokenScope;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.catalog.product.ProductView;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * Product images and certificate files through the API and the product page: what is accepted,
 * what is refused and with which status, how files are served, who may read them, and that one
 * supplier can never reach another's.
 */
@IntegrationTest
class ProductMediaTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Tenancy tenancy;
    @Autowired
    TokenManagement tokens;
    @Autowired
    ProductManagement products;
    @Autowired
    PublicCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    MediaSweep sweep;

    TestAccounts.Organization supplier;
    String token;
    ProductId product;

    @BeforeEach
    void aSupplierWithADraft() {
        supplier = accounts.organization(Role.TRADER);
        token = tokenOf(supplier);
        product = draftOf(supplier);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUploadedImageIsReencodedAttachedAndPrivateUntilTheProductIsPublished() throws Exception {
        byte[] photo = TestImages.withTrailer(TestImages.withExif(TestImages.jpeg(800, 600), 1), "<script>x</script>");
        MockHttpServletResponse created = mvc.perform(upload("/api/v1/products/" + product + "/images",
                        file("../../etc/passwd.png", "image/png", photo)).header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(created.getContentAsString());
        UUID image = UUID.fromString(body.get("id").asString());
        assertThat(created.getHeader("Location")).isEqualTo("/media/" + image);
        assertThat(body.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(body.get("fileName").asString()).isEqualTo("passwd.jpg");
        assertThat(body.get("width").asInt()).isEqualTo(800);
        assertThat(body.get("thumbnailUrl").asString()).isEqualTo("/media/" + image + "/thumbnail");
        assertThat(details(supplier, product).images()).containsExactly(image);

        assertThat(mvc.perform(get("/media/" + image)).andReturn().getResponse().getStatus())
                .as("a draft's image is not public").isEqualTo(404);
        assertThat(mvc.perform(get("/media/" + image + "/thumbnail")).andReturn().getResponse().getStatus()).isEqualTo(404);
        MockHttpServletResponse own = mvc.perform(get("/media/" + image).with(as(supplier))).andReturn().getResponse();
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getHeader("Cache-Control")).contains("private", "no-cache").doesNotContain("public");

        tenancy.runAs(supplier.id(), () -> products.publish(supplier.owner().principal(), product));
        assertThat(catalog.find(product).orElseThrow().images()).containsExactly(image);

        MockHttpServletResponse served = mvc.perform(get("/media/" + image)).andReturn().getResponse();
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).isEqualTo("image/jpeg");
        assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
        assertThat(served.getHeader("Cache-Control")).contains("public", "max-age=31536000", "immutable");
        assertThat(served.getHeader("ETag")).isEqualTo("\"" + body.get("sha256").asString() + "\"");
        assertThat(served.getHeader("Content-Disposition"))
                .isEqualTo("inline; filename=\"passwd.jpg\"; filename*=UTF-8''passwd.jpg");
        byte[] bytes = served.getContentAsByteArray();
        assertThat(MediaLibrary.sha256(bytes)).isEqualTo(body.get("sha256").asString());
        assertThat(TestImages.contains(bytes, "Exif")).isFalse();
        assertThat(TestImages.contains(bytes, TestImages.SECRET)).isFalse();
        assertThat(TestImages.contains(bytes, "<script>")).isFalse();

        assertThat(mvc.perform(get("/media/" + image).header("If-None-Match", served.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).isEqualTo(304);
        MockHttpServletResponse thumbnail = mvc.perform(get("/media/" + image + "/thumbnail")).andReturn().getResponse();
        assertThat(thumbnail.getStatus()).isEqualTo(200);
        assertThat(thumbnail.getHeader("Content-Disposition")).startsWith("inline; filename=\"passwd-thumbnail.jpg\"");
        var small = TestImages.decode(thumbnail.getContentAsByteArray());
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);

        tenancy.runAs(supplier.id(), () -> products.withdraw(supplier.owner().principal(), product));
        assertThat(mvc.perform(get("/media/" + image)).andReturn().getResponse().getStatus())
                .as("offline again: private again").isEqualTo(404);
    }

    @Test
    void anOversizedUploadIsRefusedWith413OnThePageAndInTheApi() throws Exception {
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.jpeg(8, 8), 0, huge, 0, 100);
        MockHttpServletResponse api = mvc.perform(upload("/api/v1/products/" + product + "/images",
                        file("big.jpg", "image/jpeg", huge)).header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(413);
        assertThat(api.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(api.getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo("error.media.too-large");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asString()).isEqualTo("Content too large");
        assertThat(problem.get("detail").asString()).isEqualTo("The file is larger than 10 MB.");

        MockHttpServletResponse chinese = mvc.perform(upload("/api/v1/products/" + product + "/images",
                        file("big.jpg", "image/jpeg", huge)).header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "zh-CN"))
                .andReturn().getResponse();
        assertThat(json.readTree(chinese.getContentAsString()).get("detail").asString()).isEqualTo("文件超过 10 MB。");

        MockHttpServletResponse page = mvc.perform(upload("/catalog/products/" + product + "/images",
                file("big.jpg", "image/jpeg", huge)).with(as(supplier)).with(csrf())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(413);
        assertThat(page.getContentAsString()).contains("The file is larger than 10 MB.", "/catalog/products/" + product);

        MockHttpServletResponse certificate = mvc.perform(upload(HttpMethod.PUT,
                        "/api/v1/products/" + product + "/certifications/CE/certificate",
                        file("big.pdf", "application/pdf", huge)).header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(certificate.getStatus()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void whatIsNotAnImageIsRefusedWhateverItsNameOrDeclaredType() throws Exception {
        record Case(String name, String type, byte[] bytes, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("photo.jpg", "image/jpeg", "not an image at all".getBytes(StandardCharsets.UTF_8), 415,
                        "error.media.image-type"),
                new Case("logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                        .getBytes(StandardCharsets.UTF_8), 415, "error.media.image-type"),
                new Case("scan.png", "image/png", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII), 415,
                        "error.media.image-type"),
                new Case("flood.png", "image/png", TestImages.claimingSize(TestImages.png(16, 16, false), 50_000, 50_000),
                        422, "error.media.too-many-pixels"),
                new Case("polyglot.jpg", "image/jpeg", TestImages.withTrailer(
                        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "<html>"), 422,
                        "error.media.image-unreadable"),
                new Case("empty.jpg", "image/jpeg", new byte[0], 400, "error.media.empty"));
        for (Case c : cases) {
            MockHttpServletResponse api = mvc.perform(upload("/api/v1/products/" + product + "/images",
                            file(c.name(), c.type(), c.bytes())).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse();
            assertThat(api.getStatus()).as(c.name()).isEqualTo(c.status());
            JsonNode problem = json.readTree(api.getContentAsString());
            assertThat(problem.get("code").asString()).as(c.name()).isEqualTo(c.code());
            assertThat(problem.get("detail").asString()).as(c.name()).isNotBlank().doesNotStartWith("error.");

            MockHttpServletResponse page = mvc.perform(upload("/catalog/products/" + product + "/images",
                    file(c.name(), c.type(), c.bytes())).with(as(supplier)).with(csrf()).header("Accept-Language", "zh-CN"))
                    .andReturn().getResponse();
            assertThat(page.getStatus()).as(c.name()).isEqualTo(c.status());
            assertThat(page.getContentAsString()).as(c.name()).contains("文件未保存").doesNotContain("error.media");
        }
        MockHttpServletResponse jpegAsCertificate = mvc.perform(upload(HttpMethod.PUT,
                        "/api/v1/products/" + product + "/certifications/CE/certificate",
                        file("certificate.pdf", "application/pdf", TestImages.jpeg(16, 16)))
                        .header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(jpegAsCertificate.getStatus()).isEqualTo(415);
        assertThat(json.readTree(jpegAsCertificate.getContentAsString()).get("code").asString())
                .isEqualTo("error.media.document-type");
        assertNothingStored();
    }

    @Test
    void hostileFileNamesAreKeptForDisplayOnlyAndServedSafely() throws Exception {
        tenancy.runAs(supplier.id(), () -> products.publish(supplier.owner().principal(), product));
        record Case(String sent, String kept) {
        }
        for (Case c : List.of(new Case("../../etc/passwd.png", "passwd.jpg"), new Case("..\\..\\x.jpg", "x.jpg"),
                new Case("evil\0.php.jpg", "evil.php.jpg"), new Case("y".repeat(5000) + ".jpeg", "y".repeat(95) + ".jpg"),
                new Case("报价\r\nX-Evil: 1.jpg", "报价X-Evil_ 1.jpg"))) {
            JsonNode created = json.readTree(mvc.perform(upload("/api/v1/products/" + product + "/images",
                            file(c.sent(), "image/jpeg", TestImages.jpeg(32, 32))).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getContentAsString());
            assertThat(created.get("fileName").asString()).as(c.sent()).isEqualTo(c.kept());
            MockHttpServletResponse served = mvc.perform(get(created.get("url").asString())).andReturn().getResponse();
            String disposition = served.getHeader("Content-Disposition");
            assertThat(disposition).as(c.sent()).startsWith("inline; filename=\"")
                    .doesNotContain("/", "\\", "..", "\r", "\n", "\0");
            assertThat(disposition.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F)).isTrue();
        }
        assertThat(details(supplier, product).images()).hasSize(5);
    }

    @Test
    void anotherSupplierCannotAttachRemoveOrReadTheFirstSuppliersFiles() throws Exception {
        UUID image = uploadImage(product);
        UUID certificate = uploadCertificate(product, CertificationKind.CE);
        var other = accounts.organization();
        String otherToken = tokenOf(other);
        ProductId otherProduct = draftOf(other);

        // attaching A's files to B's product by identifier: refused like an unknown identifier
        ProductView mine = tenancy.callAs(other.id(), () -> products.find(otherProduct));
        ProductDetails d = mine.details();
        String revision = """
                {"version": %d, "details": {"hsCode": "8516.71", "defaultLocale": "en",
                 "texts": [{"locale": "en", "title": "Kettle"}], "unit": "C62", "minimumOrderQuantity": 100,
                 "currency": "USD", "tiers": [{"minQuantity": 100, "unitPriceMinor": 999}], "leadTimeDays": 20,
                 "origin": "CN", "certifications": [{"kind": "CE", "certificate": "%s"}], "images": ["%s", "%s"]}}"""
                .formatted(mine.version(), certificate, image, UUID.randomUUID());
        MockHttpServletResponse refused = mvc.perform(put("/api/v1/products/" + otherProduct)
                        .contentType(MediaType.APPLICATION_JSON).content(revision)
                        .header("Authorization", "Bearer " + otherToken))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(json.readTree(refused.getContentAsString()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("images[0]", "images[1]", "certifications[0].certificate");
        assertThat(tenancy.callAs(other.id(), () -> products.find(otherProduct)).details()).isEqualTo(d);

        List<AbstractMockHttpServletRequestBuilder<?>> apiRequests = List.of(
                upload("/api/v1/products/" + product + "/images", file("x.jpg", "image/jpeg", TestImages.jpeg(8, 8))),
                delete("/api/v1/products/" + product + "/images/" + image),
                upload(HttpMethod.PUT, "/api/v1/products/" + product + "/certifications/CE/certificate",
                        file("x.pdf", "application/pdf", pdf())),
                delete("/api/v1/products/" + product + "/certifications/CE/certificate"),
                get("/api/v1/media/" + image), get("/api/v1/media/" + certificate));
        for (AbstractMockHttpServletRequestBuilder<?> request : apiRequests) {
            assertThat(mvc.perform(request.header("Authorization", "Bearer " + otherToken)).andReturn().getResponse()
                    .getStatus()).isEqualTo(404);
        }
        List<AbstractMockHttpServletRequestBuilder<?>> pageRequests = List.of(
                upload("/catalog/products/" + product + "/images", file("x.jpg", "image/jpeg", TestImages.jpeg(8, 8))),
                post("/catalog/products/" + product + "/images/" + image + "/remove"),
                post("/catalog/products/" + product + "/images/" + image + "/move").param("offset", "1"),
                upload("/catalog/products/" + product + "/certificates/CE", file("x.pdf", "application/pdf", pdf())),
                post("/catalog/products/" + product + "/certificates/CE/remove"));
        for (AbstractMockHttpServletRequestBuilder<?> request : pageRequests) {
            assertThat(mvc.perform(request.with(as(other)).with(csrf())).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
        }
        for (UUID file : List.of(image, certificate)) {
            assertThat(mvc.perform(get("/media/" + file).with(as(other))).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
            assertThat(mvc.perform(get("/media/" + file)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get("/media/" + file).with(as(supplier))).andReturn().getResponse().getStatus())
                    .isEqualTo(200);
        }
        ProductDetails unchanged = details(supplier, product);
        assertThat(unchanged.images()).containsExactly(image);
        assertThat(unchanged.certifications()).extracting(ProductDetails.Certification::certificate).containsExactly(certificate);
    }

    @Test
    void theProductPageAddsMovesAndRemovesImages() throws Exception {
        List<UUID> images = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse added = mvc.perform(upload("/catalog/products/" + product + "/images",
                    file("photo" + i + ".png", "image/png", TestImages.png(40 + i, 30, false))).with(as(supplier))
                    .with(csrf())).andReturn().getResponse();
            assertThat(added.getStatus()).isEqualTo(302);
            assertThat(added.getRedirectedUrl()).isEqualTo("/catalog/products/" + product + "#media");
            images.add(details(supplier, product).images().get(i));
        }
        String page = mvc.perform(get("/catalog/products/" + product).with(as(supplier))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"media\"", "/media/" + images.get(0) + "/thumbnail", "enctype=\"multipart/form-data\"",
                "_csrf=", "accept=\"image/jpeg,image/png,image/webp\"", "/js/media.js", "data-max-bytes=\"10485760\"")
                .doesNotContain(" style=\"", "onclick=");
        assertThat(page.indexOf("/media/" + images.get(0))).isLessThan(page.indexOf("/media/" + images.get(1)));

        mvc.perform(post("/catalog/products/" + product + "/images/" + images.get(2) + "/move").param("offset", "-1")
                .with(as(supplier)).with(csrf()));
        assertThat(details(supplier, product).images()).containsExactly(images.get(0), images.get(2), images.get(1));
        mvc.perform(post("/catalog/products/" + product + "/images/" + images.get(0) + "/move").param("offset", "-1")
                .with(as(supplier)).with(csrf()));
        assertThat(details(supplier, product).images()).as("the first stays first")
                .containsExactly(images.get(0), images.get(2), images.get(1));

        MockHttpServletResponse removed = mvc.perform(post("/catalog/products/" + product + "/images/" + images.get(2)
                + "/remove").with(as(supplier)).with(csrf())).andReturn().getResponse();
        assertThat(removed.getStatus()).isEqualTo(302);
        assertThat(details(supplier, product).images()).containsExactly(images.get(0), images.get(1));
        assertThat(mvc.perform(get("/media/" + images.get(2)).with(as(supplier))).andReturn().getResponse().getStatus())
                .as("a removed image no product uses is deleted").isEqualTo(404);

        // saving the form keeps the images and certificate files it does not show as inputs
        UUID certificate = uploadCertificate(product, CertificationKind.ROHS);
        ProductView before = tenancy.callAs(supplier.id(), () -> products.find(product));
        MockHttpServletResponse saved = mvc.perform(post("/catalog/products/" + product).with(as(supplier)).with(csrf())
                .param("version", Long.toString(before.version())).param("hsCode", "8516.71").param("defaultLocale", "en")
                .param("texts[0].locale", "en").param("texts[0].title", "Kettle, renamed").param("unit", "C62")
                .param("minimumOrderQuantity", "100").param("currency", "USD").param("tiers[0].minQuantity", "100")
                .param("tiers[0].unitPrice", "9.99").param("leadTimeDays", "20").param("origin", "CN")
                .param("certifications", "ROHS").param("certificateFiles[ROHS]", certificate.toString())
                .param("images[0]", images.get(0).toString()).param("images[1]", images.get(1).toString()))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        ProductDetails after = details(supplier, product);
        assertThat(after.texts().getFirst().title()).isEqualTo("Kettle, renamed");
        assertThat(after.images()).containsExactly(images.get(0), images.get(1));
        assertThat(after.certifications()).extracting(ProductDetails.Certification::certificate).containsExactly(certificate);
        assertThat(mvc.perform(get("/catalog/products/" + product).with(as(supplier))).andReturn().getResponse()
                .getContentAsString()).contains("name=\"certificateFiles[ROHS]\" value=\"" + certificate + "\"");
    }

    @Test
    void aProductHasAtMostTenImages() throws Exception {
        for (int i = 0; i < ProductDetails.MAX_IMAGES; i++) {
            uploadImage(product);
        }
        MockHttpServletResponse eleventh = mvc.perform(upload("/api/v1/products/" + product + "/images",
                        file("one-more.jpg", "image/jpeg", TestImages.jpeg(16, 16))).header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(eleventh.getStatus()).isEqualTo(400);
        assertThat(json.readTree(eleventh.getContentAsString()).get("errors").findValuesAsString("code"))
                .containsExactly("error.product.images-too-many");
        assertThat(mediaCount(supplier)).as("the refused file is not kept").isEqualTo(10);
        assertThat(mvc.perform(get("/catalog/products/" + product).with(as(supplier))).andReturn().getResponse()
                .getContentAsString()).contains("the most images allowed (10)");
    }

    @Test
    void aCertificateFileIsPublicWithThePublishedProductAndServedAsADownload() throws Exception {
        UUID certificate = uploadCertificate(product, CertificationKind.ISO_9001);
        ProductDetails d = details(supplier, product);
        assertThat(d.certifications()).extracting(ProductDetails.Certification::kind)
                .as("declared by the upload").contains(CertificationKind.CE, CertificationKind.ISO_9001);
        assertThat(mvc.perform(get("/media/" + certificate)).andReturn().getResponse().getStatus()).isEqualTo(404);

        tenancy.runAs(supplier.id(), () -> products.publish(supplier.owner().principal(), product));
        assertThat(catalog.find(product).orElseThrow().certifications())
                .filteredOn(c -> c.kind() == CertificationKind.ISO_9001)
                .extracting(c -> c.certificate()).containsExactly(certificate);
        MockHttpServletResponse served = mvc.perform(get("/media/" + certificate)).andReturn().getResponse();
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).isEqualTo("application/pdf");
        assertThat(served.getHeader("Content-Disposition")).startsWith("attachment; filename=\"ISO certificate.pdf\"");
        assertThat(served.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
        assertThat(served.getContentAsByteArray()).isEqualTo(pdf());
        assertThat(mvc.perform(get("/media/" + certificate + "/thumbnail")).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        MockHttpServletResponse removed = mvc.perform(delete("/api/v1/products/" + product
                + "/certifications/ISO_9001/certificate").header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(removed.getStatus()).isEqualTo(204);
        assertThat(catalog.find(product).orElseThrow().certifications())
                .filteredOn(c -> c.kind() == CertificationKind.ISO_9001).extracting(c -> c.certificate())
                .containsExactly((UUID) null);
        assertThat(mvc.perform(get("/media/" + certificate)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void filesDroppedByARevisionAreSweptAfterADay() throws Exception {
        UUID kept = uploadImage(product);
        UUID dropped = uploadImage(product);
        ProductView current = tenancy.callAs(supplier.id(), () -> products.find(product));
        ProductDetails d = current.details();
        tenancy.runAs(supplier.id(), () -> products.revise(supplier.owner().principal(), product,
                new ProductDetails(d.hsCode(), d.defaultLocale(), d.texts(), d.specifications(), d.unit(),
                        d.minimumOrderQuantity(), d.currency(), d.tiers(), d.leadTimeDays(), d.origin(),
                        d.portOfLoading(), d.certifications(), d.packaging(), List.of(kept)), current.version()));

        sweep.sweep();
        assertThat(mediaCount(supplier)).as("not before a day has passed").isEqualTo(2);
        clock.advance(Duration.ofDays(2));
        sweep.sweep();
        assertThat(mvc.perform(get("/media/" + dropped).with(as(supplier))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/media/" + kept).with(as(supplier))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    private UUID uploadImage(ProductId target) throws Exception {
        MockHttpServletResponse response = mvc.perform(upload("/api/v1/products/" + target + "/images",
                        file("photo.jpg", "image/jpeg", TestImages.jpeg(64, 48))).header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return UUID.fromString(json.readTree(response.getContentAsString()).get("id").asString());
    }

    private UUID uploadCertificate(ProductId target, CertificationKind kind) throws Exception {
        MockHttpServletResponse response = mvc.perform(upload(HttpMethod.PUT,
                        "/api/v1/products/" + target + "/certifications/" + kind + "/certificate",
                        file("ISO certificate.pdf", "application/octet-stream", pdf()))
                        .header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return UUID.fromString(json.readTree(response.getContentAsString()).get("id").asString());
    }

    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static MockMultipartFile file(String name, String type, byte[] bytes) {
        return new MockMultipartFile("file", name, type, bytes);
    }

    private static AbstractMockHttpServletRequestBuilder<?> upload(String path, MockMultipartFile file) {
        return upload(HttpMethod.POST, path, file);
    }

    private static AbstractMockHttpServletRequestBuilder<?> upload(HttpMethod method, String path, MockMultipartFile file) {
        return multipart(method, path).file(file);
    }

    private static RequestPostProcessor as(TestAccounts.Organization organization) {
        return authentication(organization.owner().authentication());
    }

    private ProductDetails details(TestAccounts.Organization organization, ProductId id) {
        return tenancy.callAs(organization.id(), () -> products.find(id)).details();
    }

    private long mediaCount(TestAccounts.Organization organization) {
        return jdbc.sql("select count(*) from catalog.media where organization_id = ?").param(organization.id().value())
                .query(Long.class).single();
    }

    private void assertNothingStored() {
        assertThat(mediaCount(supplier)).isZero();
        assertThat(details(supplier, product).images()).isEmpty();
    }

    private String tokenOf(TestAccounts.Organization organization) {
        return tenancy.callAs(organization.id(), () -> tokens.create(organization.owner().principal(), "ERP",
                EnumSet.of(TokenScope.TRADE), 30).value());
    }

    private ProductId draftOf(TestAccounts.Organization organization) {
        var kettle = new ProductDetails("8516.71", "en", List.of(new ProductDetails.Text("en", "Kettle", null)),
                List.of(), UnitOfMeasure.C62, 100, new CurrencyCode("USD"), List.of(new ProductDetails.PriceTier(100, 999)),
                20, new CountryCode("CN"), null, List.of(new ProductDetails.Certification(CertificationKind.CE, null, null)),
                null, List.of());
        return tenancy.callAs(organization.id(), () -> products.create(organization.owner().principal(), kettle)).id();
    }
}
