package trade.caravan.platform.database;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL server when no {@code spring.datasource.url} is configured and
 * points the datasource at it. Runs before any bean exists, so Flyway, JPA and the event
 * publication registry all see the embedded server as an ordinary PostgreSQL.
 *
 * <p>The server is stopped after every bean that uses it: it is registered as a disposable
 * singleton on which each {@link DataSource} bean depends, so the connection pool closes first.
 * (Zonky's own JVM shutdown hook is not used; it raced the context shutdown.)
 */
public class EmbeddedPostgresInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    static final String BEAN_NAME = "caravanEmbeddedPostgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return;
        }
        if (!env.getProperty("caravan.database.embedded.enabled", Boolean.class, true)) {
            return;
        }
        if (context.getBeanFactory().containsSingleton(BEAN_NAME)) {
            return;
        }
        var settings = new EmbeddedPostgresSettings(
                dataDirectory(env.getProperty("caravan.database.embedded.data-dir")),
                env.getProperty("caravan.database.embedded.port", Integer.class, 0),
                env.getProperty("caravan.database.embedded.database-name", "caravan"));
        EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.acquire(settings);
        env.getPropertySources().addFirst(new MapPropertySource("caravanEmbeddedPostgres", Map.of(
                "spring.datasource.url", lease.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "caravan.database.embedded.active", "true")));
        log.info("Embedded PostgreSQL {} in {}", lease.jdbcUrl(),
                settings.dataDirectory() == null ? "a temporary directory" : settings.dataDirectory());

        var beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, lease);
        beanFactory.registerDisposableBean(BEAN_NAME, lease::release);
        context.addBeanFactoryPostProcessor(factory -> {
            for (String name : factory.getBeanNamesForType(DataSource.class, true, false)) {
                var definition = factory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn();
                definition.setDependsOn(dependsOn == null
                        ? new String[] {BEAN_NAME}
                        : append(dependsOn, BEAN_NAME));
            }
        });
    }

    private static @Nullable Path dataDirectory(@Nullable String configured) {
        return StringUtils.hasText(configured) ? Path.of(configured).toAbsolutePath().normalize() : null;
    }

    private static String[] append(String[] names, String name) {
        String[] result = java.util.Arrays.copyOf(names, names.length + 1);
        result[names.length] = name;
        return result;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
