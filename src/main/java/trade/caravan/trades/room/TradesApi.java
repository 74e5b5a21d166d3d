package trade.caravan.trades.room;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.platform.CursorPage;
import trade.caravan.trades.TradeId;

/** Trades over the API: the organization's trades and one trade with its lines and timeline. Amounts in minor units. */
@RestController
@RequestMapping("/api/v1/trades")
@PreAuthorize("hasAuthority('organization:view')")
@Tag(name = "Trades", description = "Trades opened from accepted offers")
class TradesApi {

    private final TradeRoom room;

    TradesApi(TradeRoom room) {
        this.room = room;
    }

    @GetMapping
    @Operation(summary = "The organization's trades, newest first (cursor pagination)")
    CursorPage<TradeSummary> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return room.list(actor, cursor, CursorPage.limit(limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A trade of the organization (404 for any other)")
    TradeView trade(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return room.find(actor, new TradeId(id));
    }
}
