package trade.caravan.platform.web;

import trade.caravan.platform.Problems;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.RateLimited;

/**
 * Domain refusals that a page controller did not turn into form errors itself end on the error
 * page with the translated reason and the right status.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(DomainException.class)
    String domain(DomainException exception, HttpServletResponse response, Model model) {
        int status = Problems.status(exception.kind()).value();
        response.setStatus(status);
        if (exception instanceof RateLimited limited) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        model.addAttribute("status", status);
        model.addAttribute("messageCode", exception.messageCode());
        model.addAttribute("messageArguments", exception.arguments());
        return "error";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("messageCode", "error.not-found");
        return "error";
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("messageCode", "error.forbidden");
        return "error";
    }
}
