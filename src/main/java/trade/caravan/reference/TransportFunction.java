package trade.caravan.reference;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a UN/LOCODE location is used for: the function classifiers of UN/LOCODE (UNECE
 * Recommendation No. 16, "Function" column), each a fixed position in the 8-character function
 * string ("12345---" is a port, rail and road terminal, airport and postal exchange office).
 */
public enum TransportFunction {

    PORT("port", 0, '1'),
    RAIL("rail", 1, '2'),
    ROAD("road", 2, '3'),
    AIRPORT("airport", 3, '4'),
    /** International mail processing centre recognised by the Universal Postal Union. */
    POSTAL("postal", 4, '5'),
    /** Multimodal transport facility, such as an inland clearance depot or dry port. */
    MULTIMODAL("multimodal", 5, '6'),
    /** Fixed transport installation: pipeline terminal, power line, ropeway. */
    FIXED_INSTALLATION("fixed", 6, '7'),
    BORDER_CROSSING("border", 7, 'B');

    private final String code;
    private final int position;
    private final char marker;

    TransportFunction(String code, int position, char marker) {
        this.code = code;
        this.position = position;
        this.marker = marker;
    }

    /** The lower-case name used in URLs and the API ({@code ?function=port}). */
    public String code() {
        return code;
    }

    /** Every function marked in a UN/LOCODE function string; an ill-formed string has none. */
    public static Set<TransportFunction> parse(String functionString) {
        Set<TransportFunction> functions = EnumSet.noneOf(TransportFunction.class);
        for (TransportFunction function : values()) {
            if (function.position < functionString.length()
                    && functionString.charAt(function.position) == function.marker) {
                functions.add(function);
            }
        }
        return functions;
    }

    /** The function with the given {@link #code()} or constant name, ignoring case. */
    public static Optional<TransportFunction> fromCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.code.equals(wanted) || f.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
