package trade.caravan.sourcing.negotiation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.catalog.AttachmentScreening;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductOutline;
import trade.caravan.catalog.ProductOutlines;
import trade.caravan.catalog.ScreenedFile;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.FormErrors;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.Currency;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.IncotermGuidance;
import trade.caravan.reference.Incoterms;
import trade.caravan.reference.Location;
import trade.caravan.reference.LocationQuery;
import trade.caravan.reference.Locations;
import trade.caravan.reference.TradeDocument;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.GoverningLaw;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.PaymentTerms;
import trade.caravan.sourcing.RfqId;

/** The sourcing pages: the negotiation inbox, RFQs (list, form, detail), and a negotiation's thread. */
@Controller
@RequestMapping("/sourcing")
@PreAuthorize("hasAuthority('organization:view')")
class SourcingPages {

    static final int SUPPLIER_CHOICES = 50;

    private final Requesting requesting;
    private final Negotiating negotiating;
    private final ProductOutlines products;
    private final AttachmentScreening screening;
    private final Currencies currencies;
    private final Locations locations;
    private final IncotermGuidance guidance;
    private final OrganizationDirectory directory;
    private final Clock clock;

    SourcingPages(Requesting requesting, Negotiating negotiating, ProductOutlines products,
            AttachmentScreening screening, Currencies currencies, Locations locations, IncotermGuidance guidance,
            OrganizationDirectory directory, Clock clock) {
        this.guidance = guidance;
        this.directory = directory;
        this.requesting = requesting;
        this.negotiating = negotiating;
        this.products = products;
        this.screening = screening;
        this.currencies = currencies;
        this.locations = locations;
        this.clock = clock;
    }

    @ModelAttribute("units")
    UnitOfMeasure[] units() {
        return UnitOfMeasure.values();
    }

    @ModelAttribute("currencies")
    List<Currency> currencies() {
        return currencies.all(false);
    }

    @ModelAttribute("incoterms")
    Incoterm[] incoterms() {
        return Incoterm.values();
    }

    @ModelAttribute("paymentTerms")
    PaymentTerms[] paymentTerms() {
        return PaymentTerms.values();
    }

    @ModelAttribute("documentKinds")
    TradeDocument[] documentKinds() {
        return TradeDocument.values();
    }

    @GetMapping
    String home() {
        return "redirect:/sourcing/negotiations";
    }

    @GetMapping("/negotiations")
    String inbox(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        model.addAttribute("negotiations", negotiating.inbox(member, cursor, CursorPage.DEFAULT_LIMIT));
        return "sourcing/inbox";
    }

    /** The inbox table alone, for live refresh. */
    @GetMapping("/negotiations/list")
    String inboxList(@AuthenticationPrincipal MemberPrincipal member, Model model) {
        model.addAttribute("negotiations", negotiating.inbox(member, null, CursorPage.DEFAULT_LIMIT));
        return "sourcing/inbox :: list";
    }

    /** The unread count for the navigation badge. */
    @GetMapping("/unread")
    String unread(@AuthenticationPrincipal MemberPrincipal member, Model model) {
        model.addAttribute("unread", negotiating.unreadTotal(member));
        return "sourcing/inbox :: badge";
    }

    @GetMapping("/rfqs")
    String rfqs(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        model.addAttribute("rfqs", requesting.sent(member, cursor, CursorPage.DEFAULT_LIMIT));
        return "sourcing/rfqs";
    }

    @GetMapping("/rfqs/new")
    @PreAuthorize("hasAuthority('trade:act')")
    String newRfq(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(required = false) @Nullable UUID product,
            Locale locale, Model model) {
        var form = new RfqForm();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        form.setReplyDeadline(today.plusDays(14).toString());
        form.setDeliveryDate(today.plusDays(60).toString());
        if (product != null) {
            ProductOutline outline = products.published(new ProductId(product), locale)
                    .orElseThrow(DomainException::notFound);
            form.setProductId(outline.id().toString());
            form.setHsCode(outline.hsCode().value());
            form.setTitle(outline.title());
            form.setDescription(outline.description());
            outline.specifications().forEach(s -> {
                var row = new RfqForm.Row();
                row.setName(s.name());
                row.setValue(s.value());
                form.getSpecifications().add(row);
            });
            form.setQuantity(TermSheetDiff.quantity(outline.minimumOrderQuantity()));
            form.setUnit(outline.unit().code());
            form.setCurrency(outline.currency().value());
            if (!outline.supplier().equals(member.organizationId())) {
                form.getSuppliers().add(outline.supplier().value());
            }
            model.addAttribute("product", outline);
        }
        form.pad();
        return rfqForm(member, form, model);
    }

