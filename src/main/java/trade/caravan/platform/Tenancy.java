package trade.caravan.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.shared.OrganizationId;

/**
 * The one place that decides whose data a unit of work may see. Tenant-owned entities carry a
 * Hibernate {@code @TenantId} column; Hibernate adds {@code organization_id = ?} to every query
 * and load, and stamps it on every insert, using the tenant resolved here when the persistence
 * context opens. Controllers and repositories never pass the organization around themselves.
 *
 * <p>The tenant is, in order: one bound explicitly by {@link #callAs} / {@link #callAsSystem},
 * else the organization of the authenticated {@link TenantPrincipal}, else nobody (anonymous
 * requests see no tenant-owned row at all). Because the tenant is fixed when a transaction's
 * persistence context opens, both methods run their work in a new transaction.
 */
@Component
public class Tenancy {

    /** Sees no tenant-owned row; inserts of tenant-owned rows fail. */
    public static final UUID NOBODY = new UUID(0L, 0L);
    /** Sees every tenant's rows; for system work (sign-up, seeding, jobs), never for requests. */
    public static final UUID SYSTEM = new UUID(-1L, -1L);

    private static final ScopedValue<UUID> BOUND = ScopedValue.newInstance();

    private final TransactionTemplate newTransaction;

    Tenancy(PlatformTransactionManager transactions) {
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The organization the current request or bound unit of work acts for, if any. */
    public Optional<OrganizationId> currentOrganization() {
        UUID tenant = currentTenant();
        return tenant.equals(NOBODY) || tenant.equals(SYSTEM)
                ? Optional.empty()
                : Optional.of(new OrganizationId(tenant));
    }

    public OrganizationId requireOrganization() {
        return currentOrganization().orElseThrow(() -> new IllegalStateException("No organization in scope"));
    }

    /** Runs {@code work} in a new transaction that sees and writes only {@code organization}'s rows. */
    public <T> T callAs(OrganizationId organization, Supplier<T> work) {
        return ScopedValue.where(BOUND, organization.value())
                .call(() -> newTransaction.execute(status -> work.get()));
    }

    public void runAs(OrganizationId organization, Runnable work) {
        callAs(organization, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in a new transaction that sees every tenant's rows. */
    public <T> T callAsSystem(Supplier<T> work) {
        return ScopedValue.where(BOUND, SYSTEM)
                .call(() -> newTransaction.execute(status -> work.get()));
    }

    public void runAsSystem(Runnable work) {
        callAsSystem(() -> {
            work.run();
            return null;
        });
    }

    /** The raw tenant identifier for persistence: an organization id, {@link #NOBODY} or {@link #SYSTEM}. */
    public static UUID currentTenant() {
        if (BOUND.isBound()) {
            return BOUND.get();
        }
        @Nullable Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof TenantPrincipal principal) {
            return principal.organizationId().value();
        }
        return NOBODY;
    }
}
