package trade.caravan.accounts.membership;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

/** Tenant-scoped, except the lookup by link, which runs as system (the invitee has no tenant yet). */
interface Invitations extends JpaRepository<Invitation, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Invitation> findByTokenHash(byte[] tokenHash);

    @Query("select i from Invitation i order by i.createdAt desc, i.id desc")
    List<Invitation> firstPage(Limit limit);

    @Query("""
            select i from Invitation i
            where i.createdAt < :createdAt or (i.createdAt = :createdAt and i.id < :id)
            order by i.createdAt desc, i.id desc""")
    List<Invitation> pageAfter(Instant createdAt, UUID id, Limit limit);

    @Query("""
            select count(i) > 0 from Invitation i
            where i.email = :email and i.acceptedAt is null and i.revokedAt is null and i.expiresAt > :now""")
    boolean pendingFor(String email, Instant now);
}
