package trade.caravan.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * An accepted offer's {@code OfferAccepted} event reaches its listener exactly once although the
 * application is killed ({@code kill -9}) after the acceptance committed and while the listener
 * was still at work. The application runs in a JVM of its own on the demo data; a trader accepts
 * the demo's countered offer through the web page, as a person does. The listener cannot finish
 * (this test holds a lock on the table it writes to), so at the moment of the kill the acceptance
 * is committed and its event publication incomplete. The next start finds the publication and
 * delivers it: one acceptance notice, one mail per trader of each side, one trade, the publication
 * completed.
 */
@Tag("embedded")
@EnabledOnOs({OS.LINUX, OS.MAC})
class OfferAcceptedKillNineTests {

    private static final Pattern DEMO_LOGIN = Pattern.compile("demo login\\s+(\\S+@\\S+)\\s+\\S+\\s+(\\S+)\\s+\\(");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private Installation installation;
    private ApplicationProcess application;

    @BeforeEach
    void install() throws IOException {
        installation = Installation.create();
    }

    @AfterEach
    void uninstall() throws IOException, InterruptedException {
        if (application != null && application.isAlive()) {
            application.kill();
        }
        installation.remove();
    }

    @Test
    void anAcceptanceCommittedBeforeKillNineIsDeliveredOnceAfterTheRestart() throws Exception {
        application = ApplicationProcess.start(installation, installation.log("1-accept-then-kill"), true);
        Map<String, String> passwords = demoPasswords(application.log());
        UUID negotiation;
        try (Connection db = installation.connect()) {
            // the demo's own acceptance has been delivered before this test begins
            awaitTrue(() -> incompleteAcceptances(db) == 0);
            negotiation = single(db, "select id from sourcing.negotiations where state = 'COUNTERED'");
            // the buyer countered last: the supplier's traders may accept
            String email = single(db, """
                    select u.email from sourcing.negotiations n
                    join accounts.memberships m on m.organization_id = n.supplier_id and m.role in ('OWNER', 'ADMIN', 'TRADER')
                    join accounts.users u on u.id = m.user_id
                    where n.id = ? order by u.email limit 1""", negotiation);

            db.setAutoCommit(false);
            try (var lock = db.createStatement()) {
                lock.execute("lock table sourcing.acceptance_notices in access exclusive mode");
            }
            var browser = new Browser(application);
            browser.signIn(email, passwords.get(email));
            browser.accept(negotiation, 2);

            assertThat(this.<String>single(db, "select state from sourcing.negotiations where id = ?", negotiation))
                    .isEqualTo("ACCEPTED");
            awaitTrue(() -> incompleteAcceptances(db) == 1);
            assertThat(this.<Long>single(db, "select count(*) from notifications.outbox where category = 'offer-accepted'"
                    + " and text_body like ?", "%" + negotiation + "%")).isZero();

            assertThat(application.kill()).as("exit code of a SIGKILLed JVM").isEqualTo(128 + 9);
            db.rollback();
            assertThat(incompleteAcceptances(db)).as("left incomplete by the kill").isEqualTo(1);
        }

        // the next start stops the orphaned PostgreSQL server, starts its own and delivers what is outstanding
        application = ApplicationProcess.start(installation, installation.log("2-after-kill"), true);
        try (Connection db = installation.connect()) {
            awaitTrue(() -> incompleteAcceptances(db) == 0);
            assertThat(this.<Long>single(db, "select count(*) from sourcing.acceptance_notices where negotiation_id = ?",
                    negotiation)).isEqualTo(1);
            List<String> recipients = strings(db, "select recipient from notifications.outbox"
                    + " where category = 'offer-accepted' and text_body like ?", "%" + negotiation + "%");
            List<String> traders = strings(db, """
                    select u.email from sourcing.negotiations n
                    join accounts.memberships m on m.organization_id in (n.buyer_id, n.supplier_id)
                         and m.role in ('OWNER', 'ADMIN', 'TRADER')
                    join accounts.users u on u.id = m.user_id
                    where n.id = ?""", negotiation);
            assertThat(traders).isNotEmpty();
            // and the trade workflow's own listener opened the trade once, before the kill or after it
            assertThat(this.<Long>single(db, "select count(*) from trades.trades where negotiation_id = ?", negotiation))
                    .isEqualTo(1);
            assertThat(recipients).as("one mail to each trader of both sides").containsExactlyInAnyOrderElementsOf(traders);
        }
    }

    /** A person's browser, reduced to what the acceptance needs: a cookie jar and the forms' CSRF tokens. */
    private static final class Browser {

        private final ApplicationProcess application;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Browser(ApplicationProcess application) {
            this.application = application;
        }

        void signIn(String email, String password) throws IOException, InterruptedException {
            String token = csrf(get("/login"));
            HttpResponse<String> signedIn = post("/login", Map.of("email", email, "password", password, "_csrf", token));
            assertThat(signedIn.statusCode()).as("sign-in of %s", email).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        }

        void accept(UUID negotiation, int offer) throws IOException, InterruptedException {
            String page = get("/sourcing/negotiations/" + negotiation);
            assertThat(page).contains("id=\"accept-offer\"");
            HttpResponse<String> accepted = post("/sourcing/negotiations/" + negotiation + "/accept",
                    Map.of("offer", Integer.toString(offer), "_csrf", csrf(page)));
            assertThat(accepted.statusCode()).isEqualTo(302);
        }

        private String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(application.uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        }

        private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(application.uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String csrf(String page) {
            Matcher matcher = CSRF.matcher(page);
            assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
            return matcher.group(1);
        }
    }

    private static Map<String, String> demoPasswords(String log) {
        Matcher matcher = DEMO_LOGIN.matcher(log);
        Map<String, String> passwords = new java.util.HashMap<>();
        while (matcher.find()) {
            passwords.put(matcher.group(1), matcher.group(2));
        }
        assertThat(passwords).as("demo sign-in details in the log").isNotEmpty();
        return passwords;
    }

    private static long incompleteAcceptances(Connection db) throws SQLException {
        try (var statement = db.prepareStatement("""
                select count(*) from event_publication
                where event_type like '%OfferAccepted' and completion_date is null""");
             var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T single(Connection db, String sql, Object... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                T value = (T) rows.getObject(1);
                assertThat(rows.next()).as("one row only: " + sql).isFalse();
                return value;
            }
        }
    }

    private static List<String> strings(Connection db, String sql, Object... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private interface Check {
        boolean holds() throws SQLException;
    }

    private static void awaitTrue(Check check) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within a minute");
            }
            Thread.sleep(100);
        }
    }
}
