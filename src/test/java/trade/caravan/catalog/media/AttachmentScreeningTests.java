package trade.caravan.catalog.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;

import trade.caravan.catalog.AttachmentScreening;
import trade.caravan.catalog.FileRefused;
import trade.caravan.catalog.ScreenedFile;
import trade.caravan.platform.DomainException;
import trade.caravan.support.IntegrationTest;

/**
 * Attachments of other modules follow the product upload rules, seen only through the catalog's
 * public types (as the sourcing module sees them).
 */
@IntegrationTest
class AttachmentScreeningTests {

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    @Autowired
    AttachmentScreening screening;
    @Autowired
    MessageSource messages;

    @Test
    void aJpegIsReencodedWithoutExifGpsOrTrailerAndNamedSafely() {
        byte[] sent = TestImages.withTrailer(TestImages.withExif(TestImages.jpeg(200, 100), 1),
                "<?php system($_GET['c']); ?>");

        ScreenedFile screened = screening.screen("../../etc/factory photo.jpeg", sent);

        assertThat(screened.fileName()).isEqualTo("factory photo.jpg");
        assertThat(screened.contentType()).isEqualTo("image/jpeg");
        assertThat(screened.isImage()).isTrue();
        for (byte[] out : new byte[][] {screened.bytes(), screened.thumbnail()}) {
            assertThat(TestImages.jpegMarkers(out)).doesNotContain(0xE1);
            assertThat(TestImages.contains(out, "Exif")).isFalse();
            assertThat(TestImages.contains(out, TestImages.SECRET)).isFalse();
            assertThat(TestImages.contains(out, "<?php")).isFalse();
        }
        assertThat(TestImages.decode(screened.bytes()).getWidth()).isEqualTo(200);
        assertThat(TestImages.decode(screened.thumbnail()).getWidth()).isLessThanOrEqualTo(320);
        assertThat(screened.sha256()).isEqualTo(MediaLibrary.sha256(screened.bytes())).hasSize(64);
        assertThat(screened.size()).isEqualTo(screened.bytes().length);
    }

    @Test
    void aPngKeepsItsTransparencyAndAnOpaqueOneBecomesAJpegNamedSo() {
        ScreenedFile transparent = screening.screen("logo.png", TestImages.png(64, 48, true));
        assertThat(transparent.contentType()).isEqualTo("image/png");
        assertThat(transparent.fileName()).isEqualTo("logo.png");

        ScreenedFile opaque = screening.screen("drawing.png", TestImages.png(64, 48, false));
        assertThat(opaque.contentType()).isEqualTo("image/jpeg");
        assertThat(opaque.fileName()).isEqualTo("drawing.jpg");
    }

    @Test
    void anUploadedWebpIsReadWithinTheLimitAndStoredAsJpeg() {
        var file = new MockMultipartFile("file", "..\\..\\sample.webp", "image/webp", TestImages.resource("quadrants.webp"));

        ScreenedFile screened = screening.screen(file);

        assertThat(screened.fileName()).isEqualTo("sample.jpg");
        assertThat(screened.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.decode(screened.bytes()).getWidth()).isEqualTo(64);
    }

    @Test
    void aPdfIsKeptAsSentUnderASafeNameEndingInPdf() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

        ScreenedFile screened = screening.screen("../../quotation\u202Efdp.exe", pdf);

        assertThat(screened.bytes()).isEqualTo(pdf);
        assertThat(screened.contentType()).isEqualTo("application/pdf");
        assertThat(screened.fileName()).isEqualTo("quotationfdp.pdf");
        assertThat(screened.thumbnail()).isNull();
        assertThat(screened.isImage()).isFalse();
        assertThat(screened.sha256()).isEqualTo(MediaLibrary.sha256(pdf));
        assertThat(screening.screen(null, pdf).fileName()).isEqualTo("document.pdf");
        assertThat(screening.screen(new MockMultipartFile("file", "spec.pdf", "application/pdf", pdf)).bytes())
                .isEqualTo(pdf);
    }

    @Test
    void whatIsNeitherAnImageNorAPdfIsRefusedWhateverItsName() {
        assertRefused("invoice.pdf", "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
                .getBytes(StandardCharsets.UTF_8), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media.attachment-type");
        assertRefused("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media.attachment-type");
        assertRefused("archive.zip", "PK\3\4rest".getBytes(StandardCharsets.US_ASCII),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media.attachment-type");
        assertRefused("animation.gif", TestImages.encode(TestImages.quadrants(8, 8, false), "gif"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media.attachment-type");
    }

    @Test
    void aPolyglotThatSniffsAsAnImageButDoesNotDecodeIsRefused() {
        byte[] polyglot = TestImages.withTrailer(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "<html><script>alert(document.cookie)</script></html>");
        assertRefused("photo.jpg", polyglot, HttpStatus.UNPROCESSABLE_CONTENT, "error.media.image-unreadable");
    }

    @Test
    void aPixelFloodIsRefusedFromItsHeader() {
        byte[] flood = TestImages.claimingSize(TestImages.png(16, 16, false), 50_000, 50_000);
        assertRefused("flood.png", flood, HttpStatus.UNPROCESSABLE_CONTENT, "error.media.too-many-pixels");
    }

    @Test
    void anEmptyFileOrNoFileIsRefused() {
        assertRefused("empty.pdf", new byte[0], HttpStatus.BAD_REQUEST, "error.media.empty");
        assertThatThrownBy(() -> screening.screen(null))
                .isInstanceOfSatisfying(FileRefused.class, r -> assertThat(r.messageCode()).isEqualTo("error.media.empty"));
        assertThatThrownBy(() -> screening.screen(new MockMultipartFile("file", "empty.png", "image/png", new byte[0])))
                .isInstanceOfSatisfying(FileRefused.class, r -> assertThat(r.messageCode()).isEqualTo("error.media.empty"));
    }

    @Test
    void anImageOrPdfOverItsLimitIsRefusedBeforeItIsDecoded() {
        byte[] image = Arrays.copyOf(TestImages.jpeg(16, 16), TEN_MEGABYTES + 1);
        assertRefused("huge.jpg", image, HttpStatus.CONTENT_TOO_LARGE, "error.media.too-large");
        byte[] pdf = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), TEN_MEGABYTES + 1);
        assertRefused("huge.pdf", pdf, HttpStatus.CONTENT_TOO_LARGE, "error.media.too-large");
        assertThatThrownBy(() -> screening.screen(new MockMultipartFile("file", "huge.pdf", "application/pdf", pdf)))
                .isInstanceOfSatisfying(FileRefused.class, r -> {
                    assertThat(r.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(r.arguments()).containsExactly("10");
                });
    }

    private void assertRefused(String name, byte[] bytes, HttpStatus status, String code) {
        assertThatThrownBy(() -> screening.screen(name, bytes))
                .as(name)
                .isInstanceOfSatisfying(FileRefused.class, refused -> {
                    assertThat(refused.status()).as(name).isEqualTo(status);
                    assertThat(refused.messageCode()).as(name).isEqualTo(code);
                    assertThat(refused.kind()).isEqualTo(status == HttpStatus.UNPROCESSABLE_CONTENT
                            ? DomainException.Kind.UNPROCESSABLE : DomainException.Kind.INVALID);
                    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
                        assertThat(messages.getMessage(code, refused.arguments(), locale)).as(name + " " + locale)
                                .isNotBlank().doesNotStartWith("error.");
                    }
                });
    }
}
