package trade.caravan.journeys;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** The interface's texts in a journey's language, from the application's own bundles. */
record Texts(MessageSource messages, Locale locale) {

    String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments.length == 0 ? null : arguments, locale);
    }
}
