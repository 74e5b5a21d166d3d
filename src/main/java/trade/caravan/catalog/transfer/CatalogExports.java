package trade.caravan.catalog.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.product.ProductBulk;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductView;
import trade.caravan.reference.Currencies;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * The current organization's products as a catalog file, in the import format: importing it again
 * changes nothing. Streams: products are read a chunk at a time and written as they come.
 */
@Service
class CatalogExports {

    /** Languages of the template: the two the application speaks. */
    private static final List<String> TEMPLATE_LANGUAGES = List.of("en", "zh-CN");

    private final ProductBulk bulk;
    private final Currencies currencies;

    CatalogExports(ProductBulk bulk, Currencies currencies) {
        this.bulk = bulk;
        this.currencies = currencies;
    }

    void export(OutputStream out, boolean byteOrderMark) throws IOException {
        try (var writer = new CatalogFileWriter(out, bulk.locales(), byteOrderMark, minorDigits())) {
            bulk.forEach(product -> {
                try {
                    writer.write(product);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A file to start from: the header and one example product (new, so without an id). */
    void template(OutputStream out, boolean byteOrderMark) throws IOException {
        try (var writer = new CatalogFileWriter(out, TEMPLATE_LANGUAGES, byteOrderMark, minorDigits())) {
            ProductDetails kettle = new ProductDetails("8516.71", "en",
                    List.of(new ProductDetails.Text("en", "Electric kettle 1.7 l", "Stainless steel, 2200 W."),
                            new ProductDetails.Text("zh-CN", "电热水壶 1.7 升", "不锈钢，2200 瓦。")),
                    List.of(new ProductDetails.Specification("Power", "2200 W"),
                            new ProductDetails.Specification("Voltage", "230 V")),
                    UnitOfMeasure.C62, 500, new CurrencyCode("USD"),
                    List.of(new ProductDetails.PriceTier(500, 1240), new ProductDetails.PriceTier(2000, 1190)), 30,
                    new CountryCode("CN"), "CNSZX",
                    List.of(new ProductDetails.Certification(CertificationKind.CE, null, null),
                            new ProductDetails.Certification(CertificationKind.ROHS, null, null)),
                    new ProductDetails.Packaging(6, 400, 300, 250, 7200), List.of());
            writer.writeNew(new ProductView(new ProductId(new UUID(0, 0)), ProductStatus.DRAFT, 0, kettle,
                    Instant.EPOCH, Instant.EPOCH, null, "KET-17-SS"));
        }
    }

    private Function<CurrencyCode, Integer> minorDigits() {
        Map<CurrencyCode, Integer> digits = new HashMap<>();
        return code -> digits.computeIfAbsent(code, c -> currencies.minorUnits(c).orElse(2));
    }
}
