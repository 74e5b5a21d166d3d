package trade.caravan.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import trade.caravan.platform.SupportedLocales;

/**
 * The user's language: chosen with the selector ({@code ?lang=zh-CN}, remembered in a cookie),
 * else negotiated from {@code Accept-Language} among the supported locales, else English.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("CARAVAN_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return SupportedLocales.DEFAULT;
            }
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
                Locale match = Locale.lookup(ranges, SupportedLocales.ALL);
                return match == null ? SupportedLocales.nearest(ranges) : SupportedLocales.normalize(match);
            } catch (IllegalArgumentException e) {
                return SupportedLocales.DEFAULT;
            }
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                Locale parsed = super.parseLocaleValue(value);
                return parsed == null ? null : SupportedLocales.normalize(parsed);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
