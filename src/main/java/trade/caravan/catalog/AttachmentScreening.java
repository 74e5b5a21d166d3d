package trade.caravan.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * The catalog's upload rules for files other modules receive (attachments of RFQs and
 * negotiations): the type is read from the content only; JPEG, PNG and WebP images are re-encoded
 * as product images are (metadata such as Exif and GPS dropped, pixel floods refused, at most the
 * image size limit); PDFs are kept as sent (at most the document size limit); anything else is
 * refused. Nothing is stored: the caller keeps the {@link ScreenedFile}.
 *
 * <p>Images are decoded here, which takes CPU and memory: call it before opening a transaction.
 */
public interface AttachmentScreening {

    /**
     * @param fileName the name the sender gave, if any (untrusted: only shown, made safe)
     * @throws FileRefused when the file is empty, too large, of another type, or an image that
     *                     does not decode or has too many pixels
     */
    ScreenedFile screen(@Nullable String fileName, byte[] bytes);

    /**
     * An uploaded file, read only once its declared size is within the larger of the two limits.
     *
     * @throws FileRefused as {@link #screen(String, byte[])}, and when no file was sent
     */
    ScreenedFile screen(@Nullable MultipartFile file);
}
