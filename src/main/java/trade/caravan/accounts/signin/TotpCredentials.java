package trade.caravan.accounts.signin;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TotpCredentials extends JpaRepository<TotpCredential, UUID> {

    /** Locked, so the same code sent twice at once is accepted once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from TotpCredential t where t.userId = :userId")
    Optional<TotpCredential> lock(UUID userId);
}
