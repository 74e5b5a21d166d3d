package trade.caravan.catalog.product;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.FormErrors;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Country;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.Currency;
import trade.caravan.reference.HsEntry;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.reference.Location;
import trade.caravan.reference.LocationQuery;
import trade.caravan.reference.Locations;
import trade.caravan.reference.TransportFunction;
import trade.caravan.shared.CurrencyCode;

/** The supplier's product pages: list, create, edit, publish, take offline, archive. */
@Controller
@RequestMapping("/catalog/products")
@PreAuthorize("hasAuthority('organization:view')")
class ProductsController {

    private final ProductManagement products;
    private final IndicativePrices prices;
    private final Countries countries;
    private final Currencies currencies;
    private final HsNomenclature hs;
    private final Locations locations;

    ProductsController(ProductManagement products, IndicativePrices prices, Countries countries,
            Currencies currencies, HsNomenclature hs, Locations locations) {
        this.products = products;
        this.prices = prices;
        this.countries = countries;
        this.currencies = currencies;
        this.hs = hs;
        this.locations = locations;
    }

    @ModelAttribute("countries")
    List<Country> countries(Locale locale) {
        return countries.all(locale);
    }

    @ModelAttribute("currencies")
    List<Currency> currencies() {
        return currencies.all(false);
    }

    @ModelAttribute("units")
    UnitOfMeasure[] units() {
        return UnitOfMeasure.values();
    }

    @ModelAttribute("certificationKinds")
    CertificationKind[] certificationKinds() {
        return CertificationKind.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProductStatus.values());
        model.addAttribute("products", products.page(status, cursor, CursorPage.DEFAULT_LIMIT));
        return "catalog/products";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('trade:act')")
    String newProduct(Model model) {
        model.addAttribute("form", ProductForm.blank());
        return "catalog/product-form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('trade:act')")
    String create(@AuthenticationPrincipal MemberPrincipal member, @ModelAttribute("form") ProductForm form,
            BindingResult errors, HttpServletResponse response, RedirectAttributes redirect) {
        form.compact();
        try {
            ProductView created = products.create(member, form.toDetails(minorDigits(form.getCurrency())));
            redirect.addFlashAttribute("saved", "created");
            return "redirect:/catalog/products/" + created.id();
        } catch (DomainException refusal) {
            return refused(form, errors, refusal, response);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        ProductView product = products.find(new ProductId(id));
        model.addAttribute("product", product);
        model.addAttribute("form", ProductForm.of(product, minorDigits(product.details().currency().value())));
        return "catalog/product-form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('trade:act')")
    String revise(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @ModelAttribute("form") ProductForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("product", products.find(new ProductId(id)));
        form.compact();
        try {
            products.revise(member, new ProductId(id), form.toDetails(minorDigits(form.getCurrency())),
                    form.getVersion());
            redirect.addFlashAttribute("saved", "revised");
            return "redirect:/catalog/products/" + id;
        } catch (DomainException refusal) {
            return refused(form, errors, refusal, response);
        }
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('trade:act')")
    String publish(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, RedirectAttributes redirect) {
        products.publish(member, new ProductId(id));
        redirect.addFlashAttribute("saved", "published");
        return "redirect:/catalog/products/" + id;
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('trade:act')")
    String withdraw(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, RedirectAttributes redirect) {
        products.withdraw(member, new ProductId(id));
        redirect.addFlashAttribute("saved", "withdrawn");
        return "redirect:/catalog/products/" + id;
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('trade:act')")
    String archive(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, RedirectAttributes redirect) {
        products.archive(member, new ProductId(id));
        redirect.addFlashAttribute("saved", "archived");
        return "redirect:/catalog/products/" + id;
    }

    /**
     * Type-ahead for the HS code field: {@code <option>}s for a {@code <datalist>}. htmx sends the
     * field as the form names it, so the text typed arrives as {@code hsCode}.
     */
    @GetMapping("/suggest/hs")
    String suggestHs(@RequestParam(name = "hsCode", defaultValue = "") String q, Model model) {
        List<HsEntry> entries = q.isBlank() ? List.of() : hs.search(q, null, 10).items();
        model.addAttribute("options", entries.stream()
                .map(e -> new Option(e.code(), e.code() + " " + e.description())).toList());
        return "catalog/suggestions :: options";
    }

    /**
     * Type-ahead for the port of loading: UN/LOCODE locations with a port or airport function; the
     * text typed arrives as the field's name, {@code portOfLoading}.
     */
    @GetMapping("/suggest/ports")
    String suggestPorts(@RequestParam(name = "portOfLoading", defaultValue = "") String q, Model model) {
        List<Location> found = q.isBlank() ? List.of()
                : locations.search(new LocationQuery(q, TransportFunction.PORT, null), null, 10).items();
        model.addAttribute("options", found.stream()
                .map(l -> new Option(l.unlocode().value(), l.unlocode().value() + " " + l.name())).toList());
        return "catalog/suggestions :: options";
    }

    record Option(String value, String label) {
    }

    private String refused(ProductForm form, BindingResult errors, DomainException refusal,
            HttpServletResponse response) {
        if (refusal.kind() == DomainException.Kind.FORBIDDEN || refusal.kind() == DomainException.Kind.NOT_FOUND) {
            throw refusal;
        }
        response.setStatus(refusal.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
        FormErrors.reject(errors, refusal, java.util.Map.of());
        form.pad();
        return "catalog/product-form";
    }

    private int minorDigits(String currency) {
        try {
            return prices.minorDigits(CurrencyCode.of(currency));
        } catch (IllegalArgumentException | DomainException unknown) {
            return 2;
        }
    }
}
