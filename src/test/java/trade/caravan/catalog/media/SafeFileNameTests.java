package trade.caravan.catalog.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Uploaded file names are shown and offered as download names only, never used as paths, and made harmless. */
class SafeFileNameTests {

    @Test
    void directoriesAreDroppedWhateverTheSeparator() {
        assertThat(SafeFileName.of("../../etc/passwd.png", "image")).isEqualTo("passwd.png");
        assertThat(SafeFileName.of("..\\..\\windows\\x.jpg", "image")).isEqualTo("x.jpg");
        assertThat(SafeFileName.of("C:\\Users\\li\\产品 图片.JPG", "image")).isEqualTo("产品 图片.JPG");
        assertThat(SafeFileName.of("..", "image")).isEqualTo("image");
        assertThat(SafeFileName.of("photo/..", "image")).isEqualTo("image");
        assertThat(SafeFileName.of(".hidden..jpg", "image")).isEqualTo("hidden.jpg");
    }

    @Test
    void controlFormatAndHeaderBreakingCharactersAreRemoved() {
        assertThat(SafeFileName.of("shell.php\0.png", "image")).isEqualTo("shell.php.png");
        assertThat(SafeFileName.of("line\r\nSet-Cookie: x=1.png", "image")).isEqualTo("lineSet-Cookie_ x=1.png");
        // U+202E RIGHT-TO-LEFT OVERRIDE would show "invoice_gpj.exe" as "invoice_exe.jpg"
        assertThat(SafeFileName.of("invoice_\u202Egpj.exe", "image")).isEqualTo("invoice_gpj.exe");
        assertThat(SafeFileName.of("a\"b;c%d<e>.png", "image")).isEqualTo("a_b_c_d_e_.png");
        assertThat(SafeFileName.of("   ", "image")).isEqualTo("image");
        assertThat(SafeFileName.of(null, "image")).isEqualTo("image");
    }

    @Test
    void veryLongNamesAreCutKeepingTheExtension() {
        String name = SafeFileName.of("x".repeat(100_000) + ".jpeg", "image");
        assertThat(name).hasSize(SafeFileName.MAX_LENGTH).endsWith(".jpeg");
        assertThat(SafeFileName.withExtension("图".repeat(300), "jpg")).hasSize(SafeFileName.MAX_LENGTH).endsWith("图.jpg");
    }

    @Test
    void theServedNameHasTheStoredFormatsExtensionAndASafeHeader() {
        assertThat(SafeFileName.withExtension("photo.webp", "jpg")).isEqualTo("photo.jpg");
        assertThat(SafeFileName.withExtension("page.html", "png")).isEqualTo("page.png");
        assertThat(SafeFileName.contentDisposition("inline", "电热水壶 \"1\".jpg"))
                .isEqualTo("inline; filename=\"____ _1_.jpg\"; "
                        + "filename*=UTF-8''%E7%94%B5%E7%83%AD%E6%B0%B4%E5%A3%B6%20%221%22.jpg");
    }
}
