package trade.caravan.accounts.organization;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import trade.caravan.platform.DomainException;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Country;
import trade.caravan.platform.FormErrors;
import trade.caravan.platform.RateLimits;

/** Registering an organization from the web. */
@Controller
class SignUpController {

    private final SignUp signUp;
    private final RateLimits rateLimits;
    private final SignUpSettings settings;
    private final Countries countries;
    private final boolean outboxPage;

    SignUpController(SignUp signUp, RateLimits rateLimits, SignUpSettings settings, Countries countries,
            @Value("${caravan.mail.outbox-page.enabled:true}") boolean outboxPage) {
        this.countries = countries;
        this.signUp = signUp;
        this.rateLimits = rateLimits;
        this.settings = settings;
        this.outboxPage = outboxPage;
    }

    @ModelAttribute("tradeRoles")
    trade.caravan.accounts.TradeRole[] tradeRoles() {
        return trade.caravan.accounts.TradeRole.values();
    }

    @ModelAttribute("countries")
    java.util.List<Country> countries(Locale locale) {
        return countries.all(locale);
    }

    @GetMapping("/signup")
    String form(@ModelAttribute("form") SignUpForm form) {
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String register(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
            Locale locale, Model model) {
        rateLimits.consume("sign-up", request.getRemoteAddr(), settings.perAddressPerHour(), Duration.ofHours(1));
        if (errors.hasErrors()) {
            return "accounts/signup";
        }
        try {
            SignUp.Registration registration = signUp.register(form.toProfile(), form.getEmail(), form.getDisplayName(),
                    form.getPassword(), locale);
            model.addAttribute("email", registration.email());
            model.addAttribute("outboxPage", outboxPage);
            return "accounts/signup-done";
        } catch (DomainException refusal) {
            FormErrors.reject(errors, refusal, ProfileErrors.FIELDS);
            return "accounts/signup";
        }
    }
}
