package trade.caravan.catalog.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code caravan.catalog.import.*}: the limits of a catalog import file.
 *
 * @param maxBytes       largest file accepted (the upload form is also held to
 *                       {@code spring.servlet.multipart.max-file-size})
 * @param maxRows        most products in one file
 * @param maxCellChars   longest cell, in characters (a description may have 10,000)
 * @param maxRecordChars longest row, in characters, quoted line breaks included: a longer one is
 *                       refused as soon as it is seen, never read into memory
 * @param maxErrors      problems kept and shown for one file (all are counted)
 * @param keepChecked    how long a checked file waits for its import to be confirmed
 */
@ConfigurationProperties("caravan.catalog.import")
record ImportSettings(@DefaultValue("10MB") DataSize maxBytes, @DefaultValue("10000") int maxRows,
        @DefaultValue("20000") int maxCellChars, @DefaultValue("200000") int maxRecordChars,
        @DefaultValue("1000") int maxErrors, @DefaultValue("24h") Duration keepChecked) {

    ImportSettings {
        if (maxRows < 1 || maxCellChars < 1 || maxErrors < 1 || maxRecordChars < maxCellChars) {
            throw new IllegalArgumentException(
                    "caravan.catalog.import: limits must be positive and max-record-chars at least max-cell-chars");
        }
    }

    CatalogFileReader.Limits limits() {
        return new CatalogFileReader.Limits(maxBytes.toBytes(), maxRows, maxCellChars, maxRecordChars);
    }
}
