package trade.caravan.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Sign-ups the application acknowledged (202) survive a {@code kill -9}: of the application alone,
 * which leaves its embedded PostgreSQL server running as an orphan that the next start must stop
 * and replace; and of the application and its database server together, after which PostgreSQL's
 * crash recovery must replay every acknowledged commit from its write-ahead log. Both run the
 * application as an operator does, in a JVM of its own on a data directory that outlives it.
 *
 * <p>Also checked: nothing half-written (each user has its organization, OWNER membership,
 * verification mail and audit entry, written in one transaction) and an intact audit hash chain.
 *
 * <p>POSIX only: {@code kill -9} and the graceful stop by SIGTERM are signals, which Windows does not have.
 */
@Tag("embedded")
@EnabledOnOs({OS.LINUX, OS.MAC})
class KillNineDurabilityTests {

    private static final int WRITERS = 6;
    private static final int ACKNOWLEDGED_BEFORE_CRASH = 60;
    private static final int KILLED_EXIT_CODE = 128 + 9;

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
    void acknowledgedSignUpsSurviveKillNineOfTheApplication() throws Exception {
        application = ApplicationProcess.start(installation, installation.log("1-before-kill"));
        ProcessHandle orphan = installation.postmaster().orElseThrow();
        var writers = new SignUpWriters(application, installation.id(), WRITERS);
        writers.start();
        writers.awaitAcknowledged(ACKNOWLEDGED_BEFORE_CRASH, Duration.ofMinutes(3));

        writers.crashBegins();
        long pid = application.pid();
        assertThat(application.kill()).as("exit code of a SIGKILLed JVM").isEqualTo(KILLED_EXIT_CODE);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        Set<String> acknowledged = writers.finish();
        assertThat(writers.refusedBeforeCrash()).isEmpty();
        assertThat(orphan.isAlive()).as("the embedded PostgreSQL server outlives the JVM that started it").isTrue();

        application = ApplicationProcess.start(installation, installation.log("2-after-kill"));
        assertThat(orphan.isAlive()).as("the orphaned server was stopped by the next start").isFalse();
        assertThat(installation.postmaster()).get().extracting(ProcessHandle::pid).isNotEqualTo(orphan.pid());

        assertEverySignUpKeptWhole(acknowledged);
        assertStillTakesSignUps();
        stopAndCheckNothingIsLeftRunning();
    }

    @Test
    void acknowledgedSignUpsSurviveKillNineOfTheApplicationAndItsDatabase() throws Exception {
        application = ApplicationProcess.start(installation, installation.log("1-before-crash"));
        var writers = new SignUpWriters(application, installation.id(), WRITERS);
        writers.start();
        writers.awaitAcknowledged(ACKNOWLEDGED_BEFORE_CRASH, Duration.ofMinutes(3));

        // the database first, while the application is still answering: a commit it acknowledged
        // just before must already be in the write-ahead log, not in a buffer that died with it
        writers.crashBegins();
        installation.killDatabase();
        assertThat(application.kill()).isEqualTo(KILLED_EXIT_CODE);
        Set<String> acknowledged = writers.finish();
        assertThat(writers.refusedBeforeCrash()).isEmpty();
        assertThat(installation.postmaster()).as("no PostgreSQL process survived").isEmpty();
        assertThat(installation.databaseDirectory().resolve("postmaster.pid")).as("left behind by the crash").exists();

        application = ApplicationProcess.start(installation, installation.log("2-after-crash"));
        assertThat(application.log()).doesNotContain("Stopping orphaned PostgreSQL server");

        assertEverySignUpKeptWhole(acknowledged);
        assertStillTakesSignUps();
        stopAndCheckNothingIsLeftRunning();
    }

    private void assertEverySignUpKeptWhole(Set<String> acknowledged) throws SQLException, IOException,
            InterruptedException {
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_CRASH);
        try (Connection db = installation.connect()) {
            assertThat(strings(db, """
                    select u.email from accounts.users u
                    join accounts.memberships m on m.user_id = u.id and m.role = 'OWNER'
                    join accounts.organizations o on o.id = m.organization_id""")).containsAll(acknowledged);
            assertThat(strings(db, "select recipient from notifications.outbox where category = 'email-verification'"))
                    .containsAll(acknowledged);
            assertThat(strings(db, "select actor_label from audit.entries where action = 'SIGN_UP'"))
                    .containsAll(acknowledged);

            // nothing half-written, acknowledged or not: a sign-up is one transaction
            assertThat(strings(db, """
                    select u.email from accounts.users u
                    where not exists (select 1 from accounts.memberships m where m.user_id = u.id)""")).isEmpty();
            assertThat(strings(db, """
                    select o.legal_name from accounts.organizations o
                    where not exists (select 1 from accounts.memberships m
                                      where m.organization_id = o.id and m.role = 'OWNER')""")).isEmpty();
            assertThat(strings(db, """
                    select u.email from accounts.users u
                    where not exists (select 1 from notifications.outbox b where b.recipient = u.email)
                       or not exists (select 1 from audit.entries a where a.action = 'SIGN_UP' and a.actor_label = u.email)"""))
                    .isEmpty();
        }
        HttpResponse<String> chain = application.http().send(
                HttpRequest.newBuilder(application.uri("/actuator/auditchain")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chain.statusCode()).isEqualTo(200);
        assertThat(chain.body()).contains("\"intact\":true");
    }

    private void assertStillTakesSignUps() throws IOException, InterruptedException {
        String email = "after-restart-" + installation.id() + "@durability.example";
        HttpResponse<String> response = application.http().send(SignUpWriters.signUp(application, email),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** SIGTERM: the application stops, and stops its PostgreSQL server with it. */
    private void stopAndCheckNothingIsLeftRunning() throws IOException, InterruptedException {
        ProcessHandle postmaster = installation.postmaster().orElseThrow();
        int exit = application.stop();
        assertThat(exit).as("exit code after SIGTERM; see " + application.tail()).isIn(0, 128 + 15);
        Installation.awaitExit(postmaster);
        assertThat(installation.postmaster()).isEmpty();
        assertThat(installation.databaseDirectory().resolve("postmaster.pid")).as("removed by a clean shutdown")
                .doesNotExist();
    }

    private static Set<String> strings(Connection db, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
