package trade.caravan.catalog.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.shared.CurrencyCode;

/** The file reader alone: encoding, limits, header, cells. No Spring, no database. */
class CatalogFileReaderTests {

    static final String HEADER = "sku,hs_code,default_locale,title_en,description_en,title_zh-CN,unit,moq,currency,"
            + "tiers,lead_time_days,origin,port_of_loading,certifications,specifications";
    static final String ROW = "K-1,8516.71,en,Kettle,\"Steel, 1.7 l\",电热水壶,C62,500,USD,500:12.40|2000:11.90,30,CN,"
            + "CNSZX,CE|OTHER:GS Mark,Power=2200 W|Voltage=230 V";

    static final CatalogFileReader.Limits LIMITS = new CatalogFileReader.Limits(10 * 1024 * 1024, 10_000, 20_000,
            200_000);

    static CatalogFileReader reader(CatalogFileReader.Limits limits) {
        return new CatalogFileReader(limits, code -> switch (code.value()) {
            case "USD", "EUR", "CNY" -> OptionalInt.of(2);
            case "JPY" -> OptionalInt.of(0);
            default -> OptionalInt.empty();
        });
    }

    static CatalogFileReader.ParsedFile read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static CatalogFileReader.ParsedFile read(byte[] bytes) {
        return reader(LIMITS).read(new ByteArrayInputStream(bytes));
    }

    @Test
    void aGoodRowBecomesProductDetails() {
        var file = read(HEADER + "\r\n" + ROW + "\r\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).hasSize(1);
        var row = file.rows().getFirst();
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.sku()).isEqualTo("K-1");
        ProductDetails details = row.details();
        assertThat(details.texts()).extracting(ProductDetails.Text::locale).containsExactly("en", "zh-CN");
        assertThat(details.texts().getFirst().description()).isEqualTo("Steel, 1.7 l");
        assertThat(details.unit()).isEqualTo(UnitOfMeasure.C62);
        assertThat(details.currency()).isEqualTo(new CurrencyCode("USD"));
        assertThat(details.tiers()).containsExactly(new ProductDetails.PriceTier(500, 1240),
                new ProductDetails.PriceTier(2000, 1190));
        assertThat(details.certifications()).containsExactly(
                new ProductDetails.Certification(CertificationKind.CE, null, null),
                new ProductDetails.Certification(CertificationKind.OTHER, "GS Mark", null));
        assertThat(details.specifications()).containsExactly(new ProductDetails.Specification("Power", "2200 W"),
                new ProductDetails.Specification("Voltage", "230 V"));
        assertThat(file.given().sku()).isTrue();
        assertThat(file.given().images()).isFalse();
    }

