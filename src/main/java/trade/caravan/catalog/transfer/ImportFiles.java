package trade.caravan.catalog.transfer;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Checked files waiting for their import (tenant-scoped). */
interface ImportFiles extends JpaRepository<ImportFile, UUID> {

    /** Deletes without loading the file first (it may be megabytes). */
    @Modifying
    @Query("delete from ImportFile f where f.jobId = :jobId")
    int deleteByJobId(UUID jobId);
}
