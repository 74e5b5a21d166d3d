package trade.caravan.accounts.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.accounts.Role;
import trade.caravan.accounts.identity.EmailAddress;
import trade.caravan.accounts.identity.SecretTokens;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.identity.UserView;
import trade.caravan.accounts.mail.AccountMails;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;

/**
 * Inviting people into the current organization by e-mail. The link is single-use and expires
 * after {@link #VALIDITY}; only its digest is stored. Whether the invited address already has a
 * Caravan account is never told to the inviter: the invitee learns it when accepting.
 */
@Service
public class MemberInvitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final Invitations invitations;
    private final MemberManagement members;
    private final UserAccounts users;
    private final OrganizationDirectory organizations;
    private final SecretTokens secrets;
    private final AccountMails mails;
    private final MessageSource messages;
    private final SecurityEvents events;
    private final Tenancy tenancy;
    private final Clock clock;

    MemberInvitations(Invitations invitations, MemberManagement members, UserAccounts users,
            OrganizationDirectory organizations, SecretTokens secrets, AccountMails mails, MessageSource messages,
            SecurityEvents events, Tenancy tenancy, Clock clock) {
        this.invitations = invitations;
        this.members = members;
        this.users = users;
        this.organizations = organizations;
        this.secrets = secrets;
        this.mails = mails;
        this.messages = messages;
        this.events = events;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    public InvitationView invite(Actor actor, String email, Role role, Locale locale) {
        if (!actor.can(Permission.MEMBERS_INVITE)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
        if (role == null || !role.invitable()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.invitation.role");
        }
        String address = EmailAddress.normalize(email);
        Instant now = clock.instant();
        if (invitations.pendingFor(address, now)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.invitation.pending");
        }
        String secret = secrets.newSecret();
        Invitation invitation = invitations.save(new Invitation(address, role, SecretTokens.digest(secret),
                actor.userId(), actor.label(), now, now.plus(VALIDITY)));
        OrganizationSummary organization = organizations.find(actor.organizationId()).orElseThrow();
        mails.invitation(address, locale, organization.legalName(), actor.displayName(),
                messages.getMessage("role." + role.name(), null, locale), secret);
        events.record(AuditAction.INVITATION_SENT, actor.organizationId(), actor.userId(), actor.label(), address,
                Map.of("role", role.name()));
        return view(invitation, now);
    }

    @Transactional(readOnly = true)
    public CursorPage<InvitationView> page(@Nullable String cursor, int limit) {
        @Nullable Cursor after = Cursor.decode(cursor, 2);
        List<Invitation> rows = after == null
                ? invitations.firstPage(Limit.of(limit + 1))
                : invitations.pageAfter(after.instantAt(0),
                        after.uuidAt(1), Limit.of(limit + 1));
        Instant now = clock.instant();
        return CursorPage.of(rows, limit, i -> Cursor.of(i.createdAt().toString(), i.id().toString()))
                .map(i -> view(i, now));
    }

    @Transactional(readOnly = true)
    public InvitationView find(UUID id) {
        return invitations.findById(id).map(i -> view(i, clock.instant())).orElseThrow(DomainException::notFound);
    }

    @Transactional
    public void revoke(Actor actor, UUID id) {
        if (!actor.can(Permission.MEMBERS_INVITE)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
        Invitation invitation = invitations.findById(id).orElseThrow(DomainException::notFound);
        invitation.revoke(clock.instant());
        events.record(AuditAction.INVITATION_REVOKED, actor.organizationId(), actor.userId(), actor.label(),
                invitation.email());
    }

    /** What the link offers, if it is still valid; the invitee is not signed in and has no tenant. */
    public Optional<InvitationPreview> preview(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tenancy.callAsSystem(() -> invitations.findByTokenHash(SecretTokens.digest(token))
                .filter(i -> i.status(now) == Invitation.Status.PENDING)
                .map(i -> new InvitationPreview(
                        organizations.find(i.organizationId()).map(OrganizationSummary::legalName).orElse(""),
                        i.email(), i.role(), i.expiresAt())));
    }

    /**
     * Accepts the invitation behind the link: creates the account (or brings back a removed one)
     * and the membership, in the inviting organization's scope. Returns the new member's user.
     */
    public UserView accept(String token, String displayName, String password, Locale locale) {
        if (!plausible(token)) {
            throw new DomainException(DomainException.Kind.GONE, "error.link.invalid");
        }
        byte[] digest = SecretTokens.digest(token);
        var organization = tenancy.callAsSystem(() -> invitations.findByTokenHash(digest)
                .map(Invitation::organizationId))
                .orElseThrow(() -> new DomainException(DomainException.Kind.GONE, "error.link.invalid"));
        return tenancy.callAs(organization, () -> {
            Invitation invitation = invitations.findByTokenHash(digest)
                    .orElseThrow(() -> new DomainException(DomainException.Kind.GONE, "error.link.invalid"));
            Instant now = clock.instant();
            invitation.accept(now);
            Optional<UserView> existing = users.findByEmail(invitation.email());
            UserView user;
            if (existing.isEmpty()) {
                user = users.registerVerified(invitation.email(), displayName, password, locale);
            } else if (!existing.get().enabled() && members.membershipOf(existing.get().id()).isEmpty()) {
                user = users.reactivate(existing.get().id(), displayName, password);
            } else {
                throw new DomainException(DomainException.Kind.CONFLICT, "error.invitation.has-account");
            }
            members.add(user.id(), invitation.role());
            events.record(AuditAction.INVITATION_ACCEPTED, organization, user.id(), user.email(),
                    invitation.id().toString(), Map.of("role", invitation.role().name()));
            return user;
        });
    }

    private static boolean plausible(@Nullable String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    private static InvitationView view(Invitation invitation, Instant now) {
        return new InvitationView(invitation.id(), invitation.email(), invitation.role(),
                invitation.status(now).name(), invitation.createdAt(), invitation.expiresAt());
    }
}
