package trade.caravan.sourcing.negotiation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.catalog.AttachmentScreening;
import trade.caravan.catalog.FileRefused;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ScreenedFile;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.InvalidInput;
import trade.caravan.platform.Problems;
import trade.caravan.reference.TradeDocument;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.GoverningLaw;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.OfferLine;
import trade.caravan.sourcing.PriceTier;
import trade.caravan.sourcing.RfqId;
import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.Specification;
import trade.caravan.sourcing.TermSheet;

/**
 * RFQs and negotiations over the API, so an ERP can drive a negotiation: send RFQs, read the
 * inbox and threads, post messages and offers, and accept, decline or withdraw. Amounts are in
 * minor units of the currency (cents, fen), as everywhere in the API. Every POST takes an
 * {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Negotiations", description = "Requests for quotation, quotations, counter-offers and their answers")
class SourcingApi {

    private final Requesting requesting;
    private final Negotiating negotiating;
    private final AttachmentScreening screening;
    private final Problems problems;

    SourcingApi(Requesting requesting, Negotiating negotiating, AttachmentScreening screening, Problems problems) {
        this.problems = problems;
        this.requesting = requesting;
        this.negotiating = negotiating;
        this.screening = screening;
    }

    /** An RFQ to send. {@code audience}: DIRECT (to {@code suppliers}) or PUBLISHED (to suppliers in the HS chapter). */
    record RfqBody(@Nullable UUID productId, String hsCode, String title, @Nullable String description,
            @Nullable List<Specification> specifications, BigDecimal quantity, String unit,
            @Nullable Long targetUnitPriceMinor, String currency, String incoterm, String place, LocalDate deliveryDate,
            @Nullable String paymentTerms, @Nullable Set<TradeDocument> documents, Instant replyDeadline,
            @Nullable String audience, @Nullable List<UUID> suppliers) {

        RfqTerms toTerms() {
            var problems = new InvalidInput.Collector();
            var parse = new Parsing(problems);
            var hs = parse.hs("hsCode", hsCode);
            var unitOfMeasure = parse.unit("unit", unit);
            var money = parse.currency("currency", currency);
            var rule = parse.incoterm("incoterm", incoterm);
            var namedPlace = parse.place("place", place);
            var terms = parse.paymentTerms("paymentTerms", paymentTerms);
            if (quantity == null) {
                problems.add("quantity", "error.sourcing.required");
            }
            if (deliveryDate == null) {
                problems.add("deliveryDate", "error.sourcing.required");
            }
            if (replyDeadline == null) {
                problems.add("replyDeadline", "error.sourcing.required");
            }
            if (title == null) {
                problems.add("title", "error.sourcing.required");
            }
            problems.throwIfAny();
            return new RfqTerms(productId == null ? null : new ProductId(productId), hs.orElseThrow(), title,
                    description == null ? "" : description, specifications == null ? List.of() : specifications,
                    quantity, unitOfMeasure.orElseThrow(), targetUnitPriceMinor, money.orElseThrow(), rule.orElseThrow(),
                    namedPlace.orElseThrow(), deliveryDate, terms.orElseThrow(),
                    documents == null ? Set.of() : documents, replyDeadline);
        }
    }

    record SentResource(UUID rfq, String reference, List<UUID> negotiations) {
    }

    record TierBody(BigDecimal minQuantity, long unitPriceMinor) {
    }

    record LineBody(String description, String hsCode, BigDecimal quantity, String unit, List<TierBody> tiers) {
    }

    /** A quotation or counter-offer. */
    record OfferBody(List<LineBody> lines, String currency, String incoterm, String place, int leadTimeDays,
            @Nullable String packaging, LocalDate validUntil, @Nullable String paymentTerms,
            @Nullable Set<TradeDocument> documents, @Nullable String notes) {

        TermSheet toTermSheet() {
            var problems = new InvalidInput.Collector();
            var parse = new Parsing(problems);
            List<OfferLine> offerLines = new ArrayList<>();
            List<LineBody> given = lines == null ? List.of() : lines;
            if (given.isEmpty()) {
                problems.add("lines", "error.sourcing.no-lines");
            }
            for (int i = 0; i < given.size(); i++) {
                LineBody line = given.get(i);
                String at = "lines[" + i + "]";
                var hs = parse.hs(at + ".hsCode", line.hsCode());
                var unitOfMeasure = parse.unit(at + ".unit", line.unit());
                List<TierBody> tiers = line.tiers() == null ? List.of() : line.tiers();
                if (tiers.isEmpty() || line.quantity() == null || line.description() == null) {
                    problems.add(at, "error.sourcing.line-incomplete");
                    continue;
                }
                if (hs.isPresent() && unitOfMeasure.isPresent()) {
                    offerLines.add(new OfferLine(line.description(), null, hs.get(), line.quantity(), unitOfMeasure.get(),
                            tiers.stream().map(t -> new PriceTier(t.minQuantity() == null ? line.quantity() : t.minQuantity(),
                                    t.unitPriceMinor())).toList()));
                }
            }
            var money = parse.currency("currency", currency);
            var rule = parse.incoterm("incoterm", incoterm);
            var namedPlace = parse.place("place", place);
            var terms = parse.paymentTerms("paymentTerms", paymentTerms);
            if (validUntil == null) {
                problems.add("validUntil", "error.sourcing.required");
            }
            problems.throwIfAny();
            return new TermSheet(offerLines, money.orElseThrow(), rule.orElseThrow(), namedPlace.orElseThrow(),
                    leadTimeDays, packaging, validUntil, terms.orElseThrow(), documents == null ? Set.of() : documents,
                    notes);
        }
    }

    record MessageBody(String body) {
    }

    /** The offer's number, and the law to govern the contract (CISG with the seller's law when absent). */
    record AcceptBody(int offer, @Nullable GoverningLaw governingLaw) {
    }

    record ReasonBody(@Nullable String reason) {
    }

    /** {@code offer}: the number of the offer being declined; refused with 409 if another has replaced it. */
    record DeclineBody(@Nullable Integer offer, @Nullable String reason) {
    }

    record OfferCreated(int number) {
    }

    @PostMapping("/rfqs")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Send a request for quotation; one negotiation opens per supplier")
    ResponseEntity<SentResource> sendRfq(@AuthenticationPrincipal Actor actor, @RequestBody RfqBody body) {
        Requesting.Audience audience = "PUBLISHED".equalsIgnoreCase(body.audience())
                ? Requesting.Audience.PUBLISHED : Requesting.Audience.DIRECT;
        Requesting.Sent sent = requesting.send(actor, body.toTerms(), audience,
                body.suppliers() == null ? List.of() : body.suppliers().stream().map(OrganizationId::new).toList(),
                List.of());
        return ResponseEntity.created(URI.create("/api/v1/rfqs/" + sent.rfq()))
                .body(new SentResource(sent.rfq().value(), sent.reference(),
                        sent.negotiations().stream().map(NegotiationId::value).toList()));
    }

    @GetMapping("/rfqs")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "The organization's RFQs, newest first")
    CursorPage<RfqSummary> rfqs(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return requesting.sent(actor, cursor, CursorPage.limit(limit));
    }

    @GetMapping("/rfqs/{id}")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "An RFQ the organization sent or was sent")
    RfqView rfq(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return requesting.find(actor, new RfqId(id));
    }

    @GetMapping("/negotiations")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "The organization's negotiations, most recently active first, with unread counts")
    CursorPage<NegotiationSummary> inbox(@AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit) {
        return negotiating.inbox(actor, cursor, CursorPage.limit(limit));
    }

    @GetMapping("/negotiations/{id}")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "A negotiation: RFQ, offers with their changes, timeline and the actions open to the caller")
    NegotiationView negotiation(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Locale locale) {
        return negotiating.view(actor, new NegotiationId(id), locale);
    }

    @PostMapping(path = "/negotiations/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Post a message")
    ResponseEntity<Void> message(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestBody MessageBody body) {
        negotiating.message(actor, new NegotiationId(id), body.body() == null ? "" : body.body(), List.of());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/negotiations/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Post a message with files (PDF, JPEG, PNG, WebP; the catalog's upload rules)")
    ResponseEntity<Void> messageWithFiles(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestParam(name = "body", defaultValue = "") String body,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files) {
        List<ScreenedFile> screened = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).map(screening::screen).toList();
        negotiating.message(actor, new NegotiationId(id), body, screened);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/negotiations/{id}/offers")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Make a quotation (supplier, first) or a counter-offer")
    ResponseEntity<OfferCreated> offer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestBody OfferBody body) {
        int number = negotiating.offer(actor, new NegotiationId(id), body.toTermSheet());
        return ResponseEntity.created(URI.create("/api/v1/negotiations/" + id + "/offers/" + number + "/ubl"))
                .body(new OfferCreated(number));
    }

    @PostMapping("/negotiations/{id}/accept")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Accept the offer on the table (by its number); 409 if it is not, or no longer, acceptable")
    ResponseEntity<Void> accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody AcceptBody body) {
        negotiating.accept(actor, new NegotiationId(id), body.offer(),
                body.governingLaw() == null ? GoverningLaw.DEFAULT : body.governingLaw());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/negotiations/{id}/decline")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Decline the other party's offer (or, as supplier, the request); ends the negotiation")
    ResponseEntity<Void> decline(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestBody(required = false) @Nullable DeclineBody body) {
        negotiating.decline(actor, new NegotiationId(id), body == null ? null : body.offer(),
                body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/negotiations/{id}/withdraw")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Withdraw one's own offer (or, as buyer, the request); ends the negotiation")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestBody(required = false) @Nullable ReasonBody body) {
        negotiating.withdraw(actor, new NegotiationId(id), body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    /** A refused file answers with its own status (413, 415, 422), as the catalog's uploads do. */
    @ExceptionHandler(FileRefused.class)
    ResponseEntity<ProblemDetail> refused(FileRefused refused, Locale locale) {
        ProblemDetail problem = problems.of(refused, locale);
        problem.setStatus(refused.status().value());
        problem.setTitle(problems.message("problem.title." + refused.status().value(), new Object[0], locale,
                refused.status().getReasonPhrase()));
        return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
