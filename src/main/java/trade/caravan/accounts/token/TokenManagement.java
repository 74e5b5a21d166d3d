package trade.caravan.accounts.token;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.Permission;
import trade.caravan.accounts.identity.SecretTokens;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;

/**
 * API tokens of the current organization. A token reads {@code cvn_<lookup id>_<secret>}: the
 * lookup id finds the row without scanning, the secret (256 bits) is compared by digest in
 * constant time. Tokens expire (at most {@link #MAX_VALIDITY}) and can be revoked at once.
 */
@Service
public class TokenManagement {

    static final Duration MAX_VALIDITY = Duration.ofDays(365);
    static final String PREFIX = "cvn_";
    private static final Pattern FORMAT = Pattern.compile("cvn_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");
    private static final String LOOKUP_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final SecretTokens secrets;
    private final SecureRandom random;
    private final SecurityEvents events;
    private final Tenancy tenancy;
    private final Clock clock;

    TokenManagement(ApiTokens tokens, SecretTokens secrets, SecureRandom random, SecurityEvents events,
            Tenancy tenancy, Clock clock) {
        this.tokens = tokens;
        this.secrets = secrets;
        this.random = random;
        this.events = events;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    public IssuedApiToken create(MemberPrincipal actor, String name, Set<TokenScope> scopes, int validDays) {
        if (!actor.can(Permission.TOKENS_MANAGE)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 80 || label.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.token.name");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.token.no-scopes");
        }
        if (validDays < 1 || validDays > MAX_VALIDITY.toDays()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.token.validity", 1, MAX_VALIDITY.toDays());
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        scopes.forEach(scope -> permissions.addAll(scope.permissions()));
        permissions.retainAll(actor.role().permissions());
        String lookupId = newLookupId();
        String secret = secrets.newSecret();
        String value = PREFIX + lookupId + "_" + secret;
        Instant now = clock.instant();
        ApiToken token = tokens.save(new ApiToken(label, lookupId, SecretTokens.digest(value), permissions,
                actor.userId(), now, now.plus(Duration.ofDays(validDays))));
        events.record(AuditAction.API_TOKEN_CREATED, actor.organizationId(), actor.userId(), actor.email(),
                token.id().toString(), Map.of("name", label, "permissions",
                        permissions.stream().map(Permission::authority).sorted().collect(Collectors.joining(" "))));
        return new IssuedApiToken(view(token, now), value);
    }

    @Transactional(readOnly = true)
    public CursorPage<ApiTokenView> page(@Nullable String cursor, int limit) {
        @Nullable Cursor after = Cursor.decode(cursor, 2);
        List<ApiToken> rows = after == null
                ? tokens.firstPage(Limit.of(limit + 1))
                : tokens.pageAfter(after.instantAt(0), after.uuidAt(1), Limit.of(limit + 1));
        Instant now = clock.instant();
        return CursorPage.of(rows, limit, t -> Cursor.of(t.createdAt().toString(), t.id().toString()))
                .map(t -> view(t, now));
    }

    @Transactional(readOnly = true)
    public ApiTokenView find(UUID id) {
        return tokens.findById(id).map(t -> view(t, clock.instant())).orElseThrow(DomainException::notFound);
    }

    @Transactional
    public void revoke(MemberPrincipal actor, UUID id) {
        if (!actor.can(Permission.TOKENS_MANAGE)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
        ApiToken token = tokens.findById(id).orElseThrow(DomainException::notFound);
        token.revoke(clock.instant());
        events.record(AuditAction.API_TOKEN_REVOKED, actor.organizationId(), actor.userId(), actor.email(),
                token.id().toString(), Map.of("name", token.name()));
    }

    /** The principal and permissions of a presented token, if it is valid, active and unrevoked. */
    public Optional<AuthenticatedToken> authenticate(String presented) {
        Matcher matcher = presented == null ? null : FORMAT.matcher(presented);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        byte[] digest = SecretTokens.digest(presented);
        Instant now = clock.instant();
        return tenancy.callAsSystem(() -> tokens.findByLookupId(matcher.group(1))
                .filter(token -> MessageDigest.isEqual(token.secretHash(), digest))
                .filter(token -> token.active(now))
                .map(token -> {
                    tokens.touch(token.id(), now, now.minus(LAST_USED_RESOLUTION));
                    return new AuthenticatedToken(new ApiTokenPrincipal(token.id(), token.name(),
                            token.organizationId(), token.permissions()), token.permissions());
                }));
    }

    /** A valid token's principal and what it may do. */
    public record AuthenticatedToken(ApiTokenPrincipal principal, Set<Permission> permissions) {
    }

    private String newLookupId() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(LOOKUP_ALPHABET.charAt(random.nextInt(LOOKUP_ALPHABET.length())));
        }
        return id.toString();
    }

    private static ApiTokenView view(ApiToken token, Instant now) {
        return new ApiTokenView(token.id(), token.name(), PREFIX + token.lookupId(),
                token.permissions().stream().map(Permission::authority).collect(Collectors.toCollection(java.util.TreeSet::new)),
                token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.revokedAt(), token.active(now));
    }


}
