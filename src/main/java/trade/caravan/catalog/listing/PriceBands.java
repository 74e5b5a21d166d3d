package trade.caravan.catalog.listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Price bands a buyer reads in his own currency: round numbers of that currency (1, 2 or 5 times a
 * power of ten) near 1, 5, 10, 50, 100 and 500 euros, so a Chinese buyer sees "¥10 – ¥50" where an
 * American sees "$1 – $5". Listings are filtered and counted on their euro price, so the edges are
 * converted back to euro cents at the same (latest ECB) rate.
 */
final class PriceBands {

    private static final int[] EURO_ANCHORS = {1, 5, 10, 50, 100, 500};
    private static final int[] NICE = {1, 2, 5, 10};

    private PriceBands() {
    }

    /**
     * The bands in minor units of the buyer's currency, from zero to "and more".
     *
     * @param minorDigits the buyer's currency's minor units (2 for USD and CNY, 0 for JPY)
     * @param euroRate    how many units of the buyer's currency one euro buys
     */
    static List<Band> inCurrency(int minorDigits, BigDecimal euroRate) {
        TreeSet<Long> edges = new TreeSet<>();
        for (int anchor : EURO_ANCHORS) {
            BigDecimal edge = roundNumber(euroRate.multiply(BigDecimal.valueOf(anchor)));
            BigDecimal minor = edge.movePointRight(minorDigits);
            if (minor.compareTo(BigDecimal.ONE) >= 0) {
                edges.add(minor.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            }
        }
        List<Band> bands = new ArrayList<>();
        long from = 0;
        for (long edge : edges) {
            bands.add(new Band(from, edge));
            from = edge;
        }
        bands.add(new Band(from, null));
        return List.copyOf(bands);
    }

    /**
     * A band of the buyer's currency as euro cents.
     *
     * @param toEuroRate how many euros one unit of the buyer's currency buys
     */
    static Band inEuroCents(Band band, int minorDigits, BigDecimal toEuroRate) {
        long from = euroCents(band.from(), minorDigits, toEuroRate);
        Long to = band.to() == null ? null : Math.max(from + 1, euroCents(band.to(), minorDigits, toEuroRate));
        return new Band(from, to);
    }

    private static long euroCents(long minor, int minorDigits, BigDecimal toEuroRate) {
        return BigDecimal.valueOf(minor, minorDigits).multiply(toEuroRate).movePointRight(2)
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The 1-2-5 number nearest to {@code amount} on a logarithmic scale. */
    static BigDecimal roundNumber(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("Not positive: " + amount);
        }
        int exponent = amount.precision() - amount.scale() - 1;
        BigDecimal best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int nice : NICE) {
            BigDecimal candidate = BigDecimal.valueOf(nice).scaleByPowerOfTen(exponent);
            double distance = Math.abs(Math.log(candidate.doubleValue() / amount.doubleValue()));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best.stripTrailingZeros();
    }
}
