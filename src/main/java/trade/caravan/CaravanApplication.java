package trade.caravan;

import java.util.Arrays;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import trade.caravan.documents.offline.OfflineVerifier;

/**
 * Caravan: a modular monolith. Each direct sub-package is a module whose boundaries are
 * declared in its {@code package-info.java} and verified by {@code ModularityTests}. With the
 * first argument {@code verify} it is the offline document verifier instead, and Spring never starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CaravanApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            // the offline verifier: no Spring, no database, no network
            quietLogging();
            System.exit(OfflineVerifier.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(CaravanApplication.class, args);
    }

    /** Without Spring Boot's logging set-up, Logback would print DSS's debug lines; only errors matter here. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
