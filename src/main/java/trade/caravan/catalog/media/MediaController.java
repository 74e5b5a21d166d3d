package trade.caravan.catalog.media;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import trade.caravan.platform.DomainException;

/**
 * Serves uploaded files: to anyone while a listing shows them, to the uploading organization's
 * members always, and to nobody else (404, the same as for an unknown identifier). The bytes
 * are served with the content type recorded at upload (never taken from the request or the name),
 * {@code nosniff}, a sandboxing CSP so that nothing opened directly can run script, and a safe
 * file name. Public files never change under their identifier and are cached for a year.
 */
@Controller
class MediaController {

    /** Nothing in a served file may load, run or frame anything. */
    static final String SANDBOX = "default-src 'none'; sandbox";

    private final MediaLibrary library;

    MediaController(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping("/media/{id}")
    ResponseEntity<byte[]> file(@PathVariable UUID id, WebRequest request) {
        return serve(id, MediaStore.Variant.ORIGINAL, request);
    }

    @GetMapping("/media/{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID id, WebRequest request) {
        return serve(id, MediaStore.Variant.THUMBNAIL, request);
    }

    private ResponseEntity<byte[]> serve(UUID id, MediaStore.Variant variant, WebRequest request) {
        Rendition rendition = library.rendition(id, variant).orElseThrow(DomainException::notFound);
        String etag = "\"" + rendition.sha256() + "\"";
        CacheControl cache = rendition.publicly()
                ? CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable()
                // the owner's unpublished files: kept out of shared caches, revalidated on each use
                : CacheControl.noCache().cachePrivate();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        byte[] bytes = library.content(rendition).orElseThrow(DomainException::notFound);
        String disposition = rendition.kind() == MediaKind.CERTIFICATE ? "attachment" : "inline";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendition.contentType()))
                .contentLength(bytes.length)
                .eTag(etag)
                .cacheControl(cache)
                .header(HttpHeaders.CONTENT_DISPOSITION, SafeFileName.contentDisposition(disposition,
                        rendition.downloadName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header("Cross-Origin-Resource-Policy", "same-site")
                .body(bytes);
    }
}
