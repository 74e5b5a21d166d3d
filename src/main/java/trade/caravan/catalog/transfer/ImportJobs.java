package trade.caravan.catalog.transfer;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** The current organization's imports (Hibernate's tenant filter scopes every query). */
interface ImportJobs extends JpaRepository<ImportJob, UUID> {

    List<ImportJob> findByOrderByCreatedAtDesc(Limit limit);
}
