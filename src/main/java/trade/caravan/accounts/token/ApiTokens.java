package trade.caravan.accounts.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Tenant-scoped, except the lookup by presented token, which runs as system. */
interface ApiTokens extends JpaRepository<ApiToken, UUID> {

    Optional<ApiToken> findByLookupId(String lookupId);

    @Query("select t from ApiToken t order by t.createdAt desc, t.id desc")
    List<ApiToken> firstPage(Limit limit);

    @Query("""
            select t from ApiToken t
            where t.createdAt < :createdAt or (t.createdAt = :createdAt and t.id < :id)
            order by t.createdAt desc, t.id desc""")
    List<ApiToken> pageAfter(Instant createdAt, UUID id, Limit limit);

    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
    int touch(UUID id, Instant now, Instant before);
}
