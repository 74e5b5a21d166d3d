package trade.caravan.sourcing.negotiation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Negotiations, always read through one of the two organizations that own them: every query
 * names the caller's organization as buyer or supplier, so another tenant's negotiation is
 * simply not found.
 */
interface Negotiations extends JpaRepository<Negotiation, UUID> {

    @Query("select n from Negotiation n where n.id = :id and (n.buyerId = :org or n.supplierId = :org)")
    Optional<Negotiation> findFor(@Param("id") UUID id, @Param("org") UUID organization);

    /** The same, locked until the end of the transaction: every change of state goes through here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Negotiation n where n.id = :id and (n.buyerId = :org or n.supplierId = :org)")
    Optional<Negotiation> lockFor(@Param("id") UUID id, @Param("org") UUID organization);

    @Query("select n from Negotiation n where n.rfqId = :rfq and (n.buyerId = :org or n.supplierId = :org) order by n.createdAt, n.id")
    List<Negotiation> ofRfqFor(@Param("rfq") UUID rfq, @Param("org") UUID organization);

    @Query("""
            select n from Negotiation n where (n.buyerId = :org or n.supplierId = :org)
              and (n.updatedAt < :before or (n.updatedAt = :before and n.id < :beforeId))
            order by n.updatedAt desc, n.id desc""")
    List<Negotiation> inboxOf(@Param("org") UUID organization, @Param("before") Instant before,
            @Param("beforeId") UUID beforeId, Limit limit);

    /** Negotiations whose offer or reply deadline may have passed (system work, all tenants). */
    @Query(value = """
            select id from sourcing.negotiations
            where (state in ('QUOTED', 'COUNTERED') and latest_valid_until < cast(:today as date))
               or (state = 'OPEN' and reply_deadline < :now)
            limit 500""", nativeQuery = true)
    List<UUID> dueForExpiry(@Param("today") java.time.LocalDate today, @Param("now") Instant now);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Negotiation n where n.id = :id")
    Optional<Negotiation> lockAsSystem(@Param("id") UUID id);
}
