package trade.caravan.accounts.signin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.DomainException;

/**
 * A member's passkeys (WebAuthn credentials kept by Spring Security's JDBC repositories). Also
 * the credential store Spring Security writes to, so that registering one is recorded in the
 * audit trail (a save of an unknown credential id is a registration; later saves only move the
 * signature counter).
 */
public class Passkeys implements UserCredentialRepository {

    /** A passkey as listed to its owner. */
    public record Passkey(String id, String label, Instant created, @Nullable Instant lastUsed) {
    }

    private final UserCredentialRepository credentials;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final SecurityEvents events;

    Passkeys(UserCredentialRepository credentials, PublicKeyCredentialUserEntityRepository userEntities,
            SecurityEvents events) {
        this.credentials = credentials;
        this.userEntities = userEntities;
        this.events = events;
    }

    public List<Passkey> of(MemberPrincipal member) {
        return userEntity(member)
                .map(entity -> credentials.findByUserId(entity.getId()).stream()
                        .map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(),
                                c.getLastUsed()))
                        .toList())
                .orElse(List.of());
    }

    /** Removes one of the member's own passkeys; someone else's is "not found". */
    public void remove(MemberPrincipal member, String credentialId) {
        Bytes id;
        try {
            id = Bytes.fromBase64(credentialId);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound();
        }
        CredentialRecord credential = credentials.findByCredentialId(id);
        Optional<PublicKeyCredentialUserEntity> owner = userEntity(member);
        if (credential == null || owner.isEmpty() || !credential.getUserEntityUserId().equals(owner.get().getId())) {
            throw DomainException.notFound();
        }
        credentials.delete(id);
        events.record(AuditAction.PASSKEY_REMOVED, member.organizationId(), member.userId(), member.email(),
                member.userId().toString(), java.util.Map.of("label", credential.getLabel()));
    }

    private Optional<PublicKeyCredentialUserEntity> userEntity(MemberPrincipal member) {
        return Optional.ofNullable(userEntities.findByUsername(member.getUsername()));
    }

    @Override
    public void save(CredentialRecord credential) {
        boolean registration = credentials.findByCredentialId(credential.getCredentialId()) == null;
        credentials.save(credential);
        if (registration && org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication() != null
                && org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                        .getPrincipal() instanceof MemberPrincipal member) {
            events.record(AuditAction.PASSKEY_REGISTERED, member.organizationId(), member.userId(), member.email(),
                    member.userId().toString(), java.util.Map.of("label", credential.getLabel()));
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        credentials.delete(credentialId);
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return credentials.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return credentials.findByUserId(userId);
    }
}
