package trade.caravan.catalog.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import trade.caravan.shared.CountryCode;

/**
 * Names and countries of the supplier organizations a benchmark catalog is generated for: China
 * for about a third, as on real B2B marketplaces, then the other exporting countries the
 * vocabulary has ports for. Names are plausible ("Yiwu Huamei Home Products Co., Ltd."); websites
 * are under the reserved {@code .example} domain, one per seed and supplier, which marks them as
 * generated.
 */
final class SyntheticSuppliers {

    /** The n-th supplier's country: this cycle, repeated. */
    private static final List<String> COUNTRIES = List.of("CN", "VN", "CN", "IN", "TR", "CN", "BD", "TH", "CN", "ID",
            "PK", "CN", "MX", "PL", "CN", "DE", "IT", "CN", "BR", "ES", "PT", "CN", "MY", "IN");

    private static final Map<String, List<String>> PLACES = Map.ofEntries(
            Map.entry("CN", List.of("Shenzhen", "Ningbo", "Yiwu", "Xiamen", "Foshan", "Dongguan", "Qingdao", "Hangzhou")),
            Map.entry("VN", List.of("Hai Phong", "Binh Duong", "Da Nang", "Dong Nai")),
            Map.entry("IN", List.of("Tirupur", "Mumbai", "Ludhiana", "Moradabad", "Jaipur")),
            Map.entry("TR", List.of("Istanbul", "Bursa", "Izmir", "Denizli", "Kayseri")),
            Map.entry("BD", List.of("Dhaka", "Gazipur", "Chattogram")),
            Map.entry("TH", List.of("Bangkok", "Chonburi", "Samut Prakan")),
            Map.entry("ID", List.of("Surabaya", "Jepara", "Bandung", "Semarang")),
            Map.entry("PK", List.of("Sialkot", "Karachi", "Faisalabad", "Lahore")),
            Map.entry("MX", List.of("Monterrey", "Guadalajara", "Puebla")),
            Map.entry("PL", List.of("Poznań", "Gdańsk", "Łódź")),
            Map.entry("DE", List.of("Solingen", "Hamburg", "Nuremberg")),
            Map.entry("IT", List.of("Prato", "Milano", "Vicenza")),
            Map.entry("BR", List.of("Caxias do Sul", "São Paulo", "Joinville")),
            Map.entry("ES", List.of("Valencia", "Castellón", "Alicante")),
            Map.entry("PT", List.of("Porto", "Braga", "Aveiro")),
            Map.entry("MY", List.of("Penang", "Johor Bahru", "Selangor")));

    private static final List<String> NAMES = List.of("Huamei", "Everbright", "Golden Bridge", "Sunrise", "Greenfield",
            "Bluewave", "Harmony", "Pioneer", "Orient", "Silverline", "Evergreen", "Starlight");

    private static final List<String> TRADES = List.of("Industrial", "Trading", "Manufacturing", "Home Products",
            "Import & Export", "Textiles", "Technology");

    private static final Map<String, String> SUFFIXES = Map.ofEntries(Map.entry("CN", "Co., Ltd."),
            Map.entry("VN", "Co., Ltd."), Map.entry("IN", "Pvt. Ltd."), Map.entry("TR", "A.Ş."),
            Map.entry("BD", "Ltd."), Map.entry("TH", "Co., Ltd."), Map.entry("ID", "Tbk."), Map.entry("PK", "(Pvt.) Ltd."),
            Map.entry("MX", "S.A. de C.V."), Map.entry("PL", "Sp. z o.o."), Map.entry("DE", "GmbH"),
            Map.entry("IT", "S.r.l."), Map.entry("BR", "Ltda."), Map.entry("ES", "S.L."), Map.entry("PT", "Lda."),
            Map.entry("MY", "Sdn. Bhd."));

    record Supplier(String legalName, CountryCode country, String website) {
    }

    private SyntheticSuppliers() {
    }

    static Supplier supplier(long seed, int number) {
        String country = COUNTRIES.get(number % COUNTRIES.size());
        var random = new SplittableRandom(ListingGenerator.mix(seed ^ (0x5EED_0000L + number)));
        String name = ListingGenerator.pick(random, PLACES.get(country)) + " " + ListingGenerator.pick(random, NAMES)
                + " " + ListingGenerator.pick(random, TRADES);
        // an Indonesian company's form comes first too: "PT ... Tbk."
        String legalName = ("ID".equals(country) ? "PT " : "") + name + " " + SUFFIXES.get(country);
        return new Supplier(legalName, new CountryCode(country),
                "https://s" + number + "-seed" + Long.toUnsignedString(seed) + ".generated.example");
    }
}
