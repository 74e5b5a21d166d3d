package trade.caravan.catalog.media;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the product pages (whose media section is this package's fragment) the upload limits to show. */
@ControllerAdvice(basePackages = "trade.caravan.catalog.product")
class ProductPageMedia {

    private final MediaLimits limits;

    ProductPageMedia(MediaSettings settings) {
        this.limits = MediaLimits.of(settings);
    }

    @ModelAttribute("mediaLimits")
    MediaLimits mediaLimits() {
        return limits;
    }
}
