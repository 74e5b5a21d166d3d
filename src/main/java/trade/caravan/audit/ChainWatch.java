package trade.caravan.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the chain at start-up and on {@code caravan.audit.verify-cron} (daily by default) and
 * logs the outcome: an ERROR when it is broken, for the operator's alerting. The line of an intact
 * chain carries the head's sequence and hash; once the log is shipped elsewhere it anchors the
 * chain outside this database, which is what exposes newest entries deleted together with a
 * rewound head.
 */
@Component
class ChainWatch {

    private static final Logger log = LoggerFactory.getLogger(ChainWatch.class);

    private final HashChainedAuditTrail trail;
    private final AuditSettings settings;

    ChainWatch(HashChainedAuditTrail trail, AuditSettings settings) {
        this.trail = trail;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        if (settings.verifyOnStartup()) {
            verify();
        }
    }

    @Scheduled(cron = "${caravan.audit.verify-cron:0 30 3 * * *}")
    void onSchedule() {
        verify();
    }

    ChainReport verify() {
        ChainReport report = trail.walk();
        ChainVerification result = report.verification();
        if (result.intact()) {
            log.info("Audit chain intact: {} entries verified, head {} {}",
                    result.entriesChecked(), report.headSequence(), report.headHash());
        } else {
            log.error("Audit chain BROKEN at entry {}: {} ({} entries checked, head {} {})",
                    result.firstBrokenSequence(), result.problem(), result.entriesChecked(),
                    report.headSequence(), report.headHash());
        }
        return report;
    }
}
