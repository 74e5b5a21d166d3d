package trade.caravan.catalog.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVPrinter;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductView;
import trade.caravan.shared.CurrencyCode;

/**
 * Writes products in the import format, one row at a time (an export streams; it never holds the
 * catalog in memory). Every cell passes {@link CatalogCsv#guarded}, so a title such as
 * {@code =cmd|' /C calc'!A0} reaches a spreadsheet as text, and comes back unchanged when the file
 * is imported again.
 */
final class CatalogFileWriter implements AutoCloseable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVPrinter printer;
    private final List<String> languages;
    private final Function<CurrencyCode, Integer> minorDigits;

    /**
     * @param byteOrderMark whether to start with a UTF-8 byte order mark, which Excel needs to read
     *                      the file as UTF-8 (Chinese titles are garbled without it)
     */
    CatalogFileWriter(OutputStream out, List<String> languages, boolean byteOrderMark,
            Function<CurrencyCode, Integer> minorDigits) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (byteOrderMark) {
            writer.write(BYTE_ORDER_MARK);
        }
        this.printer = new CSVPrinter(writer, CatalogCsv.FORMAT);
        this.languages = List.copyOf(languages);
        this.minorDigits = minorDigits;
        printer.printRecord(CatalogCsv.columns(languages));
    }

    void write(ProductView product) throws IOException {
        write(product, true);
    }

    /** Writes the product as a new one: without its id, so that importing the row creates it. */
    void writeNew(ProductView product) throws IOException {
        write(product, false);
    }

    private void write(ProductView product, boolean withId) throws IOException {
        ProductDetails details = product.details();
        List<String> cells = new ArrayList<>();
        cells.add(withId ? product.id().toString() : "");
        cells.add(product.sku() == null ? "" : product.sku());
        cells.add(product.status().name());
        cells.add(details.hsCode());
        cells.add(details.defaultLocale());
        Map<String, ProductDetails.Text> texts = details.texts().stream()
                .collect(Collectors.toMap(ProductDetails.Text::locale, Function.identity()));
        for (String language : languages) {
            ProductDetails.Text text = texts.get(language);
            cells.add(text == null ? "" : text.title());
            cells.add(text == null || text.description() == null ? "" : text.description());
        }
        cells.add(CatalogCsv.joined(details.specifications().stream()
                .map(s -> CatalogCsv.escaped(s.name(), "=") + CatalogCsv.NAME_VALUE + CatalogCsv.escaped(s.value(), ""))
                .toList()));
        cells.add(details.unit().code());
        cells.add(Long.toString(details.minimumOrderQuantity()));
        cells.add(details.currency().value());
        int digits = minorDigits.apply(details.currency());
        cells.add(CatalogCsv.joined(details.tiers().stream()
                .map(t -> t.minQuantity() + String.valueOf(CatalogCsv.QUANTITY_PRICE)
                        + BigDecimal.valueOf(t.unitPriceMinor(), digits).toPlainString())
                .toList()));
        cells.add(Integer.toString(details.leadTimeDays()));
        cells.add(details.origin().value());
        cells.add(details.portOfLoading() == null ? "" : details.portOfLoading());
        cells.add(CatalogCsv.joined(details.certifications().stream()
                .map(c -> c.kind() == CertificationKind.OTHER && c.name() != null
                        ? c.kind().name() + CatalogCsv.QUANTITY_PRICE + CatalogCsv.escaped(c.name(), "")
                        : c.kind().name())
                .toList()));
        var packaging = details.packaging();
        if (packaging == null) {
            for (int i = 0; i < CatalogCsv.PACKAGING.size(); i++) {
                cells.add("");
            }
        } else {
            cells.add(Integer.toString(packaging.unitsPerCarton()));
            cells.add(Integer.toString(packaging.lengthMm()));
            cells.add(Integer.toString(packaging.widthMm()));
            cells.add(Integer.toString(packaging.heightMm()));
            cells.add(Integer.toString(packaging.grossWeightGrams()));
        }
        cells.add(CatalogCsv.joined(details.images().stream().map(Object::toString).toList()));
        printer.printRecord(cells.stream().map(CatalogCsv::guarded).toList());
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
