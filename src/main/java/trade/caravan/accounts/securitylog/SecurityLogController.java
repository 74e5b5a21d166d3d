package trade.caravan.accounts.securitylog;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import trade.caravan.audit.AuditTrail;
import trade.caravan.platform.CursorPage;

/** The organization's security log: its entries of the audit trail, newest first. */
@Controller
@PreAuthorize("hasAuthority('audit:read')")
class SecurityLogController {

    private final AuditTrail trail;

    SecurityLogController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/organization/security-log")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("entries", trail.entriesOfCurrentOrganization(cursor, CursorPage.DEFAULT_LIMIT));
        return "accounts/security-log";
    }
}
