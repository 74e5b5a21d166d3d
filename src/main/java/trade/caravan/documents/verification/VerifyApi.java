package trade.caravan.documents.verification;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.documents.DocumentVerification;
import trade.caravan.documents.Verdict;
import trade.caravan.platform.RateLimits;

/**
 * {@code POST /api/v1/verify}, no sign-in: the verdict on a document as JSON, for a bank's or a
 * broker's systems. The document comes as the multipart part {@code file}, or as the raw body
 * ({@code application/pdf}, {@code application/xml}). Every upload gets a verdict (200), also
 * garbage and hostile XML (outcome REJECTED); too many checks from one address get 429.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Document verification", description = "Check a signed document: signatures, timestamp, revocation, transparency log")
class VerifyApi {

    private final DocumentVerification verification;
    private final RateLimits rateLimits;
    private final VerificationSettings settings;

    VerifyApi(DocumentVerification verification, RateLimits rateLimits, VerificationSettings settings) {
        this.verification = verification;
        this.rateLimits = rateLimits;
        this.settings = settings;
    }

    @PostMapping(value = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify an uploaded document (multipart part 'file', PDF or XML, at most 10 MB as an upload)",
            responses = {
                @ApiResponse(responseCode = "200", description = "The verdict, also for a refused file (outcome REJECTED)"),
                @ApiResponse(responseCode = "413", description = "Larger than the upload limit"),
                @ApiResponse(responseCode = "429", description = "Too many checks from this address; see Retry-After")})
    Verdict upload(@Parameter(description = "the document") @RequestParam("file") MultipartFile file,
            HttpServletRequest request) throws IOException {
        limit(request);
        if (file.getSize() > DocumentVerification.MAX_BYTES) {
            return verification.verify(new byte[DocumentVerification.MAX_BYTES + 1]);
        }
        return verification.verify(file.getBytes());
    }

    @PostMapping(value = "/verify", consumes = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify a document sent as the request body (application/pdf or application/xml, at most 20 MB)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string", format = "binary"))}),
            responses = {
                @ApiResponse(responseCode = "200", description = "The verdict, also for a refused file (outcome REJECTED)"),
                @ApiResponse(responseCode = "429", description = "Too many checks from this address; see Retry-After")})
    Verdict body(HttpServletRequest request) throws IOException {
        limit(request);
        try (InputStream in = request.getInputStream()) {
            // at most one byte more than the limit is read: enough to know it is too large
            return verification.verify(in.readNBytes(DocumentVerification.MAX_BYTES + 1));
        }
    }

    private void limit(HttpServletRequest request) {
        rateLimits.consume("document-verify", request.getRemoteAddr(), settings.perAddressPerMinute(), Duration.ofMinutes(1));
    }
}
