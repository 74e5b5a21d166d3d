package trade.caravan.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * Units in which products are sold, as UN/ECE Recommendation 20 common codes (the codes UBL and
 * EN 16931 use for quantities). Names are translated under {@code uom.<CODE>}.
 */
public enum UnitOfMeasure {
    C62("C62"), H87("H87"), SET("SET"), PR("PR"), DZN("DZN"), KGM("KGM"), GRM("GRM"), TNE("TNE"), LBR("LBR"),
    MTR("MTR"), CMT("CMT"), MMT("MMT"), MTK("MTK"), MTQ("MTQ"), LTR("LTR"), MLT("MLT"), KWH("KWH");

    private final String code;

    UnitOfMeasure(String code) {
        this.code = code;
    }

    /** The UN/ECE Recommendation 20 code. */
    public String code() {
        return code;
    }

    public static Optional<UnitOfMeasure> fromCode(String code) {
        return Arrays.stream(values()).filter(unit -> unit.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
