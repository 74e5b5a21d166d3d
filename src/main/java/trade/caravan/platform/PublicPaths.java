package trade.caravan.platform;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * Paths a module serves without sign-in (public pages, public lookups). Each module declares its
 * own as a bean; the security configuration permits exactly these and requires authentication
 * everywhere else. A {@code null} method means every method.
 */
public record PublicPaths(@Nullable HttpMethod method, List<String> patterns) {

    public PublicPaths {
        patterns = List.copyOf(patterns);
    }

    public static PublicPaths get(String... patterns) {
        return new PublicPaths(HttpMethod.GET, List.of(patterns));
    }

    public static PublicPaths any(String... patterns) {
        return new PublicPaths(null, List.of(patterns));
    }
}
