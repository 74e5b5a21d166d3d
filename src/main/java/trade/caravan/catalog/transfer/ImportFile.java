package trade.caravan.catalog.transfer;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A checked file kept until its import is confirmed and done (tenant-owned, like its job). */
@Entity
@Table(name = "import_job_files", schema = "catalog")
class ImportFile {

    @Id
    private UUID jobId;
    @TenantId
    private UUID organizationId;
    private byte[] content;

    protected ImportFile() {
    }

    ImportFile(UUID jobId, byte[] content) {
        this.jobId = jobId;
        this.content = content.clone();
    }

    byte[] content() {
        return content.clone();
    }
}
