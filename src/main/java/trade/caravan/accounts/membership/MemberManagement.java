package trade.caravan.accounts.membership;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.Permission;
import trade.caravan.accounts.Role;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.identity.UserView;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.accounts.session.Sessions;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.UserId;

/**
 * The members of the current organization and what may be done to them. The rules live here,
 * not in controllers: only owners touch ownership; nobody changes their own role except by
 * transferring ownership; an organization never has zero owners (owner rows are locked while a
 * change that could remove one is checked). A member whose role or access changes is signed out
 * everywhere, so no session keeps a stale role.
 */
@Service
public class MemberManagement {

    private final Memberships memberships;
    private final UserAccounts users;
    private final Sessions sessions;
    private final SecurityEvents events;
    private final Tenancy tenancy;
    private final Clock clock;

    MemberManagement(Memberships memberships, UserAccounts users, Sessions sessions, SecurityEvents events,
            Tenancy tenancy, Clock clock) {
        this.memberships = memberships;
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Across tenants: where does this user belong? Runs as system in its own transaction. */
    public Optional<MembershipFacts> membershipOf(UserId user) {
        return tenancy.callAsSystem(() -> memberships.findByUserId(user.value())
                .map(m -> new MembershipFacts(m.organizationId(), m.role())));
    }

    /** Makes the user the first owner of the organization in scope (sign-up). */
    @Transactional
    public void addFounder(UserId user) {
        memberships.save(new Membership(user, Role.OWNER, clock.instant()));
    }

    /** Adds the user to the organization in scope with the given role (accepted invitation, demo data). */
    @Transactional
    public void add(UserId user, Role role) {
        memberships.save(new Membership(user, role, clock.instant()));
    }

    @Transactional(readOnly = true)
    public CursorPage<MemberView> page(@Nullable String cursor, int limit) {
        @Nullable Cursor after = Cursor.decode(cursor, 2);
        List<Membership> rows = after == null
                ? memberships.firstPage(Limit.of(limit + 1))
                : memberships.pageAfter(after.instantAt(0), after.uuidAt(1), Limit.of(limit + 1));
        CursorPage<Membership> page = CursorPage.of(rows, limit,
                m -> Cursor.of(m.createdAt().toString(), m.id().toString()));
        Map<UserId, UserView> people = users.findAll(page.items().stream().map(Membership::userId).toList());
        return page.map(m -> view(m, people.get(m.userId())));
    }

    @Transactional(readOnly = true)
    public MemberView member(UserId user) {
        Membership membership = memberships.findByUserId(user.value()).orElseThrow(DomainException::notFound);
        return view(membership, users.find(user).orElseThrow(DomainException::notFound));
    }

    @Transactional(readOnly = true)
    public long ownerCount() {
        return memberships.countByRole(Role.OWNER);
    }

    @Transactional
    public MemberView changeRole(Actor actor, UserId target, Role newRole) {
        Membership membership = memberships.lockByUserId(target.value()).orElseThrow(DomainException::notFound);
        if (membership.userId().equals(actor.userId())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.members.own-role");
        }
        Role oldRole = membership.role();
        require(actor, oldRole == Role.OWNER || newRole == Role.OWNER
                ? Permission.OWNERSHIP_MANAGE : Permission.MEMBERS_MANAGE);
        if (oldRole == newRole) {
            return member(target);
        }
        if (oldRole == Role.OWNER) {
            ensureAnotherOwnerRemains(membership);
        }
        membership.changeRole(newRole);
        events.record(AuditAction.ROLE_CHANGED, actor.organizationId(), actor.userId(), actor.label(),
                target.toString(), Map.of("from", oldRole.name(), "to", newRole.name()));
        sessions.endAll(target);
        return member(target);
    }

    /** Removes a member (or lets a member leave); the account is disabled and signed out. */
    @Transactional
    public void remove(Actor actor, UserId target) {
        Membership membership = memberships.lockByUserId(target.value()).orElseThrow(DomainException::notFound);
        boolean leaving = membership.userId().equals(actor.userId());
        if (!leaving) {
            require(actor, membership.role() == Role.OWNER ? Permission.OWNERSHIP_MANAGE : Permission.MEMBERS_MANAGE);
        }
        if (membership.role() == Role.OWNER) {
            ensureAnotherOwnerRemains(membership);
        }
        memberships.delete(membership);
        users.disable(target);
        events.record(AuditAction.MEMBER_REMOVED, actor.organizationId(), actor.userId(), actor.label(),
                target.toString(), Map.of("role", membership.role().name()));
        sessions.endAll(target);
    }

    /** Disables or re-enables a member's sign-in; disabling ends all its sessions. */
    @Transactional
    public MemberView setEnabled(Actor actor, UserId target, boolean enabled) {
        Membership membership = memberships.lockByUserId(target.value()).orElseThrow(DomainException::notFound);
        if (membership.userId().equals(actor.userId())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.members.own-access");
        }
        require(actor, membership.role() == Role.OWNER ? Permission.OWNERSHIP_MANAGE : Permission.MEMBERS_MANAGE);
        if (enabled) {
            users.enable(target);
            events.record(AuditAction.USER_ENABLED, actor.organizationId(), actor.userId(), actor.label(),
                    target.toString());
        } else {
            if (membership.role() == Role.OWNER) {
                ensureAnotherOwnerRemains(membership);
            }
            users.disable(target);
            events.record(AuditAction.USER_DISABLED, actor.organizationId(), actor.userId(), actor.label(),
                    target.toString());
            sessions.endAll(target);
        }
        return member(target);
    }

    /**
     * Hands ownership to another member: they become OWNER, the acting owner becomes ADMIN.
     * Returns the acting member's new role so the caller can refresh its session.
     */
    @Transactional
    public Role transferOwnership(MemberPrincipal actor, UserId target) {
        require(actor, Permission.OWNERSHIP_MANAGE);
        memberships.lockByRole(Role.OWNER);
        Membership self = memberships.lockByUserId(actor.userId().value()).orElseThrow(DomainException::notFound);
        Membership successor = memberships.lockByUserId(target.value()).orElseThrow(DomainException::notFound);
        if (successor.userId().equals(self.userId())) {
            throw new DomainException(DomainException.Kind.INVALID, "error.members.transfer-self");
        }
        UserView successorUser = users.find(target).orElseThrow(DomainException::notFound);
        if (!successorUser.enabled() || !successorUser.emailVerified()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.members.transfer-inactive");
        }
        Role successorRole = successor.role();
        successor.changeRole(Role.OWNER);
        self.changeRole(Role.ADMIN);
        events.record(AuditAction.OWNERSHIP_TRANSFERRED, actor.organizationId(), actor.userId(), actor.label(),
                target.toString(), Map.of("from", successorRole.name()));
        sessions.endAll(target);
        sessions.endAllOthers(actor.userId());
        return Role.ADMIN;
    }

    private void ensureAnotherOwnerRemains(Membership changing) {
        List<Membership> owners = memberships.lockByRole(Role.OWNER);
        List<UUID> otherActiveOwners = new ArrayList<>();
        for (Membership owner : owners) {
            if (!owner.id().equals(changing.id())
                    && users.find(owner.userId()).map(UserView::enabled).orElse(false)) {
                otherActiveOwners.add(owner.id());
            }
        }
        if (otherActiveOwners.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.members.last-owner");
        }
    }

    private static void require(Actor actor, Permission permission) {
        if (!actor.can(permission)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
    }

    private static MemberView view(Membership membership, @Nullable UserView user) {
        if (user == null) {
            throw new IllegalStateException("Membership without user: " + membership.id());
        }
        return new MemberView(user.id(), user.email(), user.displayName(), membership.role(), user.enabled(),
                user.emailVerified(), membership.createdAt());
    }


}
