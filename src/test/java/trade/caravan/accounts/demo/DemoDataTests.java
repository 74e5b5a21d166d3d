package trade.caravan.accounts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import trade.caravan.accounts.identity.Passwords;

/**
 * The demo on an empty database (a database of its own on the embedded server, hence embedded
 * only): exporters in five countries, importers in Germany and Brazil, members in every role,
 * sign-in details logged once.
 */
@Tag("embedded")
@SpringBootTest(properties = {"caravan.demo.enabled=true", "caravan.database.embedded.database-name=demo"})
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTests {

    private static final Pattern LOGIN = Pattern.compile("demo login\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoData demo;
    @Autowired
    Passwords passwords;

    @Test
    void seedsTradersOnThreeContinentsAndDoesItOnlyOnce(CapturedOutput output) {
        ApplicationArguments none = new DefaultApplicationArguments();
        List<String> countries = jdbc.sql("select country from accounts.organizations order by country")
                .query(String.class).list();
        if (countries.isEmpty()) {
            demo.run(none);
            countries = jdbc.sql("select country from accounts.organizations order by country").query(String.class).list();
        }
        assertThat(countries).containsExactly("BR", "CN", "CN", "DE", "ES", "IN", "TR", "VN");
        assertThat(jdbc.sql("select distinct role from accounts.memberships").query(String.class).list())
                .containsExactlyInAnyOrder("OWNER", "ADMIN", "TRADER", "FINANCE", "VIEWER");
        assertThat(jdbc.sql("select count(*) from accounts.users where email_verified_at is null").query(Long.class).single())
                .isZero();

        Matcher login = LOGIN.matcher(output.getAll());
        assertThat(login.find()).as("sign-in details in the log").isTrue();
        String hash = jdbc.sql("select password_hash from accounts.users where email = ?").param(login.group(1))
                .query(String.class).single();
        assertThat(passwords.matches(login.group(3), hash)).isTrue();

        demo.run(none);
        assertThat(jdbc.sql("select count(*) from accounts.organizations").query(Long.class).single()).isEqualTo(8);
    }
}
