package trade.caravan.reference;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/** ISO 3166-1 countries and territories with their regions and currencies. */
@Service
public class Countries {

    private static final String SELECT = """
            select code, alpha3, numeric_code, name, name_zh, region_code, region_name, sub_region_code,
                   sub_region_name, intermediate_region_code, intermediate_region_name, currencies, capital, independent
            from reference.country
            """;

    private final JdbcClient jdbc;

    Countries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether ISO 3166-1 has this code (as a country or territory). */
    public boolean exists(CountryCode code) {
        return find(code).isPresent();
    }

    public Optional<Country> find(CountryCode code) {
        return jdbc.sql(SELECT + " where code = ?").param(code.value()).query(Countries::country).optional();
    }

    /** Every country, sorted by its name in {@code locale} the way a reader of that language expects. */
    public List<Country> all(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return jdbc.sql(SELECT).query(Countries::country).list().stream()
                .sorted(Comparator.comparing((Country country) -> country.displayName(locale), collator))
                .toList();
    }

    /** The countries that use a currency, by code. */
    public List<Country> using(CurrencyCode currency) {
        return jdbc.sql(SELECT + " where ? = any(currencies) order by code")
                .param(currency.value()).query(Countries::country).list();
    }

    private static Country country(ResultSet row, int number) throws SQLException {
        return new Country(
                new CountryCode(row.getString("code")),
                row.getString("alpha3"),
                row.getString("numeric_code"),
                row.getString("name"),
                row.getString("name_zh"),
                region(row, "region"),
                region(row, "sub_region"),
                region(row, "intermediate_region"),
                currencies(row.getArray("currencies")),
                row.getString("capital"),
                row.getBoolean("independent"));
    }

    private static @Nullable Region region(ResultSet row, String prefix) throws SQLException {
        String name = row.getString(prefix + "_name");
        int code = row.getInt(prefix + "_code");
        return row.wasNull() || name == null ? null : new Region(code, name);
    }

    private static List<CurrencyCode> currencies(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(CurrencyCode::new).toList();
    }
}
