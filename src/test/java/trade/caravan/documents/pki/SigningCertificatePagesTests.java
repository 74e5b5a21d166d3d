package trade.caravan.documents.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import trade.caravan.accounts.Role;
import trade.caravan.shared.CountryCode;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

/**
 * The signing certificate page and API: owners and admins only, CSRF on every change, refusals
 * translated (never a 500), the key never shown, and one organization's upload invisible to and
 * never used for another.
 */
@IntegrationTest
class SigningCertificatePagesTests {

    private static final String PAGE = "/organization/signing-certificate";
    private static final String API = "/api/v1/organization/signing-certificate";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    OrganizationCredentials credentials;
    @Autowired
    JdbcClient jdbc;

    private final ExternalCa root = ExternalCa.root("CN=Test Web Root,O=Test Trust Services,C=DE", "http://127.0.0.1:9/crl");

    @Test
    void aTraderFinanceOrViewerMaySeeNeitherPageNorApi() throws Exception {
        TestAccounts.Organization organization = accounts.organization(Role.TRADER, Role.FINANCE, Role.VIEWER);
        byte[] file = root.pkcs12(ExternalCa.Leaf.good("CN=Trader Co,O=Trader Co,C=DE"), root.certificate());
        for (Role role : new Role[] {Role.TRADER, Role.FINANCE, Role.VIEWER}) {
            RequestPostProcessor member = authentication(organization.member(role).authentication());
            assertThat(status(get(PAGE).with(member))).as(role + " page").isEqualTo(403);
            assertThat(status(upload(HttpMethod.POST, PAGE, file, ExternalCa.PASSWORD).with(member).with(csrf())))
                    .as(role + " upload").isEqualTo(403);
            assertThat(status(post(PAGE + "/remove").with(member).with(csrf()))).as(role + " remove").isEqualTo(403);
            assertThat(status(get(API).with(member))).as(role + " GET").isEqualTo(403);
            assertThat(status(upload(HttpMethod.PUT, API, file, ExternalCa.PASSWORD).with(member).with(csrf())))
                    .as(role + " PUT").isEqualTo(403);
            assertThat(status(delete(API).with(member).with(csrf()))).as(role + " DELETE").isEqualTo(403);
        }
        assertThat(credentials.certificatesOf(organization.id()).uploaded()).isNull();
    }

    @Test
    void anOwnerUploadsSeesAndRemovesTheCertificateOnThePage() throws Exception {
        TestAccounts.Organization organization = accounts.organization(Role.ADMIN);
        RequestPostProcessor owner = authentication(organization.owner().authentication());
        ExternalCa.Leaf leaf = ExternalCa.Leaf.good("CN=Page Test GmbH,O=Page Test GmbH,C=DE");
        X509Certificate issued = root.issue(leaf);
        byte[] file = ExternalCa.pkcs12(leaf.keys().getPrivate(), issued, root.certificate());

        String empty = page(get(PAGE).with(owner));
        assertThat(empty).contains("Signing certificate", "The platform issues your organization a certificate at its first signature.");

        // no CSRF token: refused, nothing stored
        assertThat(status(upload(HttpMethod.POST, PAGE, file, ExternalCa.PASSWORD).with(owner))).isEqualTo(403);
        assertThat(credentials.certificatesOf(organization.id()).uploaded()).isNull();

        // a wrong password: the form again, with the reason, in English and in Chinese
        MockHttpServletResponse wrong = mvc.perform(upload(HttpMethod.POST, PAGE, file, "wrong".toCharArray())
                .with(owner).with(csrf())).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("The password does not open the file.");
        MockHttpServletResponse chinese = mvc.perform(upload(HttpMethod.POST, PAGE, new byte[] {1, 2, 3}, ExternalCa.PASSWORD)
                .with(owner).with(csrf()).header("Accept-Language", "zh-CN")).andReturn().getResponse();
        assertThat(chinese.getStatus()).isEqualTo(400);
        assertThat(chinese.getContentAsString(StandardCharsets.UTF_8)).contains("该文件不是本平台可读取的 PKCS#12 文件。");

        MockHttpServletResponse uploaded = mvc.perform(upload(HttpMethod.POST, PAGE, file, ExternalCa.PASSWORD)
                .with(owner).with(csrf())).andReturn().getResponse();
        assertThat(uploaded.getStatus()).isEqualTo(302);
        assertThat(uploaded.getRedirectedUrl()).isEqualTo(PAGE);

        String shown = page(get(PAGE).with(owner));
        assertThat(shown).contains("CN=Page Test GmbH", "CN=Test Web Root", issued.getSerialNumber().toString(16),
                "Another certificate authority (uploaded by your organization)", "Remove this certificate");
        assertThat(shown).doesNotContain("PRIVATE KEY");
        // an admin sees the same
        assertThat(page(get(PAGE).with(authentication(organization.member(Role.ADMIN).authentication()))))
                .contains("CN=Page Test GmbH");
        assertThat(credentials.of(organization.id(), organization.name(), new CountryCode("DE")).serial())
                .isEqualTo(issued.getSerialNumber());

        // who uploaded and when is recorded
        String uploadedBy = jdbc.sql("select uploaded_by from documents.uploaded_credentials where organization_id = ? "
                + "and removed_at is null").param(organization.id().value()).query(String.class).single();
        assertThat(uploadedBy).isEqualTo(organization.owner().principal().getUsername());

        assertThat(status(post(PAGE + "/remove").with(owner))).as("removal needs CSRF too").isEqualTo(403);
        assertThat(status(post(PAGE + "/remove").with(owner).with(csrf()))).isEqualTo(302);
        assertThat(page(get(PAGE).with(owner))).doesNotContain("CN=Page Test GmbH");
        assertThat(credentials.of(organization.id(), organization.name(), new CountryCode("DE")).serial())
                .isNotEqualTo(issued.getSerialNumber());
    }

