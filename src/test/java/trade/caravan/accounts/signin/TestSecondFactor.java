package trade.caravan.accounts.signin;

import java.time.Clock;
import java.time.Instant;

import trade.caravan.accounts.MemberPrincipal;

/** An authenticator app for tests: enrols a member and gives the codes the app would show. */
public final class TestSecondFactor {

    private TestSecondFactor() {
    }

    /**
     * Enrols the member with the code of the previous 30-second step (accepted for clock drift),
     * so the code of the current step is still unused; returns the seed.
     */
    public static String enroll(TwoFactor twoFactor, MemberPrincipal member, Clock clock) {
        String secret = twoFactor.startEnrollment(member).secret();
        twoFactor.confirmEnrollment(member, code(secret, clock.instant().minusSeconds(Totp.PERIOD_SECONDS)));
        return secret;
    }

    /** The code an authenticator app with this seed shows at {@code at}. */
    public static String code(String secret, Instant at) {
        return new Totp().code(secret, Totp.step(at));
    }
}