    @PostMapping("/rfqs")
    @PreAuthorize("hasAuthority('trade:act')")
    String sendRfq(@AuthenticationPrincipal MemberPrincipal member, @ModelAttribute("form") RfqForm form,
            BindingResult errors, @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            List<ScreenedFile> screened = screen(files);
            Requesting.Sent sent = requesting.send(member, form.toTerms(this::digits), form.audienceChosen(),
                    form.getSuppliers().stream().map(OrganizationId::new).toList(), screened);
            redirect.addFlashAttribute("sent", sent.negotiations().size());
            return "redirect:/sourcing/rfqs/" + sent.rfq();
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.FORBIDDEN) {
                throw refusal;
            }
            response.setStatus(status(refusal));
            FormErrors.reject(errors, refusal, java.util.Map.of());
            form.pad();
            return rfqForm(member, form, model);
        }
    }

    @GetMapping("/rfqs/{id}")
    String rfq(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, Model model) {
        RfqView rfq = requesting.find(member, new RfqId(id));
        model.addAttribute("rfq", rfq);
        model.addAttribute("negotiations", negotiating.ofRfq(member, rfq.id()));
        model.addAttribute("digits", digits(rfq.terms().currency()));
        return "sourcing/rfq";
    }

    @GetMapping("/negotiations/{id}")
    String negotiation(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, Locale locale,
            Model model) {
        NegotiationView view = show(member, id, locale, model);
        if (!model.containsAttribute("offerForm")) {
            model.addAttribute("offerForm", offerForm(view));
        }
        return "sourcing/negotiation";
    }

    /**
     * The thread alone (state, offers, timeline, actions), for live refresh; marks it read. With
     * {@code since}, the last timeline entry the page shows, it answers 204 (htmx keeps the page as
     * it is, with any error shown in it) when nothing happened since.
     */
    @GetMapping("/negotiations/{id}/panel")
    @Nullable
    String panel(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Long since, Locale locale, Model model,
            org.springframework.security.web.csrf.CsrfToken csrf, HttpServletResponse response) {
        // the fragment's forms need the token; reading it now saves the session before any output is written
        csrf.getToken();
        NegotiationView view = show(member, id, locale, model);
        if (since != null && since == view.lastSeq()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null; // with the response among its arguments, the request counts as handled
        }
        return "sourcing/negotiation :: panel";
    }

    @PostMapping("/negotiations/{id}/messages")
    @PreAuthorize("hasAuthority('trade:act')")
    String message(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            RedirectAttributes redirect) {
        try {
            negotiating.message(member, new NegotiationId(id), body, screen(files));
        } catch (DomainException refusal) {
            refuse(refusal, redirect, "messageError");
            redirect.addFlashAttribute("draft", body);
        }
        return "redirect:/sourcing/negotiations/" + id + "#timeline";
    }

    @PostMapping("/negotiations/{id}/offers")
    @PreAuthorize("hasAuthority('trade:act')")
    String offer(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @ModelAttribute("offerForm") OfferForm form, BindingResult errors, Locale locale, Model model,
            HttpServletResponse response) {
        try {
            negotiating.offer(member, new NegotiationId(id), form.toTermSheet(this::digits));
            return "redirect:/sourcing/negotiations/" + id;
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.FORBIDDEN || refusal.kind() == DomainException.Kind.NOT_FOUND) {
                throw refusal;
            }
            response.setStatus(status(refusal));
            FormErrors.reject(errors, refusal, java.util.Map.of());
            form.pad();
            show(member, id, locale, model);
            model.addAttribute("offerFormOpen", true);
            return "sourcing/negotiation";
        }
    }

    @PostMapping("/negotiations/{id}/accept")
    @PreAuthorize("hasAuthority('trade:act')")
    String accept(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, @RequestParam int offer,
            @RequestParam(defaultValue = "CISG_SELLER") GoverningLaw governingLaw, RedirectAttributes redirect) {
        try {
            negotiating.accept(member, new NegotiationId(id), offer, governingLaw);
        } catch (DomainException refusal) {
            refuse(refusal, redirect, "actionError");
        }
        return "redirect:/sourcing/negotiations/" + id;
    }

    @PostMapping("/negotiations/{id}/decline")
    @PreAuthorize("hasAuthority('trade:act')")
    String decline(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer offer,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            negotiating.decline(member, new NegotiationId(id), offer, reason);
        } catch (DomainException refusal) {
            refuse(refusal, redirect, "actionError");
        }
        return "redirect:/sourcing/negotiations/" + id;
    }

    @PostMapping("/negotiations/{id}/withdraw")
    @PreAuthorize("hasAuthority('trade:act')")
    String withdraw(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            negotiating.withdraw(member, new NegotiationId(id), reason);
        } catch (DomainException refusal) {
            refuse(refusal, redirect, "actionError");
        }
        return "redirect:/sourcing/negotiations/" + id;
    }

    /**
     * The Incoterms guidance for the rule chosen on the RFQ form: who pays and who bears the risk
     * at each stage, and the documents usually needed from the product's origin to the buyer.
     */
    @GetMapping("/guidance")
    String guidance(@RequestParam(defaultValue = "FOB") String incoterm,
            @RequestParam(required = false) @Nullable String origin,
            @RequestParam(required = false) @Nullable String destination, Model model) {
        model.addAttribute("guidance", guidance.guide(Incoterms.parse(incoterm), country(origin), country(destination)));
        return "reference/guidance :: guidance(guidance=${guidance})";
    }

    private static @Nullable CountryCode country(@Nullable String code) {
        return code == null || !code.strip().matches("[A-Za-z]{2}") ? null : CountryCode.of(code.strip());
    }

    /** Type-ahead for the named place: any UN/LOCODE location; the text arrives as the field's name. */
    @GetMapping("/suggest/places")
    String suggestPlaces(@RequestParam(name = "place", defaultValue = "") String q, Model model) {
        List<Location> found = q.isBlank() ? List.of() : locations.search(LocationQuery.of(q), null, 10).items();
        model.addAttribute("options", found.stream()
                .map(l -> new Option(l.unlocode().value(), l.unlocode().value() + " " + l.name())).toList());
        return "catalog/suggestions :: options";
    }

    record Option(String value, String label) {
    }

    private NegotiationView show(MemberPrincipal member, UUID id, Locale locale, Model model) {
        NegotiationView view = negotiating.view(member, new NegotiationId(id), locale);
        negotiating.markRead(member, view.id(), view.lastSeq());
        model.addAttribute("n", view);
        model.addAttribute("digits", digits(view.latestOffer() == null ? view.rfq().terms().currency()
                : view.latestOffer().terms().currency()));
        model.addAttribute("rfqDigits", digits(view.rfq().terms().currency()));
        var offerDigits = new java.util.HashMap<Integer, Integer>();
        view.offers().forEach(o -> offerDigits.put(o.number(), digits(o.terms().currency())));
        model.addAttribute("offerDigits", offerDigits);
        return view;
    }

    private OfferForm offerForm(NegotiationView view) {
        if (view.latestOffer() != null) {
            OfferForm form = OfferForm.of(view.latestOffer().terms(), digits(view.latestOffer().terms().currency()));
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (view.latestOffer().terms().validUntil().isBefore(today)) {
                form.setValidUntil(today.plusDays(14).toString());
            }
            return form;
        }
        return OfferForm.of(view.rfq().terms(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(14),
                digits(view.rfq().terms().currency()));
    }

    private String rfqForm(MemberPrincipal member, RfqForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("buyerCountry", directory.find(member.organizationId())
                .map(o -> o.country().value()).orElse(""));
        // the suppliers already chosen (e.g. the product's) come first, even beyond the list's length
        var choices = new java.util.LinkedHashMap<UUID, trade.caravan.accounts.OrganizationSummary>();
        form.getSuppliers().forEach(id -> directory.find(new OrganizationId(id)).ifPresent(s -> choices.put(id, s)));
        requesting.suppliers(member, SUPPLIER_CHOICES).forEach(s -> choices.putIfAbsent(s.id().value(), s));
        model.addAttribute("suppliers", List.copyOf(choices.values()));
        return "sourcing/rfq-form";
    }

    private List<ScreenedFile> screen(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> f != null && !f.isEmpty()).map(screening::screen).toList();
    }

    private static void refuse(DomainException refusal, RedirectAttributes redirect, String attribute) {
        if (refusal.kind() == DomainException.Kind.FORBIDDEN || refusal.kind() == DomainException.Kind.NOT_FOUND) {
            throw refusal;
        }
        redirect.addFlashAttribute(attribute, new Refusal(refusal.messageCode(), refusal.arguments()));
    }

    /** A refusal carried across a redirect (flash attributes live in the session, so no exception objects). */
    record Refusal(String messageCode, Object[] arguments) implements java.io.Serializable {
    }

    private static int status(DomainException refusal) {
        return switch (refusal.kind()) {
            case CONFLICT -> 409;
            case RATE_LIMITED -> 429;
            default -> refusal instanceof trade.caravan.catalog.FileRefused file ? file.status().value() : 400;
        };
    }

    private int digits(CurrencyCode currency) {
        return currencies.minorUnits(currency).orElse(2);
    }
}
