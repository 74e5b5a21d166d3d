package trade.caravan.reference.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.platform.DomainException;
import trade.caravan.reference.DeliveryPlace;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.IncotermGuidance;
import trade.caravan.reference.Incoterms;
import trade.caravan.shared.CountryCode;

/**
 * The guidance for one Incoterms® 2020 rule on one lane, as an HTML fragment for htmx: the RFQ
 * form asks for it ({@code hx-get}) whenever the rule or the places change. Public, like the rest
 * of the reference data. A rule that is not one of the eleven is refused with status 400 and the
 * translated error; a country that is missing, malformed or unknown only leaves out the lane's
 * documents, because the form asks while the buyer is still choosing.
 */
@Controller
@RequestMapping("/reference/incoterms")
class GuidanceController {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final IncotermGuidance guidance;
    private final MessageSource messages;

    GuidanceController(IncotermGuidance guidance, MessageSource messages) {
        this.guidance = guidance;
        this.messages = messages;
    }

    @GetMapping("/guidance")
    String guidance(@RequestParam(defaultValue = "") String rule, @RequestParam(defaultValue = "") String origin,
            @RequestParam(defaultValue = "") String destination,
            @RequestParam(defaultValue = "SELLERS_PREMISES") String place,
            Model model, HttpServletResponse response, Locale locale) {
        Incoterm incoterm;
        DeliveryPlace deliveryPlace;
        try {
            incoterm = Incoterms.parse(rule);
            deliveryPlace = deliveryPlace(place);
        } catch (DomainException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", messages.getMessage(refused.messageCode(), refused.arguments(), locale));
            return "reference/guidance :: refusal";
        }
        model.addAttribute("guidance", guidance.guide(incoterm, deliveryPlace, country(origin), country(destination)));
        return "reference/guidance :: guidance(guidance=${guidance})";
    }

    private static DeliveryPlace deliveryPlace(String place) {
        return Arrays.stream(DeliveryPlace.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(place.strip().replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID,
                        "error.reference.guidance.place-unknown"));
    }

    private static @Nullable CountryCode country(String code) {
        return COUNTRY.matcher(code.strip()).matches() ? CountryCode.of(code) : null;
    }
}
