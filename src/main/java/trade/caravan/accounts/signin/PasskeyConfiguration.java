package trade.caravan.accounts.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.shared.UserId;

/** Passkeys (WebAuthn): Spring Security's ceremonies over its JDBC credential store. */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    Passkeys passkeys(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository userEntities,
            SecurityEvents events) {
        return new Passkeys(new JdbcUserCredentialRepository(jdbc), userEntities, events);
    }

    /**
     * Spring Security's passkey sign-in asks for a UserDetailsService by username (our user id).
     * The member principal it ends up with is built by {@link PasskeySignIn}, which also checks
     * that the user may still sign in.
     */
    @Bean
    UserDetailsService passkeyUsers(UserAccounts users, MemberPrincipals principals) {
        return username -> {
            UserId id;
            try {
                id = UserId.of(username);
            } catch (IllegalArgumentException e) {
                throw new UsernameNotFoundException("Unknown user");
            }
            return users.signInCandidate(id)
                    .filter(candidate -> candidate.user().enabled() && candidate.user().emailVerified())
                    .flatMap(principals::of)
                    .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        };
    }
}
