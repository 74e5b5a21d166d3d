package trade.caravan.audit;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The current tenant's entries (Hibernate adds the tenant); read-only. */
interface AuditEntries extends Repository<StoredAuditEntry, Long> {

    @Query("select e from StoredAuditEntry e where e.sequence < :before order by e.sequence desc")
    List<StoredAuditEntry> findOlderThan(long before, Limit limit);
}
