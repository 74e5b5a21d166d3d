package trade.caravan.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import trade.caravan.platform.DomainException;

/**
 * The Incoterms® 2020 table: the eleven rules in the ICC's order and the citations for each column.
 * "Incoterms" is a registered trademark of the International Chamber of Commerce; the table
 * summarises the rules in Caravan's own words and does not replace them.
 */
public final class Incoterms {

    public static final String SOURCE = "ICC Incoterms® 2020 (ICC Publication No. 723E)";
    public static final String MODE_CITATION = "Incoterms® 2020: rules for any mode or modes of transport; "
            + "rules for sea and inland waterway transport";
    public static final String DELIVERY_CITATION = "A2/B2 (delivery / taking delivery), A3/B3 (transfer of risks)";
    public static final String CARRIAGE_CITATION = "A4/B4 (carriage)";
    public static final String INSURANCE_CITATION = "A5/B5 (insurance)";
    public static final String CLEARANCE_CITATION = "A7/B7 (export / import clearance)";

    private Incoterms() {
    }

    /** All eleven rules, any-mode rules first, in the order of the ICC publication. */
    public static List<Incoterm> all() {
        return List.of(Incoterm.values());
    }

    public static List<Incoterm> of(ModeOfTransport mode) {
        return Arrays.stream(Incoterm.values()).filter(rule -> rule.modeOfTransport() == mode).toList();
    }

    /** The rule with this three-letter code, ignoring case and surrounding blanks; unknown codes are refused. */
    public static Incoterm parse(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Incoterm.values())
                .filter(rule -> rule.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID,
                        "error.reference.incoterm-unknown", SearchText.echo(code)));
    }
}
