package trade.caravan.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A file that passed {@link AttachmentScreening}: what is safe to keep and serve in place of what
 * was sent. The arrays are the caller's to keep; they are not copied.
 *
 * @param fileName    the sender's name made safe to show, with the extension of {@code contentType}
 * @param contentType {@code image/jpeg}, {@code image/png} or {@code application/pdf}, from the content
 * @param bytes       a re-encoded image (no metadata), or the PDF as sent
 * @param sha256      of {@code bytes}, lower-case hex
 * @param thumbnail   of an image, in the same content type; null for a PDF
 */
public record ScreenedFile(String fileName, String contentType, byte[] bytes, String sha256,
        byte @Nullable [] thumbnail) {

    public boolean isImage() {
        return thumbnail != null;
    }

    public long size() {
        return bytes.length;
    }
}
