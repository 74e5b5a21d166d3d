package trade.caravan.platform.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Storage of idempotency keys; each call is its own transaction, independent of the handler's. */
@Component
class IdempotencyKeys {

    sealed interface Claim {
        record Acquired() implements Claim {
        }

        record InProgress() implements Claim {
        }

        record Mismatch() implements Claim {
        }

        record Replay(StoredResponse response) implements Claim {
        }
    }

    record StoredResponse(int status, @Nullable String contentType, @Nullable String location, byte[] body) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Claim claim(String scope, String key, byte[] hash, Instant now, Instant abandonedBefore) {
        int inserted = jdbc.sql("""
                insert into platform.idempotency_keys (scope, key, request_hash, state, started_at)
                values (?, ?, ?, 'IN_PROGRESS', ?)
                on conflict (scope, key) do nothing""")
                .params(scope, key, hash, Timestamp.from(now))
                .update();
        if (inserted == 1) {
            return new Claim.Acquired();
        }
        List<Existing> rows = jdbc.sql("""
                select request_hash, state, started_at, status, content_type, location, body
                from platform.idempotency_keys where scope = ? and key = ? for update""")
                .params(scope, key)
                .query((rs, n) -> new Existing(rs.getBytes(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBytes(7)))
                .list();
        if (rows.isEmpty()) {
            // released between our insert attempt and the read: try once more
            return claim(scope, key, hash, now, abandonedBefore);
        }
        Existing existing = rows.getFirst();
        if ("IN_PROGRESS".equals(existing.state())) {
            if (existing.startedAt().isBefore(abandonedBefore)) {
                // the first attempt died with its process: let this one do the work
                jdbc.sql("update platform.idempotency_keys set started_at = ?, request_hash = ? where scope = ? and key = ?")
                        .params(Timestamp.from(now), hash, scope, key)
                        .update();
                return new Claim.Acquired();
            }
            return new Claim.InProgress();
        }
        if (!Arrays.equals(existing.hash(), hash)) {
            return new Claim.Mismatch();
        }
        return new Claim.Replay(new StoredResponse(existing.status(), existing.contentType(),
                existing.location(), existing.body() == null ? new byte[0] : existing.body()));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void complete(String scope, String key, StoredResponse response, Instant now) {
        jdbc.sql("""
                update platform.idempotency_keys
                set state = 'DONE', completed_at = ?, status = ?, content_type = ?, location = ?, body = ?
                where scope = ? and key = ?""")
                .params(Timestamp.from(now), response.status(), response.contentType(), response.location(),
                        response.body(), scope, key)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(String scope, String key) {
        jdbc.sql("delete from platform.idempotency_keys where scope = ? and key = ? and state = 'IN_PROGRESS'")
                .params(scope, key)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    int deleteStartedBefore(Instant cutoff) {
        return jdbc.sql("delete from platform.idempotency_keys where started_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }

    private record Existing(byte[] hash, String state, Instant startedAt, int status, @Nullable String contentType,
            @Nullable String location, byte @Nullable [] body) {
    }
}
