package trade.caravan.trades.contract;

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
import trade.caravan.trades.TradeId;

/** The contract as a PDF/A-3 file, for the trade room (session) and the API (token) alike. */
@RestController
@PreAuthorize("hasAuthority('organization:view')")
@Tag(name = "Trades")
class ContractDownloads {

    private final Contracts contracts;
    private final ContractSigning signing;

    ContractDownloads(Contracts contracts, ContractSigning signing) {
        this.contracts = contracts;
        this.signing = signing;
    }

    @GetMapping(path = {"/trades/{id}/contract.pdf", "/api/v1/trades/{id}/contract"}, produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The trade's sales contract (PDF/A-3, English and Chinese, agreed terms attached): "
            + "the draft until someone signs, then the latest signed revision, finally the contract both signed")
    ResponseEntity<byte[]> contract(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        TradeId trade = new TradeId(id);
        Contracts.Rendered rendered = signing.latest(actor, trade).orElseGet(() -> contracts.draft(actor, trade));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(rendered.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(rendered.pdf());
    }
}
