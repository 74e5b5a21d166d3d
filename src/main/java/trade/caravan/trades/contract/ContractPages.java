package trade.caravan.trades.contract;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.SigningAuthority;
import trade.caravan.accounts.SecondFactor;
import trade.caravan.platform.DomainException;
import trade.caravan.trades.TradeId;
import trade.caravan.trades.room.RoomSection;
import trade.caravan.trades.room.TradeView;

/** The contract's part of the trade room: its signatures, and the form to sign it. */
@Controller
class ContractPages implements RoomSection {

    private final ContractSigning signing;
    private final SecondFactor secondFactor;
    private final SigningAuthority authority;

    ContractPages(ContractSigning signing, SecondFactor secondFactor, SigningAuthority authority) {
        this.signing = signing;
        this.secondFactor = secondFactor;
        this.authority = authority;
    }

    @Override
    public void addTo(Actor actor, TradeView trade, Model model) {
        model.addAttribute("contract", signing.status(trade));
        model.addAttribute("maySign", authority.maySign(actor));
        var person = actor.userId();
        model.addAttribute("secondFactorReady", person != null && secondFactor.enrolled(person));
    }

    @PostMapping("/trades/{id}/contract/signatures")
    @PreAuthorize("hasAuthority('organization:view')") // who signs: SigningAuthority, in the service
    String sign(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
        try {
            signing.sign(member, new TradeId(id), code);
            redirect.addFlashAttribute("signed", true);
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.NOT_FOUND || refusal.kind() == DomainException.Kind.FORBIDDEN) {
                throw refusal;
            }
            redirect.addFlashAttribute("signError", new Refusal(refusal.messageCode()));
        }
        return "redirect:/trades/" + id + "#contract";
    }

    /** A refusal carried across the redirect (flash attributes live in the session). */
    record Refusal(String messageCode) implements Serializable {
    }
}
