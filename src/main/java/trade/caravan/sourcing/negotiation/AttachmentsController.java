package trade.caravan.sourcing.negotiation;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;

/**
 * Files of RFQs and negotiations, for the two parties only. Always sent as a download with the
 * type sniffed at upload, {@code nosniff} and a sandboxing CSP, so a file can never run as a page
 * of this site.
 */
@RestController
@Tag(name = "Negotiations")
class AttachmentsController {

    static final String SANDBOX = "default-src 'none'; sandbox";

    private final Negotiating negotiating;

    AttachmentsController(Negotiating negotiating) {
        this.negotiating = negotiating;
    }

    @GetMapping({"/sourcing/files/{id}", "/api/v1/files/{id}"})
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "A file attached to an RFQ or a message (404 unless the organization is party to it)")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        Attachments.Stored file = negotiating.attachment(actor, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.view().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.view().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(negotiating.content(file));
    }
}
