package trade.caravan.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * The reference module on its own: loads its bundled data and answers lookups without the rest.
 * (The platform is included explicitly: the module uses its types, and the clock it defines.)
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
class ReferenceModuleTests {

    @Autowired
    Countries countries;
    @Autowired
    HsNomenclature hs;
    @Autowired
    ExchangeRates rates;
    @Autowired
    ApplicationContext context;

    @Test
    void answersLookupsWithoutTheModulesAboveIt() {
        assertThat(context.containsBean("memberManagement")).isFalse();
        assertThat(countries.exists(new CountryCode("CN"))).isTrue();
        assertThat(countries.exists(new CountryCode("XX"))).isFalse();
        assertThat(hs.find(new HsCode("0901"))).isPresent();
        assertThat(rates.rate(new CurrencyCode("USD"), new CurrencyCode("EUR"), LocalDate.of(2024, 3, 15)).rate())
                .isPositive();
    }
}
