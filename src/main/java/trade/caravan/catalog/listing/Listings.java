package trade.caravan.catalog.listing;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Listings extends JpaRepository<Listing, UUID> {
}
