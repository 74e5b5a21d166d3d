package archfixtures;

import java.time.Instant;

/** Breaks "no system clock". */
class UsesInstantNow {

    Instant now() {
        return Instant.now();
    }
}
