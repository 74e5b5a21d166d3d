package trade.caravan.documents.pki;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The bytes of an uploaded PKCS#12 file, read no further than one byte past the limit. */
final class Pkcs12Upload {

    private Pkcs12Upload() {
    }

    /** Empty when no file came (the check then says it is missing); limit + 1 bytes when it is too large. */
    static byte[] read(@Nullable MultipartFile file, long limit) {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        if (file.getSize() > limit) {
            return new byte[(int) Math.min(limit + 1, Integer.MAX_VALUE - 8)];
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new CertificateRefused("error.certificate.unreadable");
        }
    }
}
