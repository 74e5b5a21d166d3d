package trade.caravan.trades.room;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.platform.CursorPage;
import trade.caravan.trades.TradeId;

/** The trades list and the trade room, for the members of a trade's two organizations. */
@Controller
@RequestMapping("/trades")
@PreAuthorize("hasAuthority('organization:view')")
class TradePages {

    private final TradeRoom room;
    private final List<RoomSection> sections;

    TradePages(TradeRoom room, List<RoomSection> sections) {
        this.room = room;
        this.sections = List.copyOf(sections);
    }

    @GetMapping
    String list(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        model.addAttribute("trades", room.list(member, cursor, CursorPage.DEFAULT_LIMIT));
        return "trades/list";
    }

    @GetMapping("/{id}")
    String trade(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, Model model) {
        show(member, id, model);
        return "trades/room";
    }

    /**
     * The room's changing part alone (state, documents and signatures, timeline), for live
     * refresh: 204 when nothing happened since {@code since}, the newest timeline entry the page shows.
     */
    @GetMapping("/{id}/panel")
    @Nullable
    String panel(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Long since, Model model, CsrfToken csrf,
            HttpServletResponse response) {
        // the fragment's sign form needs the token; reading it now saves the session before any output
        csrf.getToken();
        TradeView trade = show(member, id, model);
        if (since != null && since == trade.lastSeq()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "trades/room :: panel";
    }

    private TradeView show(MemberPrincipal member, UUID id, Model model) {
        TradeView trade = room.find(member, new TradeId(id));
        model.addAttribute("trade", trade);
        sections.forEach(section -> section.addTo(member, trade, model));
        return trade;
    }
}
