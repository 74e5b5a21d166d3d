package trade.caravan.accounts.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.Role;
import trade.caravan.accounts.TradeRole;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.membership.MemberManagement;
import trade.caravan.accounts.organization.OrganizationProfile;
import trade.caravan.accounts.organization.SignUp;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/**
 * Seeds a demo when the database has no organization yet: exporters in China, Vietnam, India,
 * Türkiye and Spain, importers in Germany and Brazil, with members in every role. Passwords are
 * random and printed to the log once, at seeding; they are never stored anywhere else. On by
 * default only on the embedded database ({@code caravan.demo.enabled}). The catalog seeds the
 * exporters' products afterwards ({@code catalog.generate.DemoCatalog}).
 */
@Component
@ConditionalOnProperty(name = "caravan.demo.enabled", havingValue = "true")
@Order(100)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    record Person(String email, String name, Role role, Locale locale) {
    }

    record DemoOrganization(OrganizationProfile profile, List<Person> people) {
    }

    static final List<DemoOrganization> ORGANIZATIONS = List.of(
            new DemoOrganization(new OrganizationProfile("深圳市联华电子有限公司 Shenzhen Lianhua Electronics Co., Ltd.",
                    new CountryCode("CN"), TradeRole.EXPORTER, "91440300MA5DEMO01X", "https://lianhua.example",
                    "广东省深圳市南山区科技园路 88 号\n88 Keji Yuan Road, Nanshan District\nShenzhen, Guangdong 518057"),
                    List.of(new Person("li.wei@lianhua.example", "李伟 Li Wei", Role.OWNER, Locale.SIMPLIFIED_CHINESE),
                            new Person("zhang.min@lianhua.example", "张敏 Zhang Min", Role.TRADER, Locale.SIMPLIFIED_CHINESE),
                            new Person("chen.jing@lianhua.example", "陈静 Chen Jing", Role.FINANCE, Locale.SIMPLIFIED_CHINESE))),
            new DemoOrganization(new OrganizationProfile("Hamburger Kontor Handelsgesellschaft mbH",
                    new CountryCode("DE"), TradeRole.IMPORTER, "DE123456789", "https://kontor.example",
                    "Am Sandtorkai 12\n20457 Hamburg"),
                    List.of(new Person("anna.schmidt@kontor.example", "Anna Schmidt", Role.OWNER, Locale.ENGLISH),
                            new Person("jonas.weber@kontor.example", "Jonas Weber", Role.ADMIN, Locale.ENGLISH),
                            new Person("lena.fischer@kontor.example", "Lena Fischer", Role.VIEWER, Locale.ENGLISH))),
            new DemoOrganization(new OrganizationProfile("Importadora Paulista Ltda.",
                    new CountryCode("BR"), TradeRole.IMPORTER, "12.345.678/0001-90", "https://paulista.example"),
                    List.of(new Person("mariana.souza@paulista.example", "Mariana Souza", Role.OWNER, Locale.ENGLISH),
                            new Person("pedro.alves@paulista.example", "Pedro Alves", Role.TRADER, Locale.ENGLISH))),
            new DemoOrganization(new OrganizationProfile("宁波华腾家居用品有限公司 Ningbo Huateng Housewares Co., Ltd.",
                    new CountryCode("CN"), TradeRole.EXPORTER, "91330206MA2DEMO02Y", "https://huateng.example"),
                    List.of(new Person("wang.fang@huateng.example", "王芳 Wang Fang", Role.OWNER, Locale.SIMPLIFIED_CHINESE),
                            new Person("liu.yang@huateng.example", "刘洋 Liu Yang", Role.TRADER, Locale.SIMPLIFIED_CHINESE))),
            new DemoOrganization(new OrganizationProfile("Hai Phong Garment Joint Stock Company",
                    new CountryCode("VN"), TradeRole.EXPORTER, "0201234567", "https://haiphonggarment.example"),
                    List.of(new Person("nguyen.thu@haiphonggarment.example", "Nguyễn Thu", Role.OWNER, Locale.ENGLISH))),
            new DemoOrganization(new OrganizationProfile("Tirupur Knit Exports Pvt. Ltd.",
                    new CountryCode("IN"), TradeRole.EXPORTER, "33AABCT1234F1Z5", "https://tirupurknit.example"),
                    List.of(new Person("priya.raman@tirupurknit.example", "Priya Raman", Role.OWNER, Locale.ENGLISH))),
            new DemoOrganization(new OrganizationProfile("Anadolu Seramik ve Tekstil A.Ş.",
                    new CountryCode("TR"), TradeRole.EXPORTER, "1234567890", "https://anadolu.example"),
                    List.of(new Person("elif.yilmaz@anadolu.example", "Elif Yılmaz", Role.OWNER, Locale.ENGLISH))),
            new DemoOrganization(new OrganizationProfile("Conservas y Especias del Levante S.L.",
                    new CountryCode("ES"), TradeRole.EXPORTER, "B96123456", "https://levante.example"),
                    List.of(new Person("lucia.garcia@levante.example", "Lucía García", Role.OWNER, Locale.ENGLISH))));

    private final SignUp signUp;
    private final UserAccounts users;
    private final MemberManagement members;
    private final Tenancy tenancy;
    private final JdbcClient jdbc;
    private final SecureRandom random;

    DemoData(SignUp signUp, UserAccounts users, MemberManagement members, Tenancy tenancy, JdbcClient jdbc,
            SecureRandom random) {
        this.signUp = signUp;
        this.users = users;
        this.members = members;
        this.tenancy = tenancy;
        this.jdbc = jdbc;
        this.random = random;
    }

    @Override
    public void run(ApplicationArguments args) {
        long organizations = jdbc.sql("select count(*) from accounts.organizations").query(Long.class).single();
        if (organizations > 0) {
            return;
        }
        List<String> logins = new ArrayList<>();
        for (DemoOrganization demo : ORGANIZATIONS) {
            Person owner = demo.people().getFirst();
            String ownerPassword = password();
            OrganizationId organization = tenancy.callAsSystem(() -> signUp.registerVerified(demo.profile(),
                    owner.email(), owner.name(), ownerPassword, owner.locale()));
            logins.add(line(demo, owner, ownerPassword));
            for (Person person : demo.people().subList(1, demo.people().size())) {
                String password = password();
                tenancy.runAs(organization, () -> members.add(
                        users.registerVerified(person.email(), person.name(), password, person.locale()).id(),
                        person.role()));
                logins.add(line(demo, person, password));
            }
        }
        log.warn("Demo data created. These sign-in details are shown once; note them now:");
        logins.forEach(log::warn);
    }

    private static String line(DemoOrganization demo, Person person, String password) {
        return "demo login  %-32s %-8s %s  (%s)".formatted(person.email(), person.role(), password,
                demo.profile().country());
    }

    private String password() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
