package trade.caravan.catalog.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The formats accepted, recognised by their leading bytes ("magic numbers") only: a file's name
 * and the type its client declared are never believed. Everything else (SVG, HTML, GIF, TIFF,
 * HEIC, executables, archives) is refused.
 */
enum FileFormat {

    JPEG("jpeg", "image/jpeg"),
    PNG("png", "image/png"),
    WEBP("webp", "image/webp"),
    PDF(null, "application/pdf");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** The ImageIO format name of its reader; null for documents, which are never decoded. */
    private final String readerFormat;
    private final String contentType;

    FileFormat(String readerFormat, String contentType) {
        this.readerFormat = readerFormat;
        this.contentType = contentType;
    }

    static Optional<FileFormat> sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        // RIFF container, 4-byte length, then the form type (Google's WebP container specification)
        if (startsWith(bytes, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && startsWith(bytes, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        if (startsWith(bytes, 0, PDF_HEADER)) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    boolean isImage() {
        return readerFormat != null;
    }

    String readerFormat() {
        return readerFormat;
    }

    String contentType() {
        return contentType;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
