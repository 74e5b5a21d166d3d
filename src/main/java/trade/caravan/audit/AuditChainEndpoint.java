package trade.caravan.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/auditchain}: verifies the whole chain now and reports the outcome and the
 * head. Operator addresses only (see {@link AuditOperatorPaths}); it reads, never repairs.
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final ChainWatch watch;

    AuditChainEndpoint(ChainWatch watch) {
        this.watch = watch;
    }

    @ReadOperation
    public Outcome verify() {
        ChainReport report = watch.verify();
        ChainVerification result = report.verification();
        return new Outcome(result.intact(), result.entriesChecked(), result.firstBrokenSequence(), result.problem(),
                report.headSequence(), report.headHash());
    }

    record Outcome(boolean intact, long entriesChecked, @Nullable Long firstBrokenSequence, @Nullable String problem,
            long headSequence, String headHash) {
    }
}
