package trade.caravan.sourcing.negotiation;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.platform.DomainException;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.RfqId;
import trade.caravan.sourcing.ubl.UblExports;

/**
 * An RFQ as a UBL 2.3 RequestForQuotation and an offer as a UBL 2.3 Quotation, validated against
 * the OASIS schema as they are written; for the parties only, on pages and over the API.
 */
@RestController
@Tag(name = "Negotiations")
class UblDocuments {

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final Requesting requesting;
    private final Negotiating negotiating;
    private final OrganizationDirectory directory;
    private final UblExports ubl;

    UblDocuments(Requesting requesting, Negotiating negotiating, OrganizationDirectory directory, UblExports ubl) {
        this.requesting = requesting;
        this.negotiating = negotiating;
        this.directory = directory;
        this.ubl = ubl;
    }

    @GetMapping({"/sourcing/rfqs/{id}/rfq.xml", "/api/v1/rfqs/{id}/ubl"})
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "The RFQ as a UBL 2.3 RequestForQuotation")
    ResponseEntity<byte[]> rfq(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        RfqView rfq = requesting.find(actor, new RfqId(id));
        List<OrganizationSummary> suppliers = negotiating.suppliersOf(actor, rfq.id()).stream()
                .flatMap(supplier -> directory.find(supplier).stream()).toList();
        byte[] xml = ubl.requestForQuotation(rfq.id(), rfq.reference(), rfq.createdAt(), rfq.terms(), rfq.buyer(),
                suppliers);
        return download(xml, rfq.reference() + ".xml");
    }

    @GetMapping({"/sourcing/negotiations/{id}/offers/{number}/quotation.xml", "/api/v1/negotiations/{id}/offers/{number}/ubl"})
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "An offer as a UBL 2.3 Quotation")
    ResponseEntity<byte[]> quotation(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @PathVariable int number) {
        NegotiationView view = negotiating.view(actor, new NegotiationId(id), Locale.ENGLISH);
        NegotiationView.OfferView offer = view.offer(number);
        if (offer == null) {
            throw DomainException.notFound();
        }
        byte[] xml = ubl.quotation(view.id(), view.rfq().reference(), number, offer.madeAt(), offer.terms(),
                view.buyer(), view.supplier());
        return download(xml, view.rfq().reference() + "-Q" + number + ".xml");
    }

    private static ResponseEntity<byte[]> download(byte[] xml, String name) {
        return ResponseEntity.ok().contentType(XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(xml);
    }
}
