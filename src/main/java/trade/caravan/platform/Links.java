package trade.caravan.platform;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Absolute links for e-mails and documents, built from the configured public address
 * ({@code caravan.public-url}) and never from the request's Host header, which a client
 * controls (a poisoned password-reset link would send the token to the attacker).
 */
@Component
public class Links {

    private final String base;
    private final java.net.URI publicUrl;

    Links(Settings settings) {
        this.publicUrl = settings.publicUrl();
        String url = settings.publicUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The host users reach (the WebAuthn relying-party id). */
    public String host() {
        return publicUrl.getHost();
    }

    /** Scheme, host and port (the WebAuthn origin). */
    public String origin() {
        return publicUrl.getScheme() + "://" + publicUrl.getAuthority();
    }

    /** {@code path} must start with a slash; query values must already be URL-safe. */
    public String absolute(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Path must start with /: " + path);
        }
        return base + path;
    }

    public boolean secure() {
        return base.startsWith("https://");
    }

    /** {@code caravan.public-url}: where users reach this installation. */
    @ConfigurationProperties("caravan")
    record Settings(URI publicUrl) {

        Settings {
            if (publicUrl == null) {
                publicUrl = URI.create("http://localhost:8080");
            }
            if (!"http".equals(publicUrl.getScheme()) && !"https".equals(publicUrl.getScheme())) {
                throw new IllegalArgumentException("caravan.public-url must be an http(s) URL");
            }
        }
    }
}
