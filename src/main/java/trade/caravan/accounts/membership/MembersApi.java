package trade.caravan.accounts.membership;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.Role;
import trade.caravan.platform.CursorPage;
import trade.caravan.shared.UserId;

/** Members and invitations of the caller's organization over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Members", description = "Members, roles and invitations of the caller's organization")
class MembersApi {

    private final MemberManagement members;
    private final MemberInvitations invitations;

    MembersApi(MemberManagement members, MemberInvitations invitations) {
        this.members = members;
        this.invitations = invitations;
    }

    record MemberResource(UUID userId, String email, String displayName, Role role, boolean enabled,
            boolean emailVerified, Instant joinedAt) {

        static MemberResource of(MemberView view) {
            return new MemberResource(view.userId().value(), view.email(), view.displayName(), view.role(),
                    view.enabled(), view.emailVerified(), view.joinedAt());
        }
    }

    record RoleChange(@NotNull Role role) {
    }

    record InvitationRequest(@NotBlank @Size(max = 254) String email, @NotNull Role role) {
    }

    @GetMapping("/members")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "List members", description = "Cursor pagination: pass nextCursor back as cursor.")
    CursorPage<MemberResource> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return members.page(cursor, CursorPage.limit(limit)).map(MemberResource::of);
    }

    @GetMapping("/members/{userId}")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "One member")
    MemberResource get(@PathVariable UUID userId) {
        return MemberResource.of(members.member(new UserId(userId)));
    }

    @PutMapping("/members/{userId}/role")
    @PreAuthorize("hasAuthority('members:manage')")
    @Operation(summary = "Change a member's role", description = "Owners only may grant or take OWNER.")
    MemberResource changeRole(@AuthenticationPrincipal Actor actor, @PathVariable UUID userId,
            @Valid @RequestBody RoleChange change) {
        return MemberResource.of(members.changeRole(actor, new UserId(userId), change.role()));
    }

    @DeleteMapping("/members/{userId}")
    @PreAuthorize("hasAuthority('members:manage')")
    @Operation(summary = "Remove a member", description = "The account is disabled and signed out everywhere.")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Actor actor, @PathVariable UUID userId) {
        members.remove(actor, new UserId(userId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/invitations")
    @PreAuthorize("hasAuthority('members:invite')")
    @Operation(summary = "List invitations, newest first")
    CursorPage<InvitationView> invitations(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return invitations.page(cursor, CursorPage.limit(limit));
    }

    @GetMapping("/invitations/{id}")
    @PreAuthorize("hasAuthority('members:invite')")
    @Operation(summary = "One invitation")
    InvitationView invitation(@PathVariable UUID id) {
        return invitations.find(id);
    }

    @PostMapping("/invitations")
    @PreAuthorize("hasAuthority('members:invite')")
    @Operation(summary = "Invite someone by e-mail", description = "Supports Idempotency-Key.")
    ResponseEntity<InvitationView> invite(@AuthenticationPrincipal Actor actor,
            @Valid @RequestBody InvitationRequest request, Locale locale) {
        InvitationView invitation = invitations.invite(actor, request.email(), request.role(), locale);
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + invitation.id())).body(invitation);
    }

    @DeleteMapping("/invitations/{id}")
    @PreAuthorize("hasAuthority('members:invite')")
    @Operation(summary = "Revoke a pending invitation")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        invitations.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
