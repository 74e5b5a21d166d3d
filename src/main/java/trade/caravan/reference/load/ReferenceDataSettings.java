package trade.caravan.reference.load;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caravan.reference.load-on-startup}: copy the bundled reference data into the database
 * when the application starts (default). Switch off only where the data is loaded otherwise.
 */
@ConfigurationProperties("caravan.reference")
record ReferenceDataSettings(@DefaultValue("true") boolean loadOnStartup) {
}
