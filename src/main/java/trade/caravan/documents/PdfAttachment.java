package trade.caravan.documents;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file carried inside a PDF/A-3 document (ISO 19005-3 associated file): its name, media type,
 * how it relates to the document ({@code Data}, {@code Source}, {@code Alternative},
 * {@code Supplement}), a description, and its bytes.
 */
public record PdfAttachment(String fileName, String mediaType, Relationship relationship, String description,
        byte[] content) {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");

    /** The AFRelationship values of PDF/A-3 this platform uses. */
    public enum Relationship {
        Data, Source, Alternative, Supplement
    }

    public PdfAttachment {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(description, "description");
        if (!SAFE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("Not a safe attachment name: " + fileName);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
