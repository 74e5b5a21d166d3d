package trade.caravan.audit;

import org.jspecify.annotations.Nullable;

import trade.caravan.platform.CursorPage;

/** The security audit trail: append, read an organization's entries, verify the chain. */
public interface AuditTrail {

    /**
     * Appends the event. Joins the caller's transaction when there is one (so the entry commits or
     * rolls back with the change it records), else runs in its own.
     */
    AuditEntry record(AuditEvent event);

    /** The current tenant's entries, newest first, by cursor. */
    CursorPage<AuditEntry> entriesOfCurrentOrganization(@Nullable String cursor, int limit);

    /** Walks the whole chain from the first entry and reports the first break, if any. */
    ChainVerification verify();
}
