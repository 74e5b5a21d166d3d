package trade.caravan.documents.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.PdfDocuments;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.documents.pki.CertificateAuthority;
import trade.caravan.documents.signing.PadesSigner;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;

/**
 * The public verify page and API: no sign-in, no CSRF token and no session for an anonymous
 * visitor (the page answers everyone alike and changes nothing), the verdict in English and
 * Chinese, green only for a valid current document, and JSON from the API for a multipart upload
 * or a raw body.
 */
@IntegrationTest
class VerifyPageTests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static byte[] signed;

    @Autowired
    MockMvc mvc;
    @Autowired
    PadesSigner signer;
    @Autowired
    CertificateAuthority ca;
    @Autowired
    PdfDocuments pdf;
    @Autowired
    TransparencyLog log;

    @Test
    void theFormIsPublicAndOpensNoSession() throws Exception {
        MvcResult result = mvc.perform(get("/verify").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("Verify a document", "enctype=\"multipart/form-data\"", "name=\"file\"")
                .doesNotContain("_csrf");
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void aValidDocumentIsGreenInEnglishAndChinese() throws Exception {
        byte[] document = signedAndLogged();

        MvcResult english = mvc.perform(multipart("/verify").file(file(document)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("Set-Cookie")).andReturn();
        assertThat(english.getRequest().getSession(false)).isNull();
        assertThat(english.getResponse().getContentAsString()).contains("verdict verdict-valid", "Signature 1: valid",
                "Valid: the signatures are intact and trusted", "Verify Seller Ltd.", "(trusted timestamp)",
                "PAdES-BASELINE-LT", "Issued: the log records this document", "Verified against the log&#39;s current signed tree head");

        String chinese = mvc.perform(multipart("/verify").file(file(document)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("verdict verdict-valid", "有效：签名完整且可信", "可信时间戳", "已签发");
    }

    @Test
    void aTamperedDocumentIsRedWithTheReason() throws Exception {
        byte[] tampered = signedAndLogged().clone();
        tampered[tampered.length / 8] ^= 0x01;

        String english = mvc.perform(multipart("/verify").file(file(tampered)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("verdict verdict-invalid", "Not valid").doesNotContain("verdict-valid");

        String chinese = mvc.perform(multipart("/verify").file(file(tampered)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("verdict verdict-invalid", "无效");
    }

    @Test
    void aSupersededDocumentIsAmberAndFlagged() throws Exception {
        byte[] document = signedAndLogged();
        byte[] replacement = new byte[32];
        RANDOM.nextBytes(replacement);
        log.append(TamperMatrixTests.leaf(trade.caravan.documents.Merkle.documentHash(document), DocumentStatus.SUPERSEDED, replacement));
        try {
            String page = mvc.perform(multipart("/verify").file(file(document)).header("Accept-Language", "en"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("verdict verdict-indeterminate", "id=\"verdict-superseded\"",
                    HexFormat.of().formatHex(replacement));
        } finally {
            signed = null; // the shared document is superseded now
        }
    }

    @Test
    void hostileXmlAndGarbageGetAClearAnswer() throws Exception {
        byte[] xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8);
        String english = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "x.xml", "application/xml", xxe))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Not checked", "declares a DOCTYPE").doesNotContain("root:");
        String chinese = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "x.xml", "application/xml", xxe))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("未查验", "DOCTYPE");

        mvc.perform(multipart("/verify").file(file("just some words".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This is not a PDF or XML document.")));
    }

    @Test
    void theApiAnswersJsonForAnUploadAndForARawBody() throws Exception {
        byte[] document = signedAndLogged();
        mvc.perform(multipart("/api/v1/verify").file(file(document)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.outcome").value("VALID"))
                .andExpect(jsonPath("$.validAndCurrent").value(true))
                .andExpect(jsonPath("$.unchanged").value(true))
                .andExpect(jsonPath("$.signatures[0].timestamped").value(true))
                .andExpect(jsonPath("$.signatures[0].trustedTime").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z")))
                .andExpect(jsonPath("$.signatures[0].indication").value("TOTAL_PASSED"))
                .andExpect(jsonPath("$.signatures[0].level").value("PAdES-BASELINE-LT"))
                .andExpect(jsonPath("$.signatures[0].signer.commonName").value("Verify Seller Ltd."))
                .andExpect(jsonPath("$.signatures[0].revocation.status").value("GOOD"))
                .andExpect(jsonPath("$.log.state").value("ISSUED"))
                .andExpect(jsonPath("$.log.proven").value(true))
                .andExpect(jsonPath("$.sha256").value(HexFormat.of().formatHex(trade.caravan.documents.Merkle.documentHash(document))));
        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_PDF).content(document))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("VALID"));
        byte[] garbage = new byte[512];
        RANDOM.nextBytes(garbage);
        garbage[0] = 'Z';
        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_OCTET_STREAM).content(garbage))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("not-a-document"));
    }

    @Test
    void theApiIsInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/verify'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/transparency/receipt'].get").exists());
    }

    @Test
    void oneAddressGetsTwentyChecksAMinute() throws Exception {
        byte[] garbage = "not a document".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_OCTET_STREAM).content(garbage)
                    .with(request -> {
                        request.setRemoteAddr("203.0.113.77");
                        return request;
                    })).andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_OCTET_STREAM).content(garbage)
                .with(request -> {
                    request.setRemoteAddr("203.0.113.77");
                    return request;
                })).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    private byte[] signedAndLogged() {
        if (signed == null) {
            byte[] document = pdf.render("""
                    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contract</title>
                    <style>body { font-family: 'Caravan Sans'; }</style></head>
                    <body><p>Verify page</p></body></html>""", "Contract", Locale.ENGLISH, List.of());
            byte[] document1 = signer.sign(document, ca.credentialOf(new OrganizationId(UUID.randomUUID()),
                    "Verify Seller Ltd.", new CountryCode("CN")), "Seller signs");
            log.append(TamperMatrixTests.leaf(trade.caravan.documents.Merkle.documentHash(document1), DocumentStatus.ISSUED, null));
            signed = document1;
        }
        return signed;
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "contract.pdf", "application/pdf", bytes);
    }
}
