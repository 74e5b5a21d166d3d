package trade.caravan.catalog.media;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as received: the name its client gave (untrusted, sanitized before it is kept) and its
 * bytes, read only once the declared size is known to be within the limit.
 */
record Upload(@Nullable String fileName, byte[] bytes) {

    static Upload of(@Nullable MultipartFile file, long limitBytes) {
        if (file == null || file.isEmpty()) {
            throw UploadRefused.empty();
        }
        if (file.getSize() > limitBytes) {
            throw UploadRefused.tooLarge(limitBytes);
        }
        try {
            byte[] bytes = file.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limitBytes + 1));
            if (bytes.length > limitBytes) {
                throw UploadRefused.tooLarge(limitBytes);
            }
            return new Upload(file.getOriginalFilename(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an upload failed", e);
        }
    }
}
