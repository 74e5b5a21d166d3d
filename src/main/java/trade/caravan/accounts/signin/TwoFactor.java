package trade.caravan.accounts.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.SecondFactor;
import trade.caravan.accounts.identity.SecretTokens;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.RateLimits;
import trade.caravan.platform.SecretBox;
import trade.caravan.shared.UserId;

/**
 * The second factor: TOTP (authenticator app) with single-use recovery codes. The seed is sealed
 * at rest; each accepted code moves the user's last-used step forward, so a code (or an earlier
 * one) is never accepted twice, even by two requests at once (the credential row is locked).
 */
@Service
public class TwoFactor implements SecondFactor {

    /** Step-up attempts per person: right or wrong, at most this many per quarter hour. */
    static final int STEP_UP_ATTEMPTS = 10;

    static final int RECOVERY_CODES = 10;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** How a second factor was given, or that it was not. */
    public enum Outcome {
        TOTP, RECOVERY_CODE, INVALID
    }

    /** What the enrolment page shows: the seed for manual entry, and as a QR code. */
    public record Enrollment(String secret, String otpauthUri, String qrDataUri) {
    }

    private final TotpCredentials credentials;
    private final RecoveryCodes recoveryCodes;
    private final UserAccounts users;
    private final SecretBox box;
    private final SecureRandom random;
    private final SecurityEvents events;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final Totp totp = new Totp();
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

    TwoFactor(TotpCredentials credentials, RecoveryCodes recoveryCodes, UserAccounts users, SecretBox box,
            SecureRandom random, SecurityEvents events, Clock clock, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.credentials = credentials;
        this.recoveryCodes = recoveryCodes;
        this.users = users;
        this.box = box;
        this.random = random;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean enrolled(UserId user) {
        return credentials.findById(user.value()).map(TotpCredential::confirmed).orElse(false);
    }

    @Transactional(readOnly = true)
    public long remainingRecoveryCodes(UserId user) {
        return recoveryCodes.countUnused(user.value());
    }

    /** Starts (or restarts) enrolment with a fresh seed; not active until confirmed with a code. */
    @Transactional
    public Enrollment startEnrollment(MemberPrincipal member) {
        if (enrolled(member.userId())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.totp.already-enabled");
        }
        String secret = secrets.generate();
        credentials.findById(member.userId().value()).ifPresent(credentials::delete);
        credentials.flush();
        credentials.save(new TotpCredential(member.userId().value(), seal(member.userId(), secret), clock.instant()));
        return enrollment(member, secret);
    }

    /** The pending enrolment's seed again (e.g. after a wrong confirmation code). */
    @Transactional(readOnly = true)
    public Enrollment pendingEnrollment(MemberPrincipal member) {
        TotpCredential credential = credentials.findById(member.userId().value())
                .filter(c -> !c.confirmed())
                .orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "error.totp.no-enrollment"));
        return enrollment(member, open(member.userId(), credential));
    }

    /** Confirms enrolment with a first code; returns the recovery codes, shown once. */
    @Transactional
    public List<String> confirmEnrollment(MemberPrincipal member, String code) {
        TotpCredential credential = credentials.lock(member.userId().value())
                .filter(c -> !c.confirmed())
                .orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "error.totp.no-enrollment"));
        OptionalLong step = totp.matchingStep(open(member.userId(), credential), normalize(code), clock.instant());
        if (step.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.totp.code-wrong");
        }
        credential.use(step.getAsLong());
        credential.confirm(clock.instant());
        List<String> codes = replaceRecoveryCodes(member.userId());
        events.record(AuditAction.TOTP_ENABLED, member.organizationId(), member.userId(), member.email(),
                member.userId().toString());
        return codes;
    }

    /** Checks a second-factor code: a TOTP code (once only) or an unused recovery code. */
    @Transactional
    public Outcome verify(UserId user, String code) {
        String typed = normalize(code);
        var credential = credentials.lock(user.value()).filter(TotpCredential::confirmed);
        if (credential.isEmpty()) {
            return Outcome.INVALID;
        }
        if (typed.matches("\\d{" + Totp.DIGITS + "}")) {
            OptionalLong step = totp.matchingStep(open(user, credential.get()), typed, clock.instant());
            if (step.isPresent() && step.getAsLong() > credential.get().lastUsedStep()) {
                credential.get().use(step.getAsLong());
                return Outcome.TOTP;
            }
            return Outcome.INVALID;
        }
        byte[] digest = SecretTokens.digest(typed);
        for (RecoveryCode recovery : recoveryCodes.lockUnused(user.value())) {
            if (MessageDigest.isEqual(recovery.codeHash(), digest)) {
                recovery.use(clock.instant());
                return Outcome.RECOVERY_CODE;
            }
        }
        return Outcome.INVALID;
    }

    @Override
    @Transactional
    public boolean confirm(UserId user, String code) {
        rateLimits.consume("second-factor-step-up", user.toString(), STEP_UP_ATTEMPTS, Duration.ofMinutes(15));
        return verify(user, code) != Outcome.INVALID;
    }

    @Transactional
    public void disable(MemberPrincipal member, String password) {
        requirePassword(member, password);
        credentials.findById(member.userId().value()).ifPresent(credentials::delete);
        recoveryCodes.deleteAllOf(member.userId().value());
        events.record(AuditAction.TOTP_DISABLED, member.organizationId(), member.userId(), member.email(),
                member.userId().toString());
    }

    @Transactional
    public List<String> regenerateRecoveryCodes(MemberPrincipal member, String password) {
        requirePassword(member, password);
        if (!enrolled(member.userId())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.totp.not-enabled");
        }
        List<String> codes = replaceRecoveryCodes(member.userId());
        events.record(AuditAction.RECOVERY_CODES_REGENERATED, member.organizationId(), member.userId(),
                member.email(), member.userId().toString());
        return codes;
    }

    /** For tests and the demo: the code an authenticator app would show now. */
    String currentCode(UserId user) {
        TotpCredential credential = credentials.findById(user.value()).orElseThrow();
        return totp.code(open(user, credential), Totp.step(clock.instant()));
    }

    private void requirePassword(MemberPrincipal member, String password) {
        if (password == null || !users.passwordMatches(member.userId(), password)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.password.current-wrong");
        }
    }

    private List<String> replaceRecoveryCodes(UserId user) {
        recoveryCodes.deleteAllOf(user.value());
        Instant now = clock.instant();
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = newRecoveryCode();
            recoveryCodes.save(new RecoveryCode(user.value(), SecretTokens.digest(normalize(code)), now));
            codes.add(code);
        }
        return codes;
    }

    private String newRecoveryCode() {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return code.toString();
    }

    private static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private Enrollment enrollment(MemberPrincipal member, String secret) {
        QrData data = new QrData.Builder()
                .label(member.email())
                .secret(secret)
                .issuer("Caravan")
                .algorithm(HashingAlgorithm.SHA1)
                .digits(Totp.DIGITS)
                .period(Totp.PERIOD_SECONDS)
                .build();
        try {
            var generator = new ZxingPngQrGenerator();
            return new Enrollment(secret, data.getUri(),
                    Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }

    private byte[] seal(UserId user, String secret) {
        return box.seal(secret.getBytes(StandardCharsets.US_ASCII), associatedData(user));
    }

    private String open(UserId user, TotpCredential credential) {
        return new String(box.open(credential.sealedSecret(), associatedData(user)), StandardCharsets.US_ASCII);
    }

    private static byte[] associatedData(UserId user) {
        return ("totp:" + user).getBytes(StandardCharsets.UTF_8);
    }
}
