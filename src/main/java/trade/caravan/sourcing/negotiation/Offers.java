package trade.caravan.sourcing.negotiation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Offers extends JpaRepository<Offer, Offer.Key> {

    @Query("select o from Offer o where o.key.negotiationId = :negotiation order by o.key.number")
    List<Offer> of(@Param("negotiation") UUID negotiation);
}
