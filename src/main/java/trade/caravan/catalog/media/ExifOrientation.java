package trade.caravan.catalog.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the one piece of a JPEG's Exif metadata that is kept: how the camera was held (TIFF tag
 * 0x0112, values 1 to 8). Re-encoding drops all metadata, so the rotation is applied to the pixels
 * instead, or portrait photos would show on their side. A bounded walk over the segments before
 * the image data; anything malformed counts as "upright" (1).
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        try {
            int at = 2;
            while (at + 4 <= jpeg.length) {
                if ((jpeg[at] & 0xFF) != 0xFF) {
                    return UPRIGHT;
                }
                int marker = jpeg[at + 1] & 0xFF;
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    at += 2;
                    continue;
                }
                if (marker == 0xDA || marker == 0xD9) {
                    // start of scan or end of image: no Exif before the image data
                    return UPRIGHT;
                }
                int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
                if (length < 2 || at + 2 + length > jpeg.length) {
                    return UPRIGHT;
                }
                if (marker == 0xE1 && length >= 2 + EXIF.length + 8
                        && java.util.Arrays.equals(jpeg, at + 4, at + 4 + EXIF.length, EXIF, 0, EXIF.length)) {
                    return orientation(ByteBuffer.wrap(jpeg, at + 4 + EXIF.length, length - 2 - EXIF.length).slice());
                }
                at += 2 + length;
            }
        } catch (RuntimeException malformed) {
            // a hostile or broken Exif block: the picture is kept as stored
            return UPRIGHT;
        }
        return UPRIGHT;
    }

    private static int orientation(ByteBuffer tiff) {
        short byteOrder = tiff.getShort(0);
        if (byteOrder == 0x4949) {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (byteOrder != 0x4D4D) {
            return UPRIGHT;
        }
        long ifd = Integer.toUnsignedLong(tiff.getInt(4));
        if (ifd + 2 > tiff.limit()) {
            return UPRIGHT;
        }
        int entries = Short.toUnsignedInt(tiff.getShort((int) ifd));
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > tiff.limit()) {
                return UPRIGHT;
            }
            if (Short.toUnsignedInt(tiff.getShort(entry)) == ORIENTATION_TAG) {
                int value = Short.toUnsignedInt(tiff.getShort(entry + 8));
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }
}
