package trade.caravan.catalog.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an uploaded CSV file as strict UTF-8, within limits, before any parser sees it:
 * <ul>
 * <li>no more than {@code maxBytes} bytes (a larger file is refused as soon as it is known);</li>
 * <li>bytes that are not UTF-8 (a Latin-1 or GBK file) are refused with the line they are on,
 * never replaced by question marks;</li>
 * <li>no record (a row, quoted line breaks included) longer than {@code maxRecordChars}: a "1 GB
 * line" is refused after that many characters, never held in memory;</li>
 * <li>a UTF-8 byte order mark at the start is skipped (Excel writes one).</li>
 * </ul>
 * To know where records end it follows RFC 4180 quoting the way the CSV parser does. Refusals are
 * {@link Refusal}s, carrying a message code and the physical line.
 */
final class BoundedUtf8Reader extends Reader {

    /** A limit or encoding rule broken: the file is refused as a whole. */
    static final class Refusal extends IOException {

        private final String code;
        private final long line;
        private final transient Object[] arguments;

        Refusal(String code, long line, Object... arguments) {
            super(code + " at line " + line);
            this.code = code;
            this.line = line;
            this.arguments = arguments.clone();
        }

        String code() {
            return code;
        }

        /** The physical line (1 is the first), 0 when the whole file is meant. */
        long line() {
            return line;
        }

        Object[] arguments() {
            return arguments.clone();
        }
    }

    private enum Quoting { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private static final int BUFFER = 8192;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final long maxBytes;
    private final long maxRecordChars;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private long bytesRead;
    private boolean endOfInput;
    private boolean flushed;
    private boolean first = true;
    private boolean malformed;

    private long line = 1;
    private boolean afterCarriageReturn;
    private Quoting quoting = Quoting.FIELD_START;
    private long recordChars;
    private long recordStartLine = 1;

    BoundedUtf8Reader(InputStream in, long maxBytes, long maxRecordChars) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (malformed) {
                // every character before the bad bytes has been read, so the line is exact
                throw new Refusal("error.import.not-utf8", line, line);
            }
            if (!fill()) {
                return -1;
            }
        }
        int count = Math.min(length, chars.remaining());
        for (int i = 0; i < count; i++) {
            char c = chars.get();
            follow(c);
            target[offset + i] = c;
        }
        return count;
    }

    /** Decodes the next characters into the buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0 && !malformed) {
            if (!endOfInput && bytes.remaining() < BUFFER / 2) {
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                    bytesRead += read;
                    if (bytesRead > maxBytes) {
                        bytes.flip();
                        throw new Refusal("error.import.too-large", 0, maxBytes / (1024 * 1024));
                    }
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                malformed = true;
            } else if (endOfInput && !bytes.hasRemaining()) {
                if (!flushed) {
                    flushed = true;
                    if (decoder.flush(chars).isError()) {
                        malformed = true;
                    }
                }
                break;
            }
        }
        chars.flip();
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
                chars.get();
            }
        }
        return chars.hasRemaining() || malformed;
    }

    /** Counts lines and the characters of the current record, following RFC 4180 quoting. */
    private void follow(char c) throws Refusal {
        boolean lineBreak = c == '\r' || (c == '\n' && !afterCarriageReturn);
        afterCarriageReturn = c == '\r';
        boolean newline = c == '\r' || c == '\n';
        quoting = switch (quoting) {
            case FIELD_START -> c == '"' ? Quoting.QUOTED : newline || c == ',' ? Quoting.FIELD_START : Quoting.UNQUOTED;
            case UNQUOTED -> newline || c == ',' ? Quoting.FIELD_START : Quoting.UNQUOTED;
            case QUOTED -> c == '"' ? Quoting.QUOTE_IN_QUOTED : Quoting.QUOTED;
            case QUOTE_IN_QUOTED -> c == '"' ? Quoting.QUOTED : newline || c == ',' ? Quoting.FIELD_START
                    : Quoting.UNQUOTED;
        };
        if (lineBreak) {
            line++;
        }
        if (newline && quoting == Quoting.FIELD_START) {
            recordChars = 0;
            recordStartLine = line;
            return;
        }
        if (++recordChars > maxRecordChars) {
            throw new Refusal("error.import.record-too-long", recordStartLine, recordStartLine, maxRecordChars);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
