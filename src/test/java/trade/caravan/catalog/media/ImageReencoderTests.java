package trade.caravan.catalog.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Uploaded pictures are sniffed, bounded before decoding, and re-encoded without anything of the original file. */
class ImageReencoderTests {

    private final ImageReencoder reencoder = new ImageReencoder(MediaSettings.defaults());

    @Test
    void theNameAndDeclaredTypeAreNotBelievedOnlyTheContent() {
        for (byte[] notAnImage : new byte[][] {
                "just some text, saved as photo.jpg".getBytes(StandardCharsets.UTF_8),
                // SVG can carry script: refused, however it is named
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8),
                "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII),
                TestImages.encode(TestImages.quadrants(8, 8, false), "gif"),
                TestImages.encode(TestImages.quadrants(8, 8, false), "bmp"),
                new byte[0]}) {
            assertRefused(notAnImage, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media.image-type");
        }
    }

    @Test
    void whatSniffsAsAnImageButDoesNotDecodeIsRefused() {
        byte[] polyglot = TestImages.withTrailer(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "<html><script>alert(document.cookie)</script></html>");
        assertRefused(polyglot, HttpStatus.UNPROCESSABLE_CONTENT, "error.media.image-unreadable");
        byte[] png = TestImages.png(32, 32, false);
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        assertRefused(truncated, HttpStatus.UNPROCESSABLE_CONTENT, "error.media.image-unreadable");
    }

    @Test
    void aPixelFloodIsRefusedFromTheHeaderWithoutDecoding() {
        // 50000 x 50000 would need 10 GB of heap to decode: more than the test JVM has, so a decode would fail otherwise
        for (byte[] small : new byte[][] {TestImages.png(16, 16, false), TestImages.jpeg(16, 16)}) {
            byte[] flood = TestImages.claimingSize(small, 50_000, 50_000);
            assertThatThrownBy(() -> reencoder.reencode(flood))
                    .isInstanceOfSatisfying(UploadRefused.class, refused -> {
                        assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                        assertThat(refused.messageCode()).isEqualTo("error.media.too-many-pixels");
                        assertThat(refused.arguments()).containsExactly(50_000L, 50_000L, 40L);
                    });
        }
    }

    @Test
    void exifWithGpsCommentsAndEverythingAfterTheImageAreGone() {
        byte[] upload = TestImages.withTrailer(TestImages.withExif(TestImages.jpeg(200, 100), 1),
                "PK\3\4<?php system($_GET['c']); ?>");
        assertThat(TestImages.contains(upload, TestImages.SECRET)).isTrue();

        PreparedImage prepared = reencoder.reencode(upload);

        for (byte[] out : new byte[][] {prepared.image().bytes(), prepared.thumbnail().bytes()}) {
            assertThat(prepared.image().contentType()).isEqualTo("image/jpeg");
            assertThat(TestImages.jpegMarkers(out)).doesNotContain(0xE1, 0xE2, 0xED, 0xFE)
                    .as("only JFIF, tables, frame and scan").containsOnly(0xE0, 0xDB, 0xC4, 0xC0, 0xDA);
            assertThat(TestImages.contains(out, "Exif")).isFalse();
            assertThat(TestImages.contains(out, TestImages.SECRET)).isFalse();
            assertThat(TestImages.contains(out, "<?php")).isFalse();
            assertThat(out[out.length - 2] & 0xFF).isEqualTo(0xFF);
            assertThat(out[out.length - 1] & 0xFF).isEqualTo(0xD9);
        }
        BufferedImage image = TestImages.decode(prepared.image().bytes());
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(TestImages.colour(image, 10, 10)).isEqualTo("R--");
        assertThat(TestImages.colour(image, 190, 90)).isEqualTo("RGB");
    }

    @Test
    void aPortraitPhotoIsTurnedUprightBeforeItsOrientationTagIsDropped() {
        // stored landscape, 200 x 100, red at the top left; orientation 6: turn 90 degrees clockwise to view
        PreparedImage prepared = reencoder.reencode(TestImages.withExif(TestImages.jpeg(200, 100), 6));
        BufferedImage image = TestImages.decode(prepared.image().bytes());
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(TestImages.colour(image, 90, 10)).as("red now at the top right").isEqualTo("R--");
        assertThat(TestImages.colour(image, 10, 190)).as("white now at the bottom left").isEqualTo("RGB");
    }

    @Test
    void thumbnailsKeepTheAspectAndLargePicturesAreScaledDown() {
        PreparedImage photo = reencoder.reencode(TestImages.jpeg(1600, 1200));
        assertThat(size(photo.image())).isEqualTo("1600x1200");
        assertThat(size(photo.thumbnail())).isEqualTo("320x240");
        assertThat(TestImages.colour(TestImages.decode(photo.thumbnail().bytes()), 10, 10)).isEqualTo("R--");

        PreparedImage panorama = reencoder.reencode(TestImages.png(3000, 1000, false));
        assertThat(size(panorama.image())).isEqualTo("2560x853");
        assertThat(size(panorama.thumbnail())).isEqualTo("320x107");
        assertThat(size(new PreparedImage.Encoded(new byte[0], "image/jpeg",
                TestImages.decode(panorama.thumbnail().bytes()).getWidth(),
                TestImages.decode(panorama.thumbnail().bytes()).getHeight()))).isEqualTo("320x107");

        PreparedImage tiny = reencoder.reencode(TestImages.png(40, 30, false));
        assertThat(size(tiny.thumbnail())).as("never scaled up").isEqualTo("40x30");
    }

    @Test
    void transparencyIsKeptAsPngAndOpaqueImagesBecomeJpeg() {
        PreparedImage transparent = reencoder.reencode(TestImages.png(64, 64, true));
        assertThat(transparent.image().contentType()).isEqualTo("image/png");
        assertThat(transparent.thumbnail().contentType()).isEqualTo("image/png");
        BufferedImage decoded = TestImages.decode(transparent.image().bytes());
        assertThat(decoded.getRGB(60, 60) >>> 24).isZero();
        assertThat(decoded.getRGB(4, 4)).isEqualTo(0xFFFF0000);

        assertThat(reencoder.reencode(TestImages.png(64, 64, false)).image().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void webpIsReadAndStoredAsJpeg() {
        for (String name : new String[] {"quadrants.webp", "quadrants-lossy.webp"}) {
            PreparedImage prepared = reencoder.reencode(TestImages.resource(name));
            assertThat(prepared.image().contentType()).as(name).isEqualTo("image/jpeg");
            BufferedImage image = TestImages.decode(prepared.image().bytes());
            assertThat(size(prepared.image())).isEqualTo("64x48");
            assertThat(TestImages.colour(image, 5, 5)).as(name).isEqualTo("R--");
            assertThat(TestImages.colour(image, 60, 5)).as(name).isEqualTo("-G-");
            assertThat(TestImages.colour(image, 5, 44)).as(name).isEqualTo("--B");
        }
    }

    private void assertRefused(byte[] upload, HttpStatus status, String code) {
        assertThatThrownBy(() -> reencoder.reencode(upload))
                .isInstanceOfSatisfying(UploadRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(status);
                    assertThat(refused.messageCode()).isEqualTo(code);
                });
    }

    private static String size(PreparedImage.Encoded encoded) {
        return encoded.width() + "x" + encoded.height();
    }
}
