package trade.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import trade.caravan.accounts.token.TokenManagement;
import trade.caravan.accounts.token.TokenScope;
import trade.caravan.support.TestAccounts;

/**
 * Idempotency-Key over real HTTP (a running server, so concurrent requests really overlap):
 * same key and body replays; same key, other body is 422; a duplicate in flight is 409.
 */
@IdempotencyTests.RealServer
class IdempotencyTests {

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @org.springframework.boot.test.context.SpringBootTest(
            webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
    @org.springframework.context.annotation.Import({trade.caravan.support.TestClock.Configuration.class,
            TestAccounts.class})
    @interface RealServer {
    }

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TokenManagement tokens;
    @Autowired
    Tenancy tenancy;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private String token() {
        var organization = accounts.organization();
        return tenancy.callAs(organization.id(), () -> tokens.create(organization.owner().principal(), "ERP",
                EnumSet.of(TokenScope.MEMBERS), 7).value());
    }

    private HttpResponse<String> invite(String token, String key, String email) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/invitations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"role\":\"TRADER\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long invitationsTo(String email) {
        return jdbc.sql("select count(*) from accounts.invitations where email = ?").param(email)
                .query(Long.class).single();
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponse() throws Exception {
        String token = token();
        String key = UUID.randomUUID().toString();
        String email = "idem-" + UUID.randomUUID() + "@test.example";
        HttpResponse<String> first = invite(token, key, email);
        HttpResponse<String> second = invite(token, key, email);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(invitationsTo(email)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        String token = token();
        String key = UUID.randomUUID().toString();
        String email = "idem-" + UUID.randomUUID() + "@test.example";
        assertThat(invite(token, key, email).statusCode()).isEqualTo(201);
        HttpResponse<String> other = invite(token, key, "other-" + email);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(invitationsTo("other-" + email)).isZero();
    }

    @Test
    void keysOfDifferentCallersNeverMeet() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = "idem-" + UUID.randomUUID() + "@test.example";
        assertThat(invite(token(), key, email).statusCode()).isEqualTo(201);
        assertThat(invite(token(), key, email).statusCode()).isEqualTo(201);
        assertThat(invitationsTo(email)).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesDoTheWorkOnceAndTheOthersGet409OrTheReplay() throws Exception {
        String token = token();
        String key = UUID.randomUUID().toString();
        String email = "idem-" + UUID.randomUUID() + "@test.example";
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return invite(token, key, email);
                };
                responses.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                statuses.add(response.get().statusCode());
            }
            // a duplicate arriving after the first finished gets the replay (201): all 201 is a valid outcome
            assertThat(statuses).isSubsetOf(201, 409);
            assertThat(statuses).contains(201);
        }
        assertThat(invitationsTo(email)).isEqualTo(1);
    }

    @Test
    void aDuplicateArrivingWhileTheFirstIsInFlightGets409() throws Exception {
        // the first request is still being handled: its key is claimed, not completed
        ClaimedKey claimed = claimedKey("now()");
        String email = "idem-" + UUID.randomUUID() + "@test.example";
        assertThat(invite(claimed.token(), claimed.key(), email).statusCode()).isEqualTo(409);
        assertThat(invitationsTo(email)).isZero();
    }

    @Test
    void aKeyAbandonedByACrashedRequestIsTakenOverLater() throws Exception {
        ClaimedKey claimed = claimedKey("now() - interval '10 minutes'");
        String email = "idem-" + UUID.randomUUID() + "@test.example";
        assertThat(invite(claimed.token(), claimed.key(), email).statusCode()).isEqualTo(201);
        assertThat(invitationsTo(email)).isEqualTo(1);
    }

    private record ClaimedKey(String token, String key) {
    }

    /** A token and a key of its that a request claimed at {@code startedAt} and did not complete. */
    private ClaimedKey claimedKey(String startedAt) {
        var organization = accounts.organization();
        var issued = tenancy.callAs(organization.id(), () -> tokens.create(organization.owner().principal(), "ERP",
                EnumSet.of(TokenScope.MEMBERS), 7));
        String key = UUID.randomUUID().toString();
        jdbc.sql("insert into platform.idempotency_keys (scope, key, request_hash, state, started_at) "
                        + "values (?, ?, ?, 'IN_PROGRESS', " + startedAt + ")")
                .params(organization.id() + "/token:" + issued.token().id(), key, new byte[32])
                .update();
        return new ClaimedKey(issued.value(), key);
    }

    @Test
    void anInvalidKeyIsRefused() throws Exception {
        HttpResponse<String> response = invite(token(), "x".repeat(256), "k-" + UUID.randomUUID() + "@test.example");
        assertThat(response.statusCode()).isEqualTo(400);
    }
}
