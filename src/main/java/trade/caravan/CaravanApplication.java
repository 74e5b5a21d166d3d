package trade.caravan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Caravan: a modular monolith. Each direct sub-package is a module whose boundaries are
 * declared in its {@code package-info.java} and verified by {@code ModularityTests}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CaravanApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaravanApplication.class, args);
    }
}
