package trade.caravan.catalog.media;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Problems;

/** A product's images and certificate files over the API (multipart uploads, field {@code file}). */
@RestController
@Tag(name = "Product media", description = "Images and certificate files of the caller's products")
class ProductMediaApi {

    private static final String LIMITS = "JPEG, PNG or WebP, recognised by content (not by name or declared type), "
            + "at most caravan.media.max-image-bytes (10 MB) and caravan.media.max-image-pixels (40 megapixels). "
            + "The image is re-encoded (JPEG, or PNG if transparent) without any metadata. 413: too large; "
            + "415: not a supported format; 422: too many pixels or not decodable. Supports Idempotency-Key.";

    private final ProductMedia media;
    private final MediaLibrary library;
    private final MediaSettings settings;
    private final Problems problems;

    ProductMediaApi(ProductMedia media, MediaLibrary library, MediaSettings settings, Problems problems) {
        this.media = media;
        this.library = library;
        this.settings = settings;
        this.problems = problems;
    }

    /** An uploaded file; {@code url} serves it (publicly once a published product shows it). */
    record MediaResource(UUID id, MediaKind kind, String contentType, String fileName, long size,
            @Nullable Integer width, @Nullable Integer height, String sha256, Instant createdAt, String url,
            @Nullable String thumbnailUrl) {

        static MediaResource of(MediaView view) {
            return new MediaResource(view.id(), view.kind(), view.contentType(), view.fileName(), view.size(),
                    view.width(), view.height(), view.sha256(), view.createdAt(), view.path(), view.thumbnailPath());
        }
    }

    @PostMapping(path = "/api/v1/products/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Add an image after the product's others (at most 10)", description = LIMITS)
    ResponseEntity<MediaResource> addImage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable MultipartFile file) {
        MediaView stored = media.addImage(actor, new ProductId(id),
                Upload.of(file, settings.maxImageBytes().toBytes()));
        return ResponseEntity.created(URI.create(stored.path())).body(MediaResource.of(stored));
    }

    @DeleteMapping("/api/v1/products/{id}/images/{image}")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Remove an image from the product (and delete it unless another product uses it)",
            description = "To reorder images, send the product's images in the new order with PUT /api/v1/products/{id}.")
    ResponseEntity<Void> removeImage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @PathVariable UUID image) {
        media.removeImage(actor, new ProductId(id), image);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/api/v1/products/{id}/certifications/{kind}/certificate",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Upload the certificate file (PDF) of one of the product's certifications",
            description = "A PDF (by content), at most caravan.media.max-document-bytes (10 MB), kept as sent and "
                    + "served as a download. Declares the certification if the product lacked it (OTHER must be "
                    + "declared with its name first). Replaces an earlier file.")
    MediaResource addCertificate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @PathVariable CertificationKind kind, @RequestParam(required = false) @Nullable MultipartFile file) {
        return MediaResource.of(media.addCertificate(actor, new ProductId(id), kind,
                Upload.of(file, settings.maxDocumentBytes().toBytes())));
    }

    @DeleteMapping("/api/v1/products/{id}/certifications/{kind}/certificate")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Remove the certificate file of a certification (the certification stays)")
    ResponseEntity<Void> removeCertificate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @PathVariable CertificationKind kind) {
        media.removeCertificate(actor, new ProductId(id), kind);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/media/{id}")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "One of the caller's uploaded files: type, size, dimensions, SHA-256")
    MediaResource get(@PathVariable UUID id) {
        return MediaResource.of(library.findOwn(id).orElseThrow(DomainException::notFound));
    }

    /** The upload's own status (413, 415, 422), in the same problem shape as every other error. */
    @ExceptionHandler(UploadRefused.class)
    ResponseEntity<ProblemDetail> refused(UploadRefused refused) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.of(refused, locale);
        problem.setStatus(refused.status().value());
        problem.setTitle(problems.message("problem.title." + refused.status().value(), new Object[0], locale,
                refused.status().getReasonPhrase()));
        return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
