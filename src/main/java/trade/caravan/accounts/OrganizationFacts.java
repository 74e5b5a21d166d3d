package trade.caravan.accounts;

import java.time.Instant;
import java.util.List;

/**
 * What the platform itself knows about an organization, for public pages: its public face, since
 * when it is registered, whether it gave a registration number (stated, not checked), and the
 * e-mail domains at which an owner proved to receive mail (the verification link was followed).
 */
public record OrganizationFacts(OrganizationSummary summary, Instant memberSince, boolean registrationNumberStated,
        List<String> verifiedOwnerEmailDomains) {

    public OrganizationFacts {
        verifiedOwnerEmailDomains = List.copyOf(verifiedOwnerEmailDomains);
    }
}
