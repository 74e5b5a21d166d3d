package trade.caravan.accounts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import trade.caravan.platform.DomainException;

class PasswordsTests {

    private final Passwords passwords = new Passwords();

    @Test
    void hashesWithArgon2idAndVerifies() {
        String hash = passwords.hash("a long and unusual passphrase");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches("a long and unusual passphrase", hash)).isTrue();
        assertThat(passwords.matches("a long and unusual passphrasE", hash)).isFalse();
        assertThat(passwords.hash("a long and unusual passphrase")).isNotEqualTo(hash);
    }

    @Test
    void refusesShortPasswords() {
        assertRefused("elevenchars", "error.password.too-short");
        passwords.checkPolicy("twelve chars", "someone@example.com");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        passwords.checkPolicy("我们的贸易伙伴在汉堡港口", "someone@example.com");
        assertRefused("我们的贸易伙伴在汉堡港", "error.password.too-short");
        // six ships and five containers are 22 UTF-16 units but 11 characters
        assertRefused("\uD83D\uDEA2".repeat(6) + "\uD83D\uDCE6".repeat(5), "error.password.too-short");
    }

    @Test
    void refusesOverlongPasswords() {
        assertRefused("x".repeat(60) + "y".repeat(60) + "z".repeat(9), "error.password.too-long");
    }

    @Test
    void refusesCommonPasswordsWhateverTheCase() {
        assertThat(passwords.isCommon("password")).isTrue();
        assertRefused("LeaveMeAlone", "error.password.common");
        assertRefused("QWERTY123456", "error.password.common");
        assertRefused("aaaaaaaaaaaaaaa", "error.password.common");
        assertRefused("abababababab", "error.password.common");
        assertRefused("123456789012", "error.password.common");
        assertRefused("zyxwvutsrqpo", "error.password.common");
        assertRefused("sunshine2026!!", "error.password.common");
        passwords.checkPolicy("sunshine over the harbour", "someone@example.com");
    }

    @Test
    void refusesThePasswordContainingTheEmailName() {
        assertRefused("margaretha-2026!", "error.password.contains-email", "margaretha@kontor.example");
    }

    private void assertRefused(String password, String code) {
        assertRefused(password, code, "someone@example.com");
    }

    private void assertRefused(String password, String code, String email) {
        assertThatThrownBy(() -> passwords.checkPolicy(password, email))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageCode())
                .isEqualTo(code);
    }
}
