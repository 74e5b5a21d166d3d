package trade.caravan.accounts.signin;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

import trade.caravan.accounts.MemberPrincipal;

/**
 * The principal between a correct password and the second factor. It deliberately is not a
 * {@code TenantPrincipal}: until the second factor is given, no tenant data is visible.
 */
record PendingSecondFactor(MemberPrincipal member, Instant passwordVerifiedAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return member.getUsername();
    }
}
