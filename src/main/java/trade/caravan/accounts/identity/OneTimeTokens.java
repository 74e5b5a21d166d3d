package trade.caravan.accounts.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface OneTimeTokens extends JpaRepository<OneTimeToken, UUID> {

    /** Locked, so two clicks on the same link cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<OneTimeToken> findByTokenHashAndPurpose(byte[] tokenHash, OneTimeToken.Purpose purpose);

    /** The same, without a lock, to look at a link without using it. */
    @Query("select t from OneTimeToken t where t.tokenHash = :tokenHash and t.purpose = :purpose")
    Optional<OneTimeToken> peek(byte[] tokenHash, OneTimeToken.Purpose purpose);

    /** A new link voids the older unused ones of the same purpose. */
    @Modifying
    @Query("update OneTimeToken t set t.usedAt = :now where t.userId = :userId and t.purpose = :purpose and t.usedAt is null")
    int voidUnused(UUID userId, OneTimeToken.Purpose purpose, java.time.Instant now);
}
