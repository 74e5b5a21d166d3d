package trade.caravan.platform;

import java.util.List;

/**
 * Paths for the operator of the installation (mail outbox, metrics scrape): reachable without
 * sign-in, but only from the addresses {@link OperatorAccess} allows. Declared by each module as a bean.
 */
public record OperatorPaths(List<String> patterns) {

    public OperatorPaths {
        patterns = List.copyOf(patterns);
    }

    public static OperatorPaths of(String... patterns) {
        return new OperatorPaths(List.of(patterns));
    }
}
