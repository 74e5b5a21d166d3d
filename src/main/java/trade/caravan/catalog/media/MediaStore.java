package trade.caravan.catalog.media;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the bytes of uploaded files are kept (the port; {@link MediaFile} keeps what is known
 * about them). The implementation in use keeps them in PostgreSQL ({@link PostgresMediaStore}),
 * inside the transaction that records the file, so a file and its bytes exist together or not at
 * all, and a backup of the database is a backup of the files.
 *
 * <p>Beyond one machine (docs: blobs in S3-compatible storage) an object store implements the
 * same three operations, keyed {@code media/<id>/<variant>}: {@link #put} before the
 * transaction commits (an orphaned object if it then rolls back is harmless and swept),
 * {@link #delete} after it commits. Identifiers are random and content never changes under an
 * identifier, so objects can be cached and replicated freely.
 */
interface MediaStore {

    /** The re-encoded image or the document as uploaded; and an image's thumbnail. */
    enum Variant {
        ORIGINAL, THUMBNAIL
    }

    void put(UUID media, Variant variant, byte[] bytes);

    Optional<byte[]> get(UUID media, Variant variant);

    void delete(UUID media);
}
