package trade.caravan.catalog.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded files of the catalog: accepting (limits, sniffing, re-encoding), keeping, and deciding
 * who may read one. A file is public while a listing shows it (an image of a published product,
 * or its certificate file), and otherwise readable only by members of the organization that
 * uploaded it; to anyone else it does not exist.
 */
@Service
public class MediaLibrary {

    /** Files that nothing uses are deleted once they are this old (an upload is attached in its own transaction). */
    static final java.time.Duration UNUSED_GRACE = java.time.Duration.ofDays(1);

    private static final String PUBLIC_CONDITION = """
            (exists (select 1 from catalog.listing_images i join catalog.listings l on l.id = i.listing_id
                     where i.media_id = m.id and l.supplier_id = m.organization_id)
             or exists (select 1 from catalog.listing_certifications c join catalog.listings l on l.id = c.listing_id
                        where c.certificate_id = m.id and l.supplier_id = m.organization_id))""";
    private static final String UNUSED_CONDITION = """
            not exists (select 1 from catalog.product_images p where p.media_id = m.id)
            and not exists (select 1 from catalog.product_certifications c where c.certificate_id = m.id)
            and not exists (select 1 from catalog.listing_images i where i.media_id = m.id)
            and not exists (select 1 from catalog.listing_certifications c where c.certificate_id = m.id)""";

    private final MediaFiles files;
    private final MediaStore store;
    private final ImageReencoder reencoder;
    private final MediaSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random;

    MediaLibrary(MediaFiles files, MediaStore store, ImageReencoder reencoder, MediaSettings settings, JdbcClient jdbc,
            Clock clock, SecureRandom random) {
        this.files = files;
        this.store = store;
        this.reencoder = reencoder;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.random = random;
    }

    /** A published file's description (for public pages: names and sizes of certificate files), else empty. */
    @Transactional(readOnly = true)
    public Optional<MediaView> findPublic(UUID id) {
        return jdbc.sql("""
                        select m.id, m.kind, m.content_type, m.file_name, m.size_bytes, m.width, m.height, m.sha256, m.created_at
                        from catalog.media m where m.id = ? and """ + PUBLIC_CONDITION)
                .param(id)
                .query((rs, n) -> new MediaView(rs.getObject(1, UUID.class), MediaKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getObject(6, Integer.class),
                        rs.getObject(7, Integer.class), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .optional();
    }

    /** One of the current organization's files. */
    @Transactional(readOnly = true)
    public Optional<MediaView> findOwn(UUID id) {
        return files.findById(id).map(MediaFile::view);
    }

    /** Checks and re-encodes an image: CPU work, done before any transaction is opened. */
    PreparedImage prepareImage(Upload upload) {
        if (upload.bytes().length > settings.maxImageBytes().toBytes()) {
            throw UploadRefused.tooLarge(settings.maxImageBytes().toBytes());
        }
        return reencoder.reencode(upload.bytes());
    }

    /** A certificate must be a PDF (by its header); it is kept as sent and never rendered here. */
    Upload checkCertificate(Upload upload) {
        if (upload.bytes().length > settings.maxDocumentBytes().toBytes()) {
            throw UploadRefused.tooLarge(settings.maxDocumentBytes().toBytes());
        }
        if (FileFormat.sniff(upload.bytes()).filter(f -> f == FileFormat.PDF).isEmpty()) {
            throw UploadRefused.unsupportedDocument();
        }
        return upload;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    MediaView storeImage(PreparedImage image, @Nullable String originalName) {
        UUID id = newId();
        String name = SafeFileName.withExtension(SafeFileName.of(originalName, "image"), image.image().extension());
        MediaFile file = files.saveAndFlush(MediaFile.image(id, name, image, sha256(image.image().bytes()),
                sha256(image.thumbnail().bytes()), clock.instant()));
        store.put(id, MediaStore.Variant.ORIGINAL, image.image().bytes());
        store.put(id, MediaStore.Variant.THUMBNAIL, image.thumbnail().bytes());
        return file.view();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    MediaView storeCertificate(Upload pdf) {
        UUID id = newId();
        String name = SafeFileName.withExtension(SafeFileName.of(pdf.fileName(), "certificate"), "pdf");
        MediaFile file = files.saveAndFlush(MediaFile.certificate(id, name, pdf.bytes().length, sha256(pdf.bytes()),
                clock.instant()));
        store.put(id, MediaStore.Variant.ORIGINAL, pdf.bytes());
        return file.view();
    }

    /** Deletes one of the current organization's files if no product or listing uses it any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    void deleteIfUnused(UUID id) {
        files.flush();
        Optional<MediaFile> file = files.findById(id);
        if (file.isPresent() && jdbc.sql("select count(*) from catalog.media m where m.id = ? and " + UNUSED_CONDITION)
                .param(id).query(Long.class).single() > 0) {
            store.delete(id);
            files.delete(file.get());
        }
    }

    /** What a request may read of a file: public, the caller's organization's own, or nothing. */
    @Transactional(readOnly = true)
    Optional<Rendition> rendition(UUID id, MediaStore.Variant variant) {
        boolean thumbnail = variant == MediaStore.Variant.THUMBNAIL;
        Optional<Rendition> published = jdbc.sql("select m.kind, "
                        + (thumbnail ? "m.thumbnail_content_type, m.thumbnail_sha256" : "m.content_type, m.sha256")
                        + ", m.file_name from catalog.media m where m.id = ? and " + PUBLIC_CONDITION)
                .param(id)
                .query((rs, n) -> new Rendition(id, variant, MediaKind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), true))
                .optional();
        if (published.isPresent()) {
            return published.filter(r -> r.contentType() != null);
        }
        return files.findById(id).map(f -> f.rendition(variant)).filter(r -> r.contentType() != null);
    }

    @Transactional(readOnly = true)
    Optional<byte[]> content(Rendition rendition) {
        return store.get(rendition.id(), rendition.variant());
    }

    /** Deletes files nothing has used for {@link #UNUSED_GRACE} (images removed by a product revision); runs as system. */
    @Transactional
    int sweep() {
        Instant before = clock.instant().minus(UNUSED_GRACE);
        List<UUID> unused = jdbc.sql("select m.id from catalog.media m where m.created_at < ? and " + UNUSED_CONDITION
                        + " order by m.created_at limit 1000 for update skip locked")
                .param(java.sql.Timestamp.from(before))
                .query(UUID.class)
                .list();
        for (UUID id : unused) {
            store.delete(id);
            jdbc.sql("delete from catalog.media where id = ?").param(id).update();
        }
        return unused.size();
    }

    private UUID newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // RFC 9562 version 4 (random) layout
        bytes[6] = (byte) ((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
        var buffer = java.nio.ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
