package trade.caravan.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;


/**
 * Builds RFC 9457 problem details in the caller's language; the one mapping of domain errors to
 * HTTP. Filters that answer before Spring MVC (authentication, idempotency) write through
 * {@link #write}, so every error has the same shape.
 */
@Component
public class Problems {

    static final String TYPE_BASE = "https://caravan.trade/problems/";

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Writes a problem response directly (for filters running outside Spring MVC). */
    public void write(HttpServletResponse response, HttpStatus status, String messageCode, Object... arguments)
            throws IOException {
        ProblemDetail problem = of(status, messageCode, LocaleContextHolder.getLocale(), arguments);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(asMap(problem)));
    }

    public static HttpStatus status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case GONE -> HttpStatus.GONE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    public ProblemDetail of(DomainException exception, Locale locale) {
        HttpStatus status = status(exception.kind());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                message(exception.messageCode(), exception.arguments(), locale));
        problem.setType(URI.create(TYPE_BASE + exception.messageCode().replaceFirst("^error\\.", "").replace('.', '-')));
        problem.setTitle(message("problem.title." + status.value(), new Object[0], locale, status.getReasonPhrase()));
        problem.setProperty("code", exception.messageCode());
        return problem;
    }

    public ProblemDetail of(HttpStatus status, String messageCode, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(messageCode, arguments, locale));
        problem.setTitle(message("problem.title." + status.value(), new Object[0], locale, status.getReasonPhrase()));
        problem.setProperty("code", messageCode);
        return problem;
    }

    /** The problem as RFC 9457 members, extension members flattened, for writers outside Spring MVC. */
    public static java.util.Map<String, Object> asMap(ProblemDetail problem) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    public String message(String code, Object[] arguments, Locale locale) {
        return message(code, arguments, locale, code);
    }

    public String message(String code, Object[] arguments, Locale locale, String fallback) {
        try {
            return messages.getMessage(code, arguments, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }
}
