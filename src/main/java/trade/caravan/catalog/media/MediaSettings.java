package trade.caravan.catalog.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code caravan.media.*}. Uploads larger than Spring's own multipart limits
 * ({@code spring.servlet.multipart.max-file-size}, 10 MB) are refused by the container before
 * these are looked at; both answer 413.
 *
 * @param maxImageBytes     largest image file accepted
 * @param maxDocumentBytes  largest certificate (PDF) accepted
 * @param maxImagePixels    largest width x height, read from the file's header before anything is decoded
 * @param maxImageSide      longest side of the stored image; larger ones are scaled down
 * @param thumbnailSide     longest side of a thumbnail
 * @param jpegQuality       quality of re-encoded JPEGs (0 to 1)
 * @param concurrentDecodes images decoded at once on a node (each may take width x height x 4 bytes of heap)
 * @param sweepCron         when files no product uses any more are deleted (Spring cron; "-" for never)
 */
@ConfigurationProperties("caravan.media")
record MediaSettings(@DefaultValue("10MB") DataSize maxImageBytes, @DefaultValue("10MB") DataSize maxDocumentBytes,
        @DefaultValue("40000000") long maxImagePixels, @DefaultValue("2560") int maxImageSide,
        @DefaultValue("320") int thumbnailSide, @DefaultValue("0.9") float jpegQuality,
        @DefaultValue("2") int concurrentDecodes, @DefaultValue("0 15 4 * * *") String sweepCron) {

    MediaSettings {
        if (maxImagePixels < 1 || maxImageSide < 16 || thumbnailSide < 16 || thumbnailSide > maxImageSide) {
            throw new IllegalArgumentException("caravan.media: limits must be positive, 16 <= thumbnail-side <= max-image-side");
        }
        if (jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("caravan.media.jpeg-quality must be in (0, 1]");
        }
        if (concurrentDecodes < 1) {
            throw new IllegalArgumentException("caravan.media.concurrent-decodes must be at least 1");
        }
    }

    static MediaSettings defaults() {
        return new MediaSettings(DataSize.ofMegabytes(10), DataSize.ofMegabytes(10), 40_000_000, 2560, 320, 0.9f, 2,
                "0 15 4 * * *");
    }
}
