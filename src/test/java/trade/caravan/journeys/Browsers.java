package trade.caravan.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * One Playwright driver and one headless Chromium for a test class (register it as a static
 * {@code @RegisterExtension} field).
 *
 * <p>A system Chromium is used when there is one ({@code CARAVAN_CHROMIUM}, else Debian's
 * {@code /usr/bin/chromium}), and Playwright is told not to download its own: CI machines and
 * developer boxes behind a proxy have the Debian package, and the download is large. Without a
 * system Chromium, Playwright's bundled browser is used (downloaded once into its cache), so the
 * suite still passes on a machine with only a JDK.
 */
final class Browsers implements BeforeAllCallback, AfterAllCallback {

    static final String CHROMIUM_VARIABLE = "CARAVAN_CHROMIUM";
    static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    /**
     * Root may not use Chromium's sandbox (CI runs as root); GPU, sync, component updates and
     * background requests only slow a headless run down and reach out to the network.
     */
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            "--no-first-run");

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<Path> system = systemChromium();
        var launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_ARGS);
        if (system.isPresent()) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            launch.setExecutablePath(system.get());
        } else {
            playwright = Playwright.create();
        }
        browser = playwright.chromium().launch(launch);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    Browser browser() {
        if (browser == null) {
            throw new IllegalStateException("Register Browsers as a static @RegisterExtension field");
        }
        return browser;
    }

    /** The Chromium to drive instead of Playwright's own, if this machine has one. */
    static Optional<Path> systemChromium() {
        String configured = System.getenv(CHROMIUM_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(CHROMIUM_VARIABLE + " names " + path + ", which is not an executable");
            }
            return Optional.of(path);
        }
        return Files.isExecutable(DEBIAN_CHROMIUM) ? Optional.of(DEBIAN_CHROMIUM) : Optional.empty();
    }
}
