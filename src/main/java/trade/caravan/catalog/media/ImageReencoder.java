package trade.caravan.catalog.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded picture into one that is safe to store and serve:
 * <ol>
 * <li>the format is sniffed from the leading bytes (JPEG, PNG, WebP), and only that format's
 * reader is used;</li>
 * <li>width and height are read from the header alone, and more than the allowed pixels are
 * refused before any pixel is decoded (pixel floods, decompression bombs);</li>
 * <li>the pixels are decoded (a file that sniffs as an image but does not decode, e.g. a
 * polyglot, is refused), turned upright by its Exif orientation and converted to sRGB;</li>
 * <li>they are encoded anew: JPEG, or PNG when some pixel is transparent. Nothing of the
 * original file survives: no Exif, GPS, comments, ICC profiles or bytes after the image's end.</li>
 * </ol>
 * A thumbnail is made from the result. At most {@code concurrent-decodes} images are decoded at
 * once, so uploads cannot exhaust the heap together.
 */
@Component
class ImageReencoder {

    private static final Logger log = LoggerFactory.getLogger(ImageReencoder.class);
    private static final long DECODE_WAIT_SECONDS = 30;

    private final MediaSettings settings;
    private final Semaphore decoding;

    ImageReencoder(MediaSettings settings) {
        this.settings = settings;
        this.decoding = new Semaphore(settings.concurrentDecodes(), true);
        // plugins on the application's class path (WebP) are found through the context class loader
        ImageIO.scanForPlugins();
        for (FileFormat format : FileFormat.values()) {
            if (format.isImage() && !ImageIO.getImageReadersByFormatName(format.readerFormat()).hasNext()) {
                log.warn("No ImageIO reader for {}: such uploads will be refused", format);
            }
        }
    }

    PreparedImage reencode(byte[] bytes) {
        FileFormat format = FileFormat.sniff(bytes).filter(FileFormat::isImage)
                .orElseThrow(UploadRefused::unsupportedImage);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerFormat());
        if (!readers.hasNext()) {
            throw UploadRefused.unsupportedImage();
        }
        ImageReader reader = readers.next();
        BufferedImage decoded;
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            // forward only, metadata ignored: nothing but the header and the pixels is read
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw UploadRefused.unreadable();
            }
            if (width * height > settings.maxImagePixels()) {
                throw UploadRefused.tooManyPixels(width, height, settings.maxImagePixels());
            }
            decoded = decode(reader);
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof UploadRefused refused) {
                throw refused;
            }
            // decoders throw all kinds of runtime exceptions on hostile input; none of them is ours to show
            throw UploadRefused.unreadable();
        } finally {
            reader.dispose();
        }
        int orientation = format == FileFormat.JPEG ? ExifOrientation.of(bytes) : ExifOrientation.UPRIGHT;
        BufferedImage upright = uprightSrgb(decoded, orientation);
        boolean transparent = transparent(upright);
        BufferedImage image = fit(upright, settings.maxImageSide());
        BufferedImage thumbnail = fit(image, settings.thumbnailSide());
        return new PreparedImage(encode(image, transparent), encode(thumbnail, transparent));
    }

    private BufferedImage decode(ImageReader reader) throws IOException {
        boolean acquired;
        try {
            acquired = decoding.tryAcquire(DECODE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadRefused(HttpStatus.SERVICE_UNAVAILABLE, "error.media.busy");
        }
        if (!acquired) {
            throw new UploadRefused(HttpStatus.SERVICE_UNAVAILABLE, "error.media.busy");
        }
        try {
            return reader.read(0);
        } finally {
            decoding.release();
        }
    }

    /** Pixels in sRGB, 8 bits per channel, with alpha only if the source has it, the right way up. */
    private static BufferedImage uprightSrgb(BufferedImage source, int orientation) {
        boolean alpha = source.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        ColorSpace space = source.getColorModel().getColorSpace();
        BufferedImage srgb = source;
        if (space instanceof ICC_ColorSpace && space.getType() == ColorSpace.TYPE_RGB && !space.isCS_sRGB()) {
            // e.g. Adobe RGB or Display P3 from a camera: converted, since the profile is not kept
            srgb = new ColorConvertOp(null).filter(source,
                    new BufferedImage(source.getWidth(), source.getHeight(), type));
        }
        int width = srgb.getWidth();
        int height = srgb.getHeight();
        boolean turned = orientation >= 5;
        var target = new BufferedImage(turned ? height : width, turned ? width : height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(srgb, orientationTransform(orientation, width, height), null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Exif 2.32, tag 0x0112: how to map the stored pixels to the upright picture. */
    private static AffineTransform orientationTransform(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
    }

    private static boolean transparent(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB) {
            return false;
        }
        for (int pixel : ((DataBufferInt) image.getRaster().getDataBuffer()).getData()) {
            if ((pixel >>> 24) != 0xFF) {
                return true;
            }
        }
        return false;
    }

    /** Scaled down (never up) to at most {@code maxSide} on the longer side, halving in steps for a smooth result. */
    static BufferedImage fit(BufferedImage image, int maxSide) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (Math.max(width, height) <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / Math.max(width, height);
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        BufferedImage current = image;
        do {
            width = Math.max(width / 2, targetWidth);
            height = Math.max(height / 2, targetHeight);
            var next = new BufferedImage(width, height, image.getType() == BufferedImage.TYPE_INT_ARGB
                    ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (width != targetWidth || height != targetHeight);
        return current;
    }

    private PreparedImage.Encoded encode(BufferedImage image, boolean transparent) {
        String format = transparent ? "png" : "jpeg";
        BufferedImage pixels = transparent || image.getType() == BufferedImage.TYPE_INT_RGB ? image : opaque(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        var bytes = new ByteArrayOutputStream();
        try (var output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!transparent) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(settings.jpegQuality());
                ((JPEGImageWriteParam) param).setOptimizeHuffmanTables(true);
            }
            // no metadata argument: only what the format requires is written (JFIF header, PNG IHDR)
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Encoding to memory failed", e);
        } finally {
            writer.dispose();
        }
        return new PreparedImage.Encoded(bytes.toByteArray(), transparent ? "image/png" : "image/jpeg",
                image.getWidth(), image.getHeight());
    }

    private static BufferedImage opaque(BufferedImage image) {
        var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
