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

import trade.caravan.accounts.Role;

/** Every query here is scoped to the current tenant by Hibernate's tenant filter. */
interface Memberships extends JpaRepository<Membership, UUID> {

    Optional<Membership> findByUserId(UUID userId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Membership m where m.userId = :userId")
    Optional<Membership> lockByUserId(UUID userId);

    /** The owners, locked: changes that could leave an organization without one serialize on them. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Membership m where m.role = :role order by m.id")
    List<Membership> lockByRole(Role role);

    @Query("select m from Membership m order by m.createdAt, m.id")
    List<Membership> firstPage(Limit limit);

    @Query("""
            select m from Membership m
            where m.createdAt > :createdAt or (m.createdAt = :createdAt and m.id > :id)
            order by m.createdAt, m.id""")
    List<Membership> pageAfter(Instant createdAt, UUID id, Limit limit);

    long countByRole(Role role);
}
