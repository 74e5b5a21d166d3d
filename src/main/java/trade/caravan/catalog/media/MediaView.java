package trade.caravan.catalog.media;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An uploaded file as its owner and the public pages see it: served at {@link #path()} (and an
 * image's thumbnail at {@link #thumbnailPath()}). The file name is the uploader's, sanitized, for
 * display only.
 */
public record MediaView(UUID id, MediaKind kind, String contentType, String fileName, long size,
        @Nullable Integer width, @Nullable Integer height, String sha256, Instant createdAt) {

    public String path() {
        return "/media/" + id;
    }

    public @Nullable String thumbnailPath() {
        return kind == MediaKind.PRODUCT_IMAGE ? "/media/" + id + "/thumbnail" : null;
    }
}
