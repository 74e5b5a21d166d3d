package trade.caravan.platform.web;

import trade.caravan.platform.Problems;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Errors raised outside a controller (unknown path, refused by a filter, container errors):
 * API clients get problem details, people get a friendly page in their language. Never a stack
 * trace, never the original exception message.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = status(request);
        if (isApi(request)) {
            return "forward:/error/problem";
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageCode", messageCode(status));
        return "error";
    }

    @RequestMapping({"/error", "/error/problem"})
    @ResponseBody
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.of(status, messageCode(status), locale);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(java.net.URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && path.startsWith("/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static String messageCode(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.not-found";
            case FORBIDDEN -> "error.forbidden";
            case UNAUTHORIZED -> "error.unauthorized";
            case METHOD_NOT_ALLOWED -> "error.method-not-allowed";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "error.too-large";
            case TOO_MANY_REQUESTS -> "error.rate-limited-generic";
            case BAD_REQUEST -> "error.bad-request";
            default -> status.is4xxClientError() ? "error.bad-request" : "error.internal";
        };
    }
}
