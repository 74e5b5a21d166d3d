package trade.caravan.sourcing.negotiation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Timeline extends JpaRepository<TimelineEntry, Long> {

    @Query("select t from TimelineEntry t where t.negotiationId = :negotiation order by t.seq")
    List<TimelineEntry> of(@Param("negotiation") UUID negotiation);
}
