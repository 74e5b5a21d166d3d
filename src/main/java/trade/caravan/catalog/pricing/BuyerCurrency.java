package trade.caravan.catalog.pricing;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.platform.Tenancy;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Currencies;
import trade.caravan.shared.CurrencyCode;

/**
 * The currency a buyer reads prices in: the one chosen on the page ({@code ?currency=EUR},
 * remembered in a cookie), else the currency of the signed-in organization's country, else the
 * currency of the reader's language (Chinese: CNY), else US dollars. Only current ISO 4217
 * currencies are accepted; anything else falls through to the next rule.
 */
@Component
public class BuyerCurrency {

    static final String PARAMETER = "currency";
    static final String COOKIE = "CARAVAN_CURRENCY";
    private static final CurrencyCode DOLLAR = new CurrencyCode("USD");
    private static final CurrencyCode YUAN = new CurrencyCode("CNY");

    private final Currencies currencies;
    private final Countries countries;
    private final OrganizationDirectory organizations;
    private final Tenancy tenancy;

    BuyerCurrency(Currencies currencies, Countries countries, OrganizationDirectory organizations, Tenancy tenancy) {
        this.currencies = currencies;
        this.countries = countries;
        this.organizations = organizations;
        this.tenancy = tenancy;
    }

    /** Resolves the buyer's currency and, when the request chose one, remembers it. */
    public CurrencyCode resolve(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<CurrencyCode> chosen = current(request.getParameter(PARAMETER));
        if (chosen.isPresent()) {
            var cookie = new Cookie(COOKIE, chosen.get().value());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            cookie.setSecure(request.isSecure());
            response.addCookie(cookie);
            return chosen.get();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<CurrencyCode> remembered = current(cookie.getValue());
                    if (remembered.isPresent()) {
                        return remembered.get();
                    }
                }
            }
        }
        return tenancy.currentOrganization()
                .flatMap(organizations::find)
                .flatMap(organization -> countries.find(organization.country()))
                .flatMap(country -> country.currencies().stream().filter(this::isCurrent).findFirst())
                .orElse("zh".equals(locale.getLanguage()) ? YUAN : DOLLAR);
    }

    private Optional<CurrencyCode> current(@Nullable String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        CurrencyCode currency = CurrencyCode.of(code);
        return isCurrent(currency) ? Optional.of(currency) : Optional.empty();
    }

    private boolean isCurrent(CurrencyCode currency) {
        return currencies.find(currency).map(found -> found.current()).orElse(false);
    }
}
