package trade.caravan.catalog.media;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * File names as uploaders send them are hostile input: they may carry directories
 * ({@code ../../etc/passwd.png}, {@code ..\..\x.jpg}), NUL and other control characters,
 * right-to-left overrides that disguise an extension, quotes that break a header, or thousands of
 * characters. Files are stored under generated identifiers, so a name is only ever shown and
 * offered as the download's name; this keeps the last path segment, drops what is unsafe, and
 * caps the length.
 */
final class SafeFileName {

    static final int MAX_LENGTH = 100;
    private static final String UNSAFE = "<>:\"/\\|?*;%";

    private SafeFileName() {
    }

    /** A name fit to show, or {@code fallback} when nothing of the original is left. */
    static String of(@Nullable String original, String fallback) {
        if (original == null) {
            return fallback;
        }
        String name = Normalizer.normalize(original.length() > 4 * MAX_LENGTH ? original.substring(original.length()
                - 4 * MAX_LENGTH) : original, Normalizer.Form.NFC);
        int separator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(separator + 1);
        var kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                return;
            }
            switch (Character.getType(c)) {
                case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                        Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    return;
                }
                default -> {
                }
            }
            if (UNSAFE.indexOf(c) >= 0) {
                kept.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                kept.append(' ');
            } else {
                kept.appendCodePoint(c);
            }
        });
        name = kept.toString().replaceAll(" {2,}", " ");
        while (name.contains("..")) {
            name = name.replace("..", ".");
        }
        name = strip(name);
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = shorten(name);
        }
        return name.isEmpty() ? fallback : name;
    }

    /** The name with the extension of what is actually stored (an uploaded {@code x.webp} re-encoded as JPEG is {@code x.jpg}). */
    static String withExtension(String name, String extension) {
        return named(base(name), extension);
    }

    /** The name without its extension. */
    static String base(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** {@code base.extension}, the base shortened to fit {@link #MAX_LENGTH}. */
    static String named(String base, String extension) {
        String kept = strip(base);
        if (kept.isEmpty()) {
            kept = "file";
        }
        int room = MAX_LENGTH - extension.length() - 1;
        if (kept.codePointCount(0, kept.length()) > room) {
            kept = kept.substring(0, kept.offsetByCodePoints(0, room));
        }
        return kept + "." + extension;
    }

    /**
     * A {@code Content-Disposition} value (RFC 6266): an ASCII {@code filename} for old clients and
     * the exact name as {@code filename*} in UTF-8 (RFC 8187).
     */
    static String contentDisposition(String disposition, String name) {
        return disposition + "; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    static String ascii(String name) {
        var ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '_');
        }
        return ascii.toString();
    }

    private static String percentEncoded(String name) {
        var encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            // attr-char of RFC 8187
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return encoded.toString();
    }

    private static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Keeps a short extension and as much of the start as fits. */
    private static String shorten(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int room = MAX_LENGTH - extension.length();
        return strip(base.substring(0, base.offsetByCodePoints(0, room))) + extension;
    }
}
