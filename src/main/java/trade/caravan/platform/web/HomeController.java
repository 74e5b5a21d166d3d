package trade.caravan.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page; what a visitor or a member sees first. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
