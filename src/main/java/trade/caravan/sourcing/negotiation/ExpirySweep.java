package trade.caravan.sourcing.negotiation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import trade.caravan.platform.Tenancy;

/**
 * Marks negotiations expired once their offer's last valid day or the RFQ's reply deadline has
 * passed, so both parties see it (and are told) without anyone having to act. Acting on an
 * overdue negotiation expires it too; this only makes it visible sooner.
 */
@Component
class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final Negotiating negotiating;
    private final Tenancy tenancy;

    ExpirySweep(Negotiating negotiating, Tenancy tenancy) {
        this.negotiating = negotiating;
        this.tenancy = tenancy;
    }

    @Scheduled(fixedDelayString = "${caravan.sourcing.expiry-interval:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        int expired = tenancy.callAsSystem(negotiating::expireDue);
        if (expired > 0) {
            log.info("{} negotiations expired", expired);
        }
    }
}
