package trade.caravan.sourcing.negotiation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Rfqs extends JpaRepository<Rfq, UUID> {

    /** RFQs a buyer sent since an instant, for the daily limit. */
    @Query("select count(r) from Rfq r where r.buyerId = :buyer and r.createdAt > :since")
    long countSentSince(@Param("buyer") UUID buyer, @Param("since") Instant since);

    /** Earliest of a buyer's RFQs since an instant (when the next one will be allowed). */
    @Query("select min(r.createdAt) from Rfq r where r.buyerId = :buyer and r.createdAt > :since")
    Instant firstSentSince(@Param("buyer") UUID buyer, @Param("since") Instant since);

    @Query("""
            select r from Rfq r where r.buyerId = :buyer
              and (r.createdAt < :before or (r.createdAt = :before and r.id < :beforeId))
            order by r.createdAt desc, r.id desc""")
    List<Rfq> pageOf(@Param("buyer") UUID buyer, @Param("before") Instant before, @Param("beforeId") UUID beforeId,
            Limit limit);

    @Query(value = "select nextval('sourcing.rfq_numbers')", nativeQuery = true)
    long nextNumber();
}
