package trade.caravan.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import trade.caravan.shared.CurrencyCode;

@Repository
class JdbcEcbRateHistory implements EcbRateHistory {

    private final JdbcClient jdbc;

    JdbcEcbRateHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LocalDate> firstPublication() {
        return jdbc.sql("select min(day) from reference.ecb_publication").query(LocalDate.class).optional();
    }

    @Override
    public Optional<LocalDate> publicationOnOrBefore(LocalDate day) {
        return jdbc.sql("select max(day) from reference.ecb_publication where day <= ?")
                .param(day).query(LocalDate.class).optional();
    }

    @Override
    public Optional<BigDecimal> perEuro(CurrencyCode currency, LocalDate publication) {
        return jdbc.sql("select (rates ->> ?)::numeric from reference.ecb_publication where day = ?")
                .param(currency.value()).param(publication).query(BigDecimal.class).optional();
    }

    @Override
    public Optional<Coverage> coverage(CurrencyCode currency) {
        return jdbc.sql("select first_day, last_day from reference.ecb_series where currency = ?")
                .param(currency.value())
                .query((row, number) -> new Coverage(row.getObject("first_day", LocalDate.class),
                        row.getObject("last_day", LocalDate.class)))
                .optional();
    }

    @Override
    public List<CurrencyCode> quoted() {
        return jdbc.sql("select currency from reference.ecb_series order by currency")
                .query((row, number) -> new CurrencyCode(row.getString("currency"))).list();
    }
}