    @Test
    void theLastRowNeedsNoLineBreak() {
        var file = read(HEADER + "\n" + ROW);
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).extracting(CatalogFileReader.Row::line).containsExactly(2L);
    }

    @Test
    void latin1AndGbkBytesAreRefusedWithTheirLineNeverMangled() {
        for (Charset charset : List.of(StandardCharsets.ISO_8859_1, Charset.forName("GBK"))) {
            String text = HEADER + "\n" + ROW.replace("K-1", "K-2").replace("电热水壶", "") + "\n"
                    + ROW.replace("Kettle", "Bouilloire à café").replace("电热水壶", charset.equals(StandardCharsets.ISO_8859_1) ? "" : "电热水壶") + "\n";
            var file = read(text.getBytes(charset));
            assertThat(file.stopped()).isTrue();
            assertThat(file.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("error.import.not-utf8");
                assertThat(p.line()).isEqualTo(3);
            });
        }
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        var file = read("\uFEFF" + HEADER + "\n" + ROW + "\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows().getFirst().sku()).isEqualTo("K-1");
    }

    @Test
    void aGigabyteLineIsRefusedAfterTheLimitWithoutBeingRead() {
        var endless = new EndlessLine((HEADER + "\n").getBytes(StandardCharsets.UTF_8), 1L << 30);
        var file = reader(LIMITS).read(endless);
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("error.import.record-too-long");
            assertThat(p.line()).isEqualTo(2);
        });
        assertThat(endless.served()).isLessThan(1024 * 1024);
    }

    @Test
    void aQuoteNeverClosedIsRefusedAsATooLongRowNotHeldInMemory() {
        String lines = "\"" + "line of a never-ending quoted cell\n".repeat(10_000);
        var file = read(HEADER + "\n" + ROW + "\n" + lines);
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("error.import.record-too-long");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void filesAndRowCountsOverTheLimitsAreRefused() {
        var small = new CatalogFileReader.Limits(1024, 2, 100, 1000);
        String rows = (ROW + "\n").repeat(3);
        assertThat(reader(small).read(new ByteArrayInputStream((HEADER + "\n" + rows.replace("K-1", "")).getBytes(
                StandardCharsets.UTF_8))).problems()).extracting(ImportProblem::code)
                .containsExactly("error.import.too-many-rows");
        String big = HEADER + "\n" + (ROW.replace("K-1", "") + "\n").repeat(20);
        assertThat(reader(new CatalogFileReader.Limits(1024, 100, 100, 1000))
                .read(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))).problems())
                .extracting(ImportProblem::code).containsExactly("error.import.too-large");
        String longCell = HEADER + "\n" + ROW.replace("Kettle", "K".repeat(101)) + "\n";
        assertThat(reader(small).read(new ByteArrayInputStream(longCell.getBytes(StandardCharsets.UTF_8))).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("error.import.cell-too-long");
                    assertThat(p.column()).isEqualTo("title_en");
                });
    }

    @Test
    void badNumbersAreNamedByLineAndColumnWithTheRuleTheyBreak() {
        String text = HEADER + "\n"
                + ROW.replace("K-1", "A").replace(",500,USD", ",\"1,000\",USD") + "\n"
                + ROW.replace("K-1", "B").replace(",30,CN", ",1.5,CN") + "\n"
                + ROW.replace("K-1", "C").replace("500:12.40|2000:11.90", "\"500:12,40|2000:11.90\"") + "\n"
                + ROW.replace("K-1", "D").replace("500:12.40", "500:12.405") + "\n"
                + ROW.replace("K-1", "E").replace(",500,USD", ",-5,USD") + "\n"
                + ROW.replace("K-1", "F").replace(",30,CN", ",thirty,CN") + "\n"
                + ROW.replace("K-1", "G").replace("500:12.40|2000:11.90", "\"500:1.234,50\"") + "\n";
        var file = read(text);
        assertThat(file.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.code()).containsExactly(
                "2 moq error.import.number-grouping",
                "3 lead_time_days error.import.number-whole",
                "4 tiers error.import.decimal-comma",
                "5 tiers error.product.price-decimals",
                "6 moq error.product.number-minimum",
                "7 lead_time_days error.product.number-invalid",
                "8 tiers error.import.decimal-comma");
    }

    @Test
    void theSameSkuTwiceIsAProblemOnBothLines() {
        var file = read(HEADER + "\n" + ROW + "\n" + ROW.replace("Kettle", "Other kettle") + "\n");
        assertThat(file.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.code() + " " + p.arguments())
                .containsExactlyInAnyOrder("3 sku error.import.sku-repeated [K-1, 2]",
                        "2 sku error.import.sku-repeated [K-1, 3]");
        assertThat(file.rows()).allMatch(CatalogFileReader.Row::identityProblem);
    }

    @Test
    void unknownAndMissingColumnsAreNamed() {
        var file = read(HEADER.replace("moq", "minimum").replace("title_en", "tittle_en") + ",colour\n" + ROW + ",red\n");
        assertThat(file.stopped()).isTrue();
        assertThat(file.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.code()).containsExactly(
                "1 tittle_en error.import.column-unknown",
                "1 minimum error.import.column-unknown",
                "1 colour error.import.column-unknown",
                "1 moq error.import.column-missing");
    }

    @Test
    void semicolonSeparatedFilesAreToldToUseCommas() {
        var file = read(HEADER.replace(',', ';') + "\n");
        assertThat(file.problems()).extracting(ImportProblem::code).containsExactly("error.import.semicolons");
    }

    @Test
    void emptyFilesAndFilesWithOnlyAHeaderAreRefused() {
        assertThat(read("").problems()).extracting(ImportProblem::code).containsExactly("error.import.empty");
        assertThat(read("\uFEFF\r\n\r\n").problems()).extracting(ImportProblem::code)
                .containsExactly("error.import.empty");
        assertThat(read(HEADER + "\r\n").problems()).extracting(ImportProblem::code)
                .containsExactly("error.import.no-rows");
        assertThat(read(HEADER + "\r\n,,,,,,,,,,,,,,\r\n").problems()).extracting(ImportProblem::code)
                .containsExactly("error.import.no-rows");
    }

    @Test
    void crlfAndLfLineEndsReadAlikeAndQuotedLineBreaksKeepTheLineNumbersRight() {
        String multiline = ROW.replace("K-1", "M").replace("\"Steel, 1.7 l\"", "\"Steel,\n1.7 l\n\"\"best\"\"\"");
        String lf = HEADER + "\n" + multiline + "\n\n" + ROW.replace("moq", "") .replace(",500,USD", ",x,USD") + "\n";
        String crlf = lf.replace("\n", "\r\n");
        for (String text : List.of(lf, crlf)) {
            var file = read(text);
            assertThat(file.rows()).extracting(CatalogFileReader.Row::line).containsExactly(2L, 6L);
            assertThat(file.rows().getFirst().details().texts().getFirst().description())
                    .isEqualTo(text == lf ? "Steel,\n1.7 l\n\"best\"" : "Steel,\r\n1.7 l\r\n\"best\"");
            assertThat(file.problems()).extracting(p -> p.line() + " " + p.column()).containsExactly("6 moq");
        }
    }

    @Test
    void brokenQuotingAndWrongCellCountsAreReported() {
        var broken = read(HEADER + "\n" + ROW + "\n" + ROW.replace("\"Steel, 1.7 l\"", "\"Steel\" x") + "\n");
        assertThat(broken.problems()).extracting(p -> p.line() + " " + p.code())
                .containsExactly("3 error.import.malformed");
        var shortRow = read(HEADER + "\n" + ROW + ",extra\n");
        assertThat(shortRow.problems()).extracting(p -> p.line() + " " + p.code() + " " + p.arguments())
                .containsExactly("2 error.import.cell-count [16, 15]");
    }

    @Test
    void aRuleOfTheProductNamesTheColumnOfTheFile() {
        var file = read(HEADER + "\n" + ROW.replace(",en,Kettle", ",fr,Kettle").replace("Power=2200 W", "Power") + "\n");
        assertThat(file.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.code()).containsExactly(
                "2 specifications error.import.specification-syntax",
                "2 default_locale error.product.default-locale-missing");
    }

    @Test
    void formulaGuardsAreAddedOnceAndRemovedOnce() {
        for (String value : List.of("=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''+x")) {
            String written = CatalogCsv.guarded(value);
            assertThat(written).startsWith("'");
            assertThat(CatalogCsv.unguarded(written)).isEqualTo(value);
        }
        for (String value : List.of("Kettle", "'quoted'", "'", "", "a=b", "12.40")) {
            assertThat(CatalogCsv.guarded(value)).isEqualTo(value);
            assertThat(CatalogCsv.unguarded(value)).isEqualTo(value);
        }
    }

    /** A header, then one line of {@code length} bytes made as they are read. */
    static final class EndlessLine extends InputStream {

        private final byte[] start;
        private final long length;
        private long served;

        EndlessLine(byte[] start, long length) {
            this.start = start.clone();
            this.length = length;
        }

        @Override
        public int read() {
            if (served >= start.length + length) {
                return -1;
            }
            return served < start.length ? start[(int) served++] : (served++ % 2 == 0 ? 'a' : 'b');
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            int n = 0;
            while (n < count) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buffer[offset + n++] = (byte) b;
            }
            return n;
        }

        long served() {
            return served;
        }
    }
}
