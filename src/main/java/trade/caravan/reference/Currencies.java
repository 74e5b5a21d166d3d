package trade.caravan.reference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import trade.caravan.shared.CurrencyCode;

/** ISO 4217 currencies, current and withdrawn. */
@Service
public class Currencies {

    private static final String SELECT = "select code, numeric_code, name, minor_units, withdrawn from reference.currency";

    private final JdbcClient jdbc;

    Currencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the code is a current ISO 4217 currency, one that prices and payments may use. */
    public boolean exists(CurrencyCode code) {
        return find(code).filter(Currency::current).isPresent();
    }

    /** The currency, current or withdrawn. */
    public Optional<Currency> find(CurrencyCode code) {
        return jdbc.sql(SELECT + " where code = ?").param(code.value()).query(Currencies::currency).optional();
    }

    /** Decimal places of the minor unit (2 for EUR, 0 for JPY); empty for unknown codes and for "N.A." (gold, SDR). */
    public OptionalInt minorUnits(CurrencyCode code) {
        return find(code).map(Currency::minorUnits).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** Current currencies by code, and withdrawn ones after them if asked for. */
    public List<Currency> all(boolean includeWithdrawn) {
        return jdbc.sql(SELECT + (includeWithdrawn ? "" : " where withdrawn is null")
                        + " order by withdrawn is not null, code")
                .query(Currencies::currency).list();
    }

    private static Currency currency(ResultSet row, int number) throws SQLException {
        int minorUnits = row.getInt("minor_units");
        Integer units = row.wasNull() ? null : minorUnits;
        return new Currency(new CurrencyCode(row.getString("code")), row.getString("numeric_code"),
                row.getString("name"), units, row.getString("withdrawn"));
    }
}
