package trade.caravan.accounts.membership;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.Role;
import trade.caravan.accounts.session.Sessions;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.UserId;

/** The members page: list, invite, change roles, remove, disable, transfer ownership. */
@Controller
class MembersController {

    private final MemberManagement members;
    private final MemberInvitations invitations;
    private final Sessions sessions;

    MembersController(MemberManagement members, MemberInvitations invitations, Sessions sessions) {
        this.members = members;
        this.invitations = invitations;
        this.sessions = sessions;
    }

    @GetMapping("/organization/members")
    String list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String invitationsCursor, Model model) {
        model.addAttribute("members", members.page(cursor, CursorPage.DEFAULT_LIMIT));
        model.addAttribute("invitations", invitations.page(invitationsCursor, CursorPage.DEFAULT_LIMIT));
        model.addAttribute("roles", Role.values());
        model.addAttribute("invitableRoles", java.util.Arrays.stream(Role.values()).filter(Role::invitable).toList());
        return "accounts/members";
    }

    @PostMapping("/organization/members/invite")
    String invite(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "VIEWER") String role, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            invitations.invite(member, email, parseRole(role), locale);
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.FORBIDDEN) {
                throw refusal;
            }
            response.setStatus(refusal.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
            model.addAttribute("inviteError", refusal);
            model.addAttribute("inviteEmail", email);
            return list(null, null, model);
        }
        redirect.addFlashAttribute("invited", email.strip());
        return "redirect:/organization/members";
    }

    @PostMapping("/organization/invitations/{id}/revoke")
    String revokeInvitation(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            RedirectAttributes redirect) {
        invitations.revoke(member, id);
        redirect.addFlashAttribute("done", "invitation-revoked");
        return "redirect:/organization/members";
    }

    @PostMapping("/organization/members/{userId}/role")
    String changeRole(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID userId,
            @RequestParam String role, RedirectAttributes redirect) {
        members.changeRole(member, new UserId(userId), parseRole(role));
        redirect.addFlashAttribute("done", "role-changed");
        return "redirect:/organization/members";
    }

    @PostMapping("/organization/members/{userId}/remove")
    String remove(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID userId,
            RedirectAttributes redirect) {
        members.remove(member, new UserId(userId));
        if (member.userId().value().equals(userId)) {
            return "redirect:/login?left";
        }
        redirect.addFlashAttribute("done", "member-removed");
        return "redirect:/organization/members";
    }

    @PostMapping("/organization/members/{userId}/disable")
    String disable(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID userId,
            RedirectAttributes redirect) {
        members.setEnabled(member, new UserId(userId), false);
        redirect.addFlashAttribute("done", "member-disabled");
        return "redirect:/organization/members";
    }

    @PostMapping("/organization/members/{userId}/enable")
    String enable(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID userId,
            RedirectAttributes redirect) {
        members.setEnabled(member, new UserId(userId), true);
        redirect.addFlashAttribute("done", "member-enabled");
        return "redirect:/organization/members";
    }

    @PostMapping("/organization/members/{userId}/transfer-ownership")
    String transfer(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID userId,
            RedirectAttributes redirect) {
        Role newRole = members.transferOwnership(member, new UserId(userId));
        var demoted = new MemberPrincipal(member.userId(), member.email(), member.getDisplayName(),
                member.organizationId(), member.getOrganizationName(), newRole, member.locale(), null);
        sessions.replaceCurrent(UsernamePasswordAuthenticationToken.authenticated(demoted, null,
                demoted.getAuthorities()));
        redirect.addFlashAttribute("done", "ownership-transferred");
        return "redirect:/organization/members";
    }

    static Role parseRole(String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "error.role.unknown");
        }
    }
}
