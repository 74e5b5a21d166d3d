package trade.caravan.catalog.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import trade.caravan.accounts.Role;
import trade.caravan.accounts.token.TokenManagement;
import trade.caravan.accounts.token.TokenScope;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * Uploads through the real servlet container (Tomcat), where MockMvc cannot look: a file over
 * Spring's multipart limit is refused by the container before any controller runs, and must
 * still be a 413 (a problem document for the API, a page for people), not a CSRF refusal (the
 * page's multipart forms carry their token in the URL) or an error; and Idempotency-Key works
 * with multipart bodies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestClock.Configuration.class, TestAccounts.class})
class UploadsOverHttpTests {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern UPLOAD_ACTION = Pattern.compile("action=\"([^\"]+/images\\?_csrf=[^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Tenancy tenancy;
    @Autowired
    TokenManagement tokens;
    @Autowired
    ProductManagement products;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    TestAccounts.Organization supplier;
    ProductId product;
    String token;

    @BeforeEach
    void aSupplierWithADraft() {
        supplier = accounts.organization(Role.TRADER);
        token = tenancy.callAs(supplier.id(), () -> tokens.create(supplier.owner().principal(), "ERP",
                EnumSet.of(TokenScope.TRADE), 30).value());
        var kettle = new ProductDetails("8516.71", "en", List.of(new ProductDetails.Text("en", "Kettle", null)),
                List.of(), UnitOfMeasure.C62, 100, new CurrencyCode("USD"), List.of(new ProductDetails.PriceTier(100, 999)),
                20, new CountryCode("CN"), null, List.of(new ProductDetails.Certification(CertificationKind.CE, null, null)),
                null, List.of());
        product = tenancy.callAs(supplier.id(), () -> products.create(supplier.owner().principal(), kettle)).id();
    }

    @Test
    void overTheContainersLimitTheApiAnswers413AsAProblem() throws Exception {
        Multipart body = Multipart.of("big.jpg", "image/jpeg", oversized());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/products/" + product + "/images"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413", "\"code\":\"error.too-large\"");
    }

    @Test
    void aChunkedUploadWithoutADeclaredLengthIsRefusedAs413Too() throws Exception {
        Multipart body = Multipart.of("big.jpg", "image/jpeg", oversized());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/products/" + product + "/images"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.bytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"error.too-large\"");
        assertThat(tenancy.callAs(supplier.id(), () -> products.find(product)).details().images()).isEmpty();
    }

    @Test
    void overTheContainersLimitThePageAnswers413NotAForgedRequest() throws Exception {
        String session = signIn();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/catalog/products/" + product))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = UPLOAD_ACTION.matcher(page.body());
        assertThat(action.find()).as("the upload form carries its CSRF token in its URL").isTrue();
        String target = action.group(1).replace("&amp;", "&");

        Multipart body = Multipart.of("big.jpg", "image/jpeg", oversized());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri(target)).header("Cookie", session)
                .header("Content-Type", body.contentType()).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("The request is too large.");

        Multipart photo = Multipart.of("photo.jpg", "image/jpeg", TestImages.jpeg(64, 48));
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(uri(target)).header("Cookie", session)
                .header("Content-Type", photo.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo.bytes())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(tenancy.callAs(supplier.id(), () -> products.find(product)).details().images()).hasSize(1);
    }

    @Test
    void anIdempotencyKeyReplaysAMultipartUpload() throws Exception {
        String key = UUID.randomUUID().toString();
        Multipart photo = Multipart.of("photo.jpg", "image/jpeg", TestImages.jpeg(64, 48));
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/products/" + product + "/images"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("Content-Type", photo.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo.bytes())).build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> replay = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(tenancy.callAs(supplier.id(), () -> products.find(product)).details().images()).hasSize(1);
    }

    private String signIn() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(form);
        Matcher csrf = CSRF_INPUT.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String fields = "email=" + java.net.URLEncoder.encode(supplier.owner().email(), StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(supplier.owner().password(), StandardCharsets.UTF_8)
                + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return sessionCookie(signedIn);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(TestAccounts.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    /** Over spring.servlet.multipart.max-file-size (10 MB), within what Tomcat swallows to answer. */
    private static byte[] oversized() {
        byte[] bytes = new byte[10 * 1024 * 1024 + 64 * 1024];
        byte[] jpeg = TestImages.jpeg(8, 8);
        System.arraycopy(jpeg, 0, bytes, 0, jpeg.length);
        return bytes;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    record Multipart(String contentType, byte[] bytes) {

        static Multipart of(String fileName, String type, byte[] file) {
            String boundary = "caravan-" + UUID.randomUUID();
            var out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }
}
