package trade.caravan.accounts.organization;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Country choices for the organization forms, named in the user's language. */
final class CountryChoices {

    record Choice(String code, String name) {
    }

    private CountryChoices() {
    }

    static List<Choice> in(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Choice(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Choice::name, collator))
                .toList();
    }
}
