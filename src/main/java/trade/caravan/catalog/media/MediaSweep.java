package trade.caravan.catalog.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import trade.caravan.platform.Tenancy;

/**
 * Deletes files that no product uses any more: an image dropped from a product by a revision
 * (form or API) rather than removed on its own. Safe on several nodes at once (rows are claimed
 * with {@code skip locked}).
 */
@Component
class MediaSweep {

    private static final Logger log = LoggerFactory.getLogger(MediaSweep.class);

    private final MediaLibrary library;
    private final Tenancy tenancy;

    MediaSweep(MediaLibrary library, Tenancy tenancy) {
        this.library = library;
        this.tenancy = tenancy;
    }

    @Scheduled(cron = "${caravan.media.sweep-cron:0 15 4 * * *}")
    void sweep() {
        int deleted = tenancy.callAsSystem(library::sweep);
        if (deleted > 0) {
            log.info("Deleted {} media files no product uses any more", deleted);
        }
    }
}
