package trade.caravan.accounts.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.mail.AccountMails;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.UserId;

/**
 * Users and their credentials: registration, e-mail verification, password change and reset.
 * Links are single-use and expire: verification after {@link #VERIFICATION_TTL}, reset after
 * {@link #RESET_TTL}; a new link voids older unused ones.
 */
@Service
public class UserAccounts {

    static final Duration VERIFICATION_TTL = Duration.ofHours(24);
    static final Duration RESET_TTL = Duration.ofHours(1);

    private final Users users;
    private final OneTimeTokens tokens;
    private final Passwords passwords;
    private final SecretTokens secrets;
    private final AccountMails mails;
    private final Clock clock;

    UserAccounts(Users users, OneTimeTokens tokens, Passwords passwords, SecretTokens secrets, AccountMails mails,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.secrets = secrets;
        this.mails = mails;
        this.clock = clock;
    }

    /** A new user whose e-mail still needs verifying; sends the verification link. */
    @Transactional
    public UserView register(String email, String displayName, String password, Locale locale) {
        UserAccount user = create(email, displayName, password, locale);
        sendVerification(user);
        return UserView.of(user);
    }

    /** A new user whose e-mail is already proven (they followed an invitation sent to it). */
    @Transactional
    public UserView registerVerified(String email, String displayName, String password, Locale locale) {
        UserAccount user = create(email, displayName, password, locale);
        user.verifyEmail(clock.instant());
        return UserView.of(user);
    }

    private UserAccount create(String email, String displayName, String password, Locale locale) {
        String address = checkRegistration(email, displayName, password);
        if (users.existsByEmail(address)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.email.taken");
        }
        var user = new UserAccount(new UserId(UUID.randomUUID()), address, displayName.strip(),
                passwords.hash(password), locale, clock.instant());
        return users.saveAndFlush(user);
    }

    /**
     * Validates what a registration form carries, before anything looks at whether the address is
     * taken, so that invalid input is answered the same for known and unknown addresses.
     * Returns the normalized address.
     */
    public String checkRegistration(String email, String displayName, String password) {
        String address = EmailAddress.normalize(email);
        checkDisplayName(displayName);
        passwords.checkPolicy(password, address);
        return address;
    }