    @Test
    void oneOrganizationsUploadIsNeverSeenOrUsedByAnother() throws Exception {
        TestAccounts.Organization a = accounts.organization();
        TestAccounts.Organization b = accounts.organization();
        RequestPostProcessor ownerA = authentication(a.owner().authentication());
        RequestPostProcessor ownerB = authentication(b.owner().authentication());
        ExternalCa.Leaf leaf = ExternalCa.Leaf.good("CN=Tenant A AG,O=Tenant A AG,C=DE");
        X509Certificate issued = root.issue(leaf);
        byte[] file = ExternalCa.pkcs12(leaf.keys().getPrivate(), issued, root.certificate());

        MockHttpServletResponse put = mvc.perform(upload(HttpMethod.PUT, API, file, ExternalCa.PASSWORD).with(ownerA)
                .with(csrf())).andReturn().getResponse();
        assertThat(put.getStatus()).isEqualTo(200);
        assertThat(put.getContentAsString()).contains("\"source\":\"UPLOADED\"", "CN=Tenant A AG").doesNotContain("privateKey");
        assertThat(body(get(API).with(ownerA))).contains("\"inUse\":{\"source\":\"UPLOADED\"", "CN=Tenant A AG");

        // B sees nothing of it, cannot remove it, and signs with the platform's certificate
        assertThat(body(get(API).with(ownerB))).contains("\"uploaded\":null").doesNotContain("Tenant A");
        assertThat(page(get(PAGE).with(ownerB))).doesNotContain("Tenant A");
        assertThat(status(delete(API).with(ownerB).with(csrf()))).isEqualTo(404);
        SigningCredential signsForB = credentials.of(b.id(), b.name(), new CountryCode("DE"));
        assertThat(signsForB.serial()).isNotEqualTo(issued.getSerialNumber());
        assertThat(signsForB.certificate().getIssuerX500Principal()).isNotEqualTo(root.certificate().getSubjectX500Principal());
        assertThat(signsForB.organization()).isEqualTo(b.id());
        // A still signs with its upload
        assertThat(credentials.of(a.id(), a.name(), new CountryCode("DE")).serial()).isEqualTo(issued.getSerialNumber());
        assertThat(new BigInteger(credentials.certificatesOf(a.id()).uploaded().serial(), 16)).isEqualTo(issued.getSerialNumber());

        assertThat(status(delete(API).with(ownerA))).as("CSRF for a signed-in member's API call").isEqualTo(403);
        assertThat(status(delete(API).with(ownerA).with(csrf()))).isEqualTo(204);
        assertThat(status(delete(API).with(ownerA).with(csrf()))).isEqualTo(404);
    }

    @Test
    void theApiAnswersBadFilesWithProblemDetails() throws Exception {
        TestAccounts.Organization organization = accounts.organization();
        RequestPostProcessor owner = authentication(organization.owner().authentication());

        MockHttpServletResponse garbage = mvc.perform(upload(HttpMethod.PUT, API, "not a key store".getBytes(),
                ExternalCa.PASSWORD).with(owner).with(csrf())).andReturn().getResponse();
        assertThat(garbage.getStatus()).isEqualTo(400);
        assertThat(garbage.getContentType()).startsWith("application/problem+json");
        assertThat(garbage.getContentAsString()).contains("\"code\":\"error.certificate.unreadable\"").doesNotContain("Exception");

        MockHttpServletResponse large = mvc.perform(upload(HttpMethod.PUT, API, new byte[64 * 1024 + 1], ExternalCa.PASSWORD)
                .with(owner).with(csrf())).andReturn().getResponse();
        assertThat(large.getStatus()).isEqualTo(400);
        assertThat(large.getContentAsString()).contains("\"code\":\"error.certificate.too-large\"");

        MockHttpServletResponse ca = mvc.perform(upload(HttpMethod.PUT, API,
                root.pkcs12(ExternalCa.Leaf.good("CN=Sub CA,O=Some Org,C=DE").asCa(), root.certificate()), ExternalCa.PASSWORD)
                .with(owner).with(csrf())).andReturn().getResponse();
        assertThat(ca.getStatus()).isEqualTo(400);
        assertThat(ca.getContentAsString()).contains("\"code\":\"error.certificate.ca-certificate\"");
        assertThat(credentials.certificatesOf(organization.id()).uploaded()).isNull();
    }

    private static MockMultipartHttpServletRequestBuilder upload(HttpMethod method, String path, byte[] file,
            char[] password) {
        MockMultipartHttpServletRequestBuilder builder = multipart(method, path);
        builder.file(new MockMultipartFile("file", "signing.p12", "application/x-pkcs12", file));
        builder.param("password", new String(password));
        return builder;
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return page(request);
    }
}
