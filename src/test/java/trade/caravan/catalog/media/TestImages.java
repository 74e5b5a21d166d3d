package trade.caravan.catalog.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Pictures made in the test, and the hostile variants of them that uploads must survive. */
final class TestImages {

    static final String SECRET = "Made at the secret factory, 22.5431 N 114.0579 E";

    private TestImages() {
    }

    /** Four quadrants: red, green on top; blue, white below. */
    static BufferedImage quadrants(int width, int height, boolean transparent) {
        var image = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(transparent ? new Color(255, 255, 255, 0) : Color.WHITE);
        g.setComposite(java.awt.AlphaComposite.Src);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    static byte[] jpeg(int width, int height) {
        return encode(quadrants(width, height, false), "jpeg");
    }

    static byte[] png(int width, int height, boolean transparent) {
        return encode(quadrants(width, height, transparent), "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JPEG with an Exif APP1 segment right after SOI: an image description holding
     * {@link #SECRET}, the orientation tag, and a GPS IFD with a latitude.
     */
    static byte[] withExif(byte[] jpeg, int orientation) {
        byte[] description = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(104 + description.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 3);
        entry(tiff, 0x010E, 2, description.length, 104);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, 50);
        tiff.putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(tiff, 2, 5, 3, 80);
        tiff.putInt(0);
        tiff.putInt(22).putInt(1).putInt(32).putInt(1).putInt(3516).putInt(100);
        tiff.put(description);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiff.capacity();
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** The image, then something else after its end (a script, an archive). */
    static byte[] withTrailer(byte[] image, String trailer) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(image);
        out.writeBytes(trailer.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A real small PNG or JPEG whose header now claims {@code width} x {@code height} pixels. */
    static byte[] claimingSize(byte[] image, int width, int height) {
        byte[] patched = image.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched);
        if ((patched[0] & 0xFF) == 0x89) {
            // PNG: IHDR data starts at 16, its CRC over type and data at 29
            buffer.putInt(16, width).putInt(20, height);
            var crc = new CRC32();
            crc.update(patched, 12, 17);
            buffer.putInt(29, (int) crc.getValue());
            return patched;
        }
        int at = 2;
        while (at < patched.length) {
            int marker = patched[at + 1] & 0xFF;
            int length = ((patched[at + 2] & 0xFF) << 8) | (patched[at + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC2) {
                buffer.putShort(at + 5, (short) height).putShort(at + 7, (short) width);
                return patched;
            }
            at += 2 + length;
        }
        throw new IllegalArgumentException("No SOF segment");
    }

    /** The markers of a JPEG's segments before its image data. */
    static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }

    static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** The colour at a point, each channel rounded to 0 or 255 (JPEG is lossy). */
    static String colour(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return ((rgb >> 16 & 0xFF) > 127 ? "R" : "-") + ((rgb >> 8 & 0xFF) > 127 ? "G" : "-") + ((rgb & 0xFF) > 127 ? "B" : "-");
    }
}
