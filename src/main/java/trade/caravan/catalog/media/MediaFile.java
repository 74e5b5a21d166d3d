package trade.caravan.catalog.media;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * What is known about an uploaded file; its bytes are in the {@link MediaStore}. Tenant-owned by
 * the uploading organization, and immutable: a new upload is a new file with a new identifier,
 * which is why public files may be cached for good.
 */
@Entity
@Table(name = "media", schema = "catalog")
class MediaFile {

    @Id
    private UUID id;
    @TenantId
    private UUID organizationId;
    @Enumerated(EnumType.STRING)
    private MediaKind kind;
    private String contentType;
    private String fileName;
    @Column(name = "size_bytes")
    private long size;
    private @Nullable Integer width;
    private @Nullable Integer height;
    private String sha256;
    private @Nullable String thumbnailContentType;
    private @Nullable Integer thumbnailWidth;
    private @Nullable Integer thumbnailHeight;
    @Column(name = "thumbnail_size_bytes")
    private @Nullable Long thumbnailSize;
    private @Nullable String thumbnailSha256;
    private Instant createdAt;

    protected MediaFile() {
    }

    static MediaFile image(UUID id, String fileName, PreparedImage image, String sha256, String thumbnailSha256,
            Instant now) {
        var file = new MediaFile();
        file.id = id;
        file.kind = MediaKind.PRODUCT_IMAGE;
        file.contentType = image.image().contentType();
        file.fileName = fileName;
        file.size = image.image().bytes().length;
        file.width = image.image().width();
        file.height = image.image().height();
        file.sha256 = sha256;
        file.thumbnailContentType = image.thumbnail().contentType();
        file.thumbnailWidth = image.thumbnail().width();
        file.thumbnailHeight = image.thumbnail().height();
        file.thumbnailSize = (long) image.thumbnail().bytes().length;
        file.thumbnailSha256 = thumbnailSha256;
        file.createdAt = now;
        return file;
    }

    static MediaFile certificate(UUID id, String fileName, long size, String sha256, Instant now) {
        var file = new MediaFile();
        file.id = id;
        file.kind = MediaKind.CERTIFICATE;
        file.contentType = FileFormat.PDF.contentType();
        file.fileName = fileName;
        file.size = size;
        file.sha256 = sha256;
        file.createdAt = now;
        return file;
    }

    UUID id() {
        return id;
    }

    MediaKind kind() {
        return kind;
    }

    Rendition rendition(MediaStore.Variant variant) {
        return variant == MediaStore.Variant.THUMBNAIL
                ? new Rendition(id, variant, kind, thumbnailContentType, thumbnailSha256, fileName, false)
                : new Rendition(id, variant, kind, contentType, sha256, fileName, false);
    }

    MediaView view() {
        return new MediaView(id, kind, contentType, fileName, size, width, height, sha256, createdAt);
    }
}