    static void checkDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.display-name.invalid");
        }
    }

    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return EmailAddress.isValid(email) && users.existsByEmail(EmailAddress.normalize(email));
    }

    /**
     * Tells an address that it already has an account (sign-up never reveals that on screen).
     * Hashes the offered password like a registration would, so the answer takes as long.
     */
    @Transactional
    public void notifyAlreadyRegistered(String email, String offeredPassword, Locale locale) {
        passwords.hash(offeredPassword);
        mails.alreadyRegistered(EmailAddress.normalize(email), locale);
    }

    @Transactional(readOnly = true)
    public Optional<UserView> find(UserId id) {
        return users.findById(id.value()).map(UserView::of);
    }

    @Transactional(readOnly = true)
    public java.util.Map<UserId, UserView> findAll(java.util.Collection<UserId> ids) {
        var result = new java.util.HashMap<UserId, UserView>();
        users.findAllById(ids.stream().map(UserId::value).toList())
                .forEach(user -> result.put(user.id(), UserView.of(user)));
        return result;
    }

    @Transactional(readOnly = true)
    public Optional<UserView> findByEmail(String email) {
        if (!EmailAddress.isValid(email)) {
            return Optional.empty();
        }
        return users.findByEmail(EmailAddress.normalize(email)).map(UserView::of);
    }

    @Transactional(readOnly = true)
    public Optional<SignInCandidate> signInCandidate(String email) {
        if (!EmailAddress.isValid(email)) {
            return Optional.empty();
        }
        return users.findByEmail(EmailAddress.normalize(email))
                .map(user -> new SignInCandidate(UserView.of(user), user.passwordHash(), user.passwordChangedAt()));
    }

    @Transactional(readOnly = true)
    public Optional<SignInCandidate> signInCandidate(UserId id) {
        return users.findById(id.value())
                .map(user -> new SignInCandidate(UserView.of(user), user.passwordHash(), user.passwordChangedAt()));
    }

    @Transactional
    public void resendVerification(UserId id) {
        UserAccount user = load(id);
        if (!user.emailVerified()) {
            sendVerification(user);
        }
    }

    private void sendVerification(UserAccount user) {
        String token = issue(user, OneTimeToken.Purpose.EMAIL_VERIFICATION, VERIFICATION_TTL);
        mails.emailVerification(user.email(), user.displayName(), user.locale(), token);
    }

    /** Marks the e-mail verified if the link is valid; returns whose it was. */
    @Transactional
    public UserView verifyEmail(String token) {
        UserAccount user = consume(token, OneTimeToken.Purpose.EMAIL_VERIFICATION);
        user.verifyEmail(clock.instant());
        return UserView.of(user);
    }

    /**
     * Sends a reset link if the address has an account. The caller answers the same either way,
     * so the form does not reveal who has an account.
     */
    @Transactional
    public Optional<UserView> requestPasswordReset(String email) {
        if (!EmailAddress.isValid(email)) {
            return Optional.empty();
        }
        return users.findByEmail(EmailAddress.normalize(email))
                .filter(UserAccount::enabled)
                .map(user -> {
                    String token = issue(user, OneTimeToken.Purpose.PASSWORD_RESET, RESET_TTL);
                    mails.passwordReset(user.email(), user.displayName(), user.locale(), token);
                    return UserView.of(user);
                });
    }

    /** Checks a reset link without using it (to show the form or say it is no longer valid). */
    @Transactional(readOnly = true)
    public boolean resetLinkUsable(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return tokens.peek(SecretTokens.digest(token), OneTimeToken.Purpose.PASSWORD_RESET)
                .filter(t -> t.usable(clock.instant()))
                .isPresent();
    }

    /** Sets a new password through a reset link. Resetting also proves the e-mail address. */
    @Transactional
    public UserView resetPassword(String token, String newPassword) {
        UserAccount user = consume(token, OneTimeToken.Purpose.PASSWORD_RESET);
        passwords.checkPolicy(newPassword, user.email());
        Instant now = clock.instant();
        user.changePassword(passwords.hash(newPassword), now);
        user.verifyEmail(now);
        mails.passwordChanged(user.email(), user.displayName(), user.locale());
        return UserView.of(user);
    }

    @Transactional
    public void changePassword(UserId id, String currentPassword, String newPassword) {
        UserAccount user = load(id);
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw new DomainException(DomainException.Kind.INVALID, "error.password.current-wrong");
        }
        passwords.checkPolicy(newPassword, user.email());
        if (passwords.matches(newPassword, user.passwordHash())) {
            throw new DomainException(DomainException.Kind.INVALID, "error.password.unchanged");
        }
        user.changePassword(passwords.hash(newPassword), clock.instant());
        mails.passwordChanged(user.email(), user.displayName(), user.locale());
    }

    /** Re-checks the password of a signed-in user before a sensitive change. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(UserId id, String password) {
        return passwords.matches(password, load(id).passwordHash());
    }

    @Transactional
    public void updateProfile(UserId id, String displayName, Locale locale) {
        checkDisplayName(displayName);
        UserAccount user = load(id);
        user.rename(displayName.strip());
        user.preferLocale(locale);
    }

    @Transactional
    public void disable(UserId id) {
        load(id).disable();
    }

    @Transactional
    public void enable(UserId id) {
        load(id).enable();
    }

    /** Lets a person come back through a new invitation: new password, enabled, e-mail proven. */
    @Transactional
    public UserView reactivate(UserId id, String displayName, String password) {
        checkDisplayName(displayName);
        UserAccount user = load(id);
        passwords.checkPolicy(password, user.email());
        Instant now = clock.instant();
        user.changePassword(passwords.hash(password), now);
        user.rename(displayName.strip());
        user.verifyEmail(now);
        user.enable();
        return UserView.of(user);
    }

    private UserAccount load(UserId id) {
        return users.findById(id.value()).orElseThrow(DomainException::notFound);
    }

    private String issue(UserAccount user, OneTimeToken.Purpose purpose, Duration ttl) {
        Instant now = clock.instant();
        tokens.voidUnused(user.id().value(), purpose, now);
        String secret = secrets.newSecret();
        tokens.save(new OneTimeToken(user.id().value(), purpose, SecretTokens.digest(secret), now, now.plus(ttl)));
        return secret;
    }

    private UserAccount consume(String token, OneTimeToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw linkInvalid();
        }
        OneTimeToken stored = tokens.findByTokenHashAndPurpose(SecretTokens.digest(token), purpose)
                .orElseThrow(UserAccounts::linkInvalid);
        Instant now = clock.instant();
        if (!stored.usable(now)) {
            throw linkInvalid();
        }
        stored.use(now);
        return users.findById(stored.userId()).orElseThrow(UserAccounts::linkInvalid);
    }

    private static DomainException linkInvalid() {
        return new DomainException(DomainException.Kind.GONE, "error.link.invalid");
    }
}
