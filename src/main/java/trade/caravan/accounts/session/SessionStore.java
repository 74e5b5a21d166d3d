package trade.caravan.accounts.session;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC).
 * <ul>
 * <li>The cookie is the same however the application is deployed: {@code HttpOnly},
 * {@code SameSite=Lax}, and {@code Secure} whenever the request came over TLS (the serializer
 * asks the request; behind a TLS-terminating proxy, enable forwarded-header handling).</li>
 * <li>Session reads and writes run in plain JDBC transactions of their own: loading the session
 * happens while the security context is being resolved, and a JPA transaction there would ask
 * the tenant resolver for that very security context.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    static final String NAME = "CARAVAN_SESSION";

    @Bean
    CookieSerializer sessionCookieSerializer() {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(NAME);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }

    /** Not a default candidate: only Spring Session's injection point, qualified by this name, takes it. */
    @Bean(name = "springSessionTransactionOperations", defaultCandidate = false)
    TransactionOperations sessionTransactions(DataSource dataSource) {
        var transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return transactions;
    }
}
