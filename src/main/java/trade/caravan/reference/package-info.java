/**
 * Reference data: the HS 2022 nomenclature, UN/LOCODE trade and transport locations, ISO 3166
 * countries with their regions and currencies, ISO 4217 currencies, ECB euro reference rates and
 * the Incoterms 2020 rules. Openly licensed files are bundled with the application and copied into
 * the database at first start ({@code load}); everything here is read-only and public.
 *
 * <p>API for other modules: {@link trade.caravan.reference.Countries},
 * {@link trade.caravan.reference.Currencies}, {@link trade.caravan.reference.HsNomenclature},
 * {@link trade.caravan.reference.Locations}, {@link trade.caravan.reference.ExchangeRates},
 * {@link trade.caravan.reference.Incoterm}, {@link trade.caravan.reference.Incoterms}, and
 * {@link trade.caravan.reference.IncotermGuidance}, which explains a rule stage by stage for one trade
 * lane (the fragment {@code reference/guidance :: guidance(guidance)} renders its answer), with the
 * {@link trade.caravan.reference.TradeDocument} list whose names are under {@code trade-document.<NAME>}.
 */
@ApplicationModule(displayName = "Reference data", allowedDependencies = {"shared", "platform"})
@NullMarked
package trade.caravan.reference;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
