package trade.caravan.reference.load;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Opens the bundled files of a dataset: transparently gunzips {@code .gz}, refuses to inflate
 * beyond {@link #MAX_BYTES} (a corrupt or hostile archive cannot exhaust memory or disk), decodes
 * strict UTF-8 (malformed bytes fail the load instead of becoming replacement characters) and
 * drops a leading byte-order mark.
 */
final class DatasetFiles {

    static final String ROOT = "reference-data/";
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private DatasetFiles() {
    }

    static Resource resource(String file) {
        return new ClassPathResource(ROOT + file);
    }

    static Reader open(String file) throws IOException {
        Resource resource = resource(file);
        if (!resource.exists()) {
            throw new IOException("Bundled reference file is missing: " + ROOT + file);
        }
        InputStream raw = new BufferedInputStream(resource.getInputStream());
        InputStream content = file.endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var reader = new PushbackReader(new InputStreamReader(new Capped(content, MAX_BYTES, file), decoder), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /**
     * SHA-256 over the dataset's name, its loader version and the bytes of its files as bundled.
     * A new file, or a change in how the loader reads it, gives a new checksum and a reload.
     */
    static String checksum(String dataset, int version, List<String> files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update((dataset + '\0' + version + '\0').getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[64 * 1024];
        for (String file : files) {
            digest.update((file + '\0').getBytes(StandardCharsets.UTF_8));
            try (InputStream in = resource(file).getInputStream()) {
                for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Fails once more than {@code limit} bytes have been read. */
    private static final class Capped extends FilterInputStream {

        private final long limit;
        private final String file;
        private long count;

        Capped(InputStream in, long limit, String file) {
            super(in);
            this.limit = limit;
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new IOException(ROOT + file + " is larger than " + limit + " bytes once decompressed");
            }
        }
    }
}
