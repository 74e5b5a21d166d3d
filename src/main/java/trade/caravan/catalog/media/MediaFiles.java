package trade.caravan.catalog.media;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The current organization's uploaded files (Hibernate's tenant filter scopes every query). */
interface MediaFiles extends JpaRepository<MediaFile, UUID> {

    /** Of {@code ids}, those that are {@code organization}'s files of {@code kind}: explicit, for system work too. */
    @Query("select m.id from MediaFile m where m.id in :ids and m.organizationId = :organization and m.kind = :kind")
    List<UUID> owned(Collection<UUID> ids, UUID organization, MediaKind kind);
}
