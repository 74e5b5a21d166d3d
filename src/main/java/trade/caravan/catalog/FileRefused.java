package trade.caravan.catalog;

import org.springframework.http.HttpStatus;

import trade.caravan.platform.DomainException;

/**
 * A file the catalog's upload rules do not take (product images, certificates, and attachments
 * screened by {@link AttachmentScreening}): too large (413), not a supported format whatever its
 * name or declared type says (415), too many pixels or not decodable (422), empty (400), or no
 * decoder free (503). Its {@link #messageCode()} is translated in the catalog's bundles; a web
 * layer that wants the precise status answers with {@link #status()}, anywhere else it is a plain
 * refusal of its {@link #kind()}.
 */
public class FileRefused extends DomainException {

    private final HttpStatus status;

    protected FileRefused(HttpStatus status, String messageCode, Object... arguments) {
        super(status == HttpStatus.UNPROCESSABLE_CONTENT ? Kind.UNPROCESSABLE : Kind.INVALID, messageCode, arguments);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
