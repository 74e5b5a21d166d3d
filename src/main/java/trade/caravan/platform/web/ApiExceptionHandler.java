package trade.caravan.platform.web;

import trade.caravan.platform.Problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.platform.RateLimited;

/**
 * Every error of a {@code @RestController} becomes an RFC 9457 problem document in the caller's
 * language. Invalid fields are listed under {@code errors} as {@code {field, code, message}}.
 * Nothing internal (stack traces, SQL, class names) reaches the client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;
    private final MessageSource messages;

    ApiExceptionHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException exception) {
        ProblemDetail problem = problems.of(exception, LocaleContextHolder.getLocale());
        if (exception instanceof InvalidInput invalid) {
            Locale locale = LocaleContextHolder.getLocale();
            problem.setDetail(problems.message("error.validation", new Object[0], locale));
            problem.setProperty("errors", invalid.violations().stream()
                    .map(v -> fieldError(v.field(), v.messageCode(), problems.message(v.messageCode(), v.arguments(), locale)))
                    .toList());
        }
        var response = ResponseEntity.status(problem.getStatus());
        if (exception instanceof RateLimited limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException exception) {
        ProblemDetail problem = problems.of(HttpStatus.FORBIDDEN, "error.forbidden", LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception) {
        Locale locale = LocaleContextHolder.getLocale();
        if (exception.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // a malformed identifier names no resource: same answer as an unknown or foreign one
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(problems.of(DomainException.notFound(), locale));
        }
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.invalid-parameter", locale, exception.getName());
        problem.setProperty("errors", List.of(fieldError(exception.getName(), "typeMismatch",
                problems.message("error.invalid-parameter", new Object[] {exception.getName()}, locale))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unhandled error in API request", exception);
        ProblemDetail problem = problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal",
                LocaleContextHolder.getLocale());
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.validation", locale);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ObjectError error : exception.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
            errors.add(fieldError(field, error.getCode(), messages.getMessage(error, locale)));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.validation", locale);
        List<Map<String, Object>> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(fieldError(result.getMethodParameter().getParameterName(),
                        error.getCodes() == null || error.getCodes().length == 0 ? null : error.getCodes()[0],
                        messages.getMessage(error, locale)))));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.validation", locale);
        problem.setProperty("errors", List.of(fieldError(exception.getParameterName(), "NotBlank",
                problems.message("jakarta.validation.constraints.NotBlank.message", new Object[0], locale))));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.unreadable-body",
                LocaleContextHolder.getLocale());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Locale locale = LocaleContextHolder.getLocale();
            problem.setTitle(problems.message("problem.title." + statusCode.value(), new Object[0], locale,
                    problem.getTitle() == null ? "" : problem.getTitle()));
        }
        return super.handleExceptionInternal(exception, body, headers, statusCode, request);
    }

    private static Map<String, Object> fieldError(@Nullable String field, @Nullable String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.put("message", message);
        return error;
    }
}
