package trade.caravan.accounts.signin;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecoveryCodes extends JpaRepository<RecoveryCode, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RecoveryCode r where r.userId = :userId and r.usedAt is null")
    List<RecoveryCode> lockUnused(UUID userId);

    @Query("select count(r) from RecoveryCode r where r.userId = :userId and r.usedAt is null")
    long countUnused(UUID userId);

    @Modifying
    @Query("delete from RecoveryCode r where r.userId = :userId")
    int deleteAllOf(UUID userId);
}
