package trade.caravan.reference.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** ISO 3166-1 countries with UN M49 regions and currencies, from datasets/country-codes. */
@Component
class CountryCodesDataset implements ReferenceDataset {

    static final String FILE = "countries/country-codes.csv";
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");
    private static final Pattern ALPHA_3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]{1,3}");

    private final String file;

    CountryCodesDataset() {
        this(FILE);
    }

    CountryCodesDataset(String file) {
        this.file = file;
    }

    @Override
    public Description description() {
        return new Description("countries", 1, List.of(file), List.of("reference.country"));
    }

    @Override
    public LoadReport load(Connection connection) throws IOException, SQLException {
        Rejections rejections = new Rejections(file);
        Set<String> seen = new HashSet<>();
        long read = 0;
        try (CsvTable table = CsvTable.open(file, 1_000);
             CopyRows copy = CopyRows.into(connection, "reference.country", "code", "alpha3", "numeric_code", "name",
                     "official_name", "name_zh", "region_code", "region_name", "sub_region_code", "sub_region_name",
                     "intermediate_region_code", "intermediate_region_name", "currencies", "capital", "continent",
                     "independent", "least_developed", "landlocked_developing", "small_island_developing")) {
            int alpha2 = table.column("ISO3166-1-Alpha-2");
            int alpha3 = table.column("ISO3166-1-Alpha-3");
            int numeric = table.column("ISO3166-1-numeric");
            int cldrName = table.column("CLDR display name");
            int officialEn = table.column("official_name_en");
            int officialZh = table.column("official_name_cn");
            int regionCode = table.column("Region Code");
            int regionName = table.column("Region Name");
            int subRegionCode = table.column("Sub-region Code");
            int subRegionName = table.column("Sub-region Name");
            int intermediateCode = table.column("Intermediate Region Code");
            int intermediateName = table.column("Intermediate Region Name");
            int currencies = table.column("ISO4217-currency_alphabetic_code");
            int capital = table.column("Capital");
            int continent = table.column("Continent");
            int independent = table.column("is_independent");
            int ldc = table.column("Least Developed Countries (LDC)");
            int lldc = table.column("Land Locked Developing Countries (LLDC)");
            int sids = table.column("Small Island Developing States (SIDS)");
            for (CsvTable.Row row : table) {
                read++;
                try {
                    String code = Fields.matching(row.get(alpha2), ALPHA_2, "alpha-2 code");
                    if (!seen.add(code)) {
                        throw new RowRejected("duplicate code " + code);
                    }
                    String official = Fields.text(row.get(officialEn), 200, "official name");
                    String name = Fields.text(row.get(cldrName), 200, "name");
                    if (name == null && official == null) {
                        throw new RowRejected("no name");
                    }
                    copy.add(code,
                            Fields.matching(row.get(alpha3), ALPHA_3, "alpha-3 code"),
                            String.format("%03d", Integer.parseInt(Fields.matching(row.get(numeric), NUMERIC, "numeric code"))),
                            name == null ? official : name,
                            official,
                            Fields.text(row.get(officialZh), 200, "Chinese name"),
                            Fields.smallNumber(row.get(regionCode), "region code"),
                            Fields.text(row.get(regionName), 100, "region"),
                            Fields.smallNumber(row.get(subRegionCode), "sub-region code"),
                            Fields.text(row.get(subRegionName), 100, "sub-region"),
                            Fields.smallNumber(row.get(intermediateCode), "intermediate region code"),
                            Fields.text(row.get(intermediateName), 100, "intermediate region"),
                            currencies(row.get(currencies)),
                            Fields.text(row.get(capital), 100, "capital"),
                            Fields.text(row.get(continent), 2, "continent"),
                            "Yes".equals(row.get(independent).strip()),
                            flag(row.get(ldc)),
                            flag(row.get(lldc)),
                            flag(row.get(sids)));
                } catch (RowRejected e) {
                    rejections.add(row.line(), e);
                }
            }
            long stored = copy.finish();
            return new LoadReport(stored, rejections.check(read));
        }
    }

    /** "NAD,ZAR" → [NAD, ZAR]; countries without a currency of their own (Antarctica) have none. */
    private static List<String> currencies(String raw) throws RowRejected {
        List<String> codes = new ArrayList<>();
        for (String part : Arrays.asList(raw.split(","))) {
            String code = part.replace('\u00A0', ' ').strip();
            if (code.isEmpty()) {
                continue;
            }
            if (!ALPHA_3.matcher(code).matches()) {
                throw new RowRejected("currency code " + code + " is not ISO 4217");
            }
            codes.add(code);
        }
        return codes;
    }

    private static boolean flag(String raw) {
        return "x".equalsIgnoreCase(raw.strip());
    }
}
