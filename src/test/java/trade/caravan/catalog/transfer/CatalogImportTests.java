package trade.caravan.catalog.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import trade.caravan.accounts.Role;
import trade.caravan.accounts.token.TokenManagement;
import trade.caravan.accounts.token.TokenScope;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.catalog.product.ProductView;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

@IntegrationTest
class CatalogImportTests {

    static final String HEADER = "sku,status,hs_code,default_locale,title_en,description_en,title_zh-CN,unit,moq,"
            + "currency,tiers,lead_time_days,origin,port_of_loading,certifications,specifications";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TokenManagement tokens;
    @Autowired
    Tenancy tenancy;
    @Autowired
    ProductManagement products;
    @Autowired
    PublicCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportRunner runner;
    @Autowired
    CatalogImports imports;
    @Autowired
    TestClock clock;

    /** A good row: sku and title tell the products apart. */
    static String row(String sku, String status, String title) {
        return String.join(",", sku, status, "8516.71", "en", csv(title), "\"Stainless steel, 1.7 l\"", "电热水壶",
                "C62", "500", "USD", "500:12.40|2000:11.90", "30", "CN", "CNSZX", "CE|OTHER:GS Mark",
                "Power=2200 W|Voltage=230 V");
    }

    static String csv(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    static String file(List<String> rows) {
        return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    static List<String> rows(int count, String skuPrefix) {
        List<String> rows = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            rows.add(row(skuPrefix + i, "", "Kettle " + i));
        }
        return rows;
    }

    private String token(TestAccounts.Organization organization, TokenScope scope) {
        return tenancy.callAs(organization.id(), () -> tokens.create(organization.owner().principal(), "ERP",
                EnumSet.of(scope), 7).value());
    }

    private MvcResult importFile(String token, String content, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/products/imports").param("dryRun", Boolean.toString(dryRun))
                        .header("Authorization", "Bearer " + token).contentType("text/csv")
                        .content(content.getBytes(StandardCharsets.UTF_8)))
                .andReturn();
    }

    /** Starts an import over the API and waits until it is over; returns the finished job as JSON. */
    private String importAndWait(String token, String content) throws Exception {
        MvcResult started = importFile(token, content, false);
        assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(202);
        String location = started.getResponse().getHeader("Location");
        return waitFor(token, location);
    }

    private String waitFor(String token, String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            String job = mvc.perform(get(location).header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String state = JsonPath.read(job, "$.state");
            if (!state.equals("RUNNING")) {
                return job;
            }
            assertThat(System.nanoTime()).as("import still running").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private String export(String token) throws Exception {
        return mvc.perform(get("/api/v1/products/export").param("format", "csv")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private List<ProductView> all(TestAccounts.Organization organization) {
        return tenancy.callAs(organization.id(), () -> products.page(null, null, 100).items());
    }

    @Test
    void tenThousandRowsAreImportedInOneGoAndTheProgressReachesEveryRow() throws Exception {
        var supplier = accounts.organization();
        String token = token(supplier, TokenScope.TRADE);
        String job = importAndWait(token, file(rows(10_000, "BULK-")));

        assertThat((String) JsonPath.read(job, "$.state")).as(job).isEqualTo("SUCCEEDED");
        assertThat((Integer) JsonPath.read(job, "$.rowsDone")).isEqualTo(10_000);
        assertThat((Integer) JsonPath.read(job, "$.percent")).isEqualTo(100);
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(10_000);
        assertThat(tenancy.callAs(supplier.id(), () -> products.count(ProductStatus.DRAFT))).isEqualTo(10_000);
        assertThat(jdbc.sql("select count(*) from catalog.import_job_files f join catalog.import_jobs j on j.id = f.job_id "
                + "where j.organization_id = ?").param(supplier.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void oneBadRowAmongTenThousandImportsNothingAndTheDryRunNamesItsLineAndColumn() throws Exception {
        var supplier = accounts.organization();
        String token = token(supplier, TokenScope.TRADE);
        List<String> rows = rows(10_000, "ONE-");
        rows.set(5_000, rows.get(5_000).replace(",C62,500,USD,", ",C62,5OO,USD,"));
        String content = file(rows);

        mvc.perform(post("/api/v1/products/imports").param("dryRun", "true").header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "zh-CN").contentType("text/csv")
                        .content(content.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.import.rejected"))
                .andExpect(jsonPath("$.errorCount").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(5_002))
                .andExpect(jsonPath("$.errors[0].column").value("moq"))
                .andExpect(jsonPath("$.errors[0].code").value("error.product.number-invalid"))
                .andExpect(jsonPath("$.errors[0].message").value("不是有效的数字。"));

        MvcResult refused = importFile(token, content, false);
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(tenancy.callAs(supplier.id(), () -> products.count(ProductStatus.DRAFT))).isZero();
        assertThat(jdbc.sql("select count(*) from catalog.import_jobs where organization_id = ?")
                .param(supplier.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void formulasAreDataOnImportAndGuardedOnExport() throws Exception {
        var supplier = accounts.organization();
        String token = token(supplier, TokenScope.TRADE);
        String formula = "=cmd|' /C calc'!A0";
        String job = importAndWait(token, file(List.of(row("@SUM(A1)", "", formula))));
        assertThat((String) JsonPath.read(job, "$.state")).as(job).isEqualTo("SUCCEEDED");
        assertThat(all(supplier).getFirst().details().texts().getFirst().title()).isEqualTo(formula);
        assertThat(all(supplier).getFirst().sku()).isEqualTo("@SUM(A1)");

        String exported = export(token);
        assertThat(exported).contains(",'@SUM(A1),").contains(",'" + formula + ",").doesNotContain("," + formula);

        mvc.perform(post("/api/v1/products/imports").param("dryRun", "true").header("Authorization", "Bearer " + token)
                        .contentType("text/csv").content(exported.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.created").value(0));
    }

    @Test
    void exportThenImportChangesNothingAndStatusesArePublishedAsTheFileSays() throws Exception {
        var supplier = accounts.organization();
        String token = token(supplier, TokenScope.TRADE);
        String first = importAndWait(token, file(List.of(row("P-1", "PUBLISHED", "Kettle, published"),
                row("P-2", "", "Kettle \"draft\""), row("P-3", "ARCHIVED", "Old kettle"))));
        assertThat((Integer) JsonPath.read(first, "$.published")).as(first).isEqualTo(1);
        List<ProductView> before = all(supplier);
        ProductView published = before.stream().filter(p -> "P-1".equals(p.sku())).findFirst().orElseThrow();
        assertThat(published.status()).isEqualTo(ProductStatus.PUBLISHED);
        assertThat(catalog.isListed(published.id())).isTrue();

        String exported = export(token);
        String again = importAndWait(token, exported);
        assertThat((String) JsonPath.read(again, "$.state")).as(again).isEqualTo("SUCCEEDED");
        assertThat((Integer) JsonPath.read(again, "$.unchanged")).isEqualTo(3);
        assertThat(all(supplier)).containsExactlyInAnyOrderElementsOf(before);

        String withdrawn = exported.replace(",PUBLISHED,", ",DRAFT,");
        String third = importAndWait(token, withdrawn);
        assertThat((Integer) JsonPath.read(third, "$.updated")).as(third).isEqualTo(1);
        assertThat(catalog.isListed(published.id())).isFalse();
    }

    @Test
    void anImportNeverTouchesAnotherSuppliersProducts() throws Exception {
        var a = accounts.organization();
        var b = accounts.organization();
        String aToken = token(a, TokenScope.TRADE);
        String bToken = token(b, TokenScope.TRADE);
        String aJob = importAndWait(aToken, file(List.of(row("S-1", "", "A's kettle"), row("S-2", "", "A's pot"))));
        List<ProductView> aBefore = all(a);
        String aExport = export(aToken);

        mvc.perform(post("/api/v1/products/imports").header("Authorization", "Bearer " + bToken)
                        .contentType("text/csv").content(aExport.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].column").value("id"))
                .andExpect(jsonPath("$.errors[0].code").value("error.import.id-unknown"))
                .andExpect(jsonPath("$.errors[1].line").value(3));

        String withoutIds = aExport.lines().map(line -> line.substring(line.indexOf(',') + 1))
                .collect(Collectors.joining("\r\n"));
        String bJob = importAndWait(bToken, withoutIds);
        assertThat((Integer) JsonPath.read(bJob, "$.created")).as(bJob).isEqualTo(2);
        assertThat(all(b)).extracting(ProductView::sku).containsExactlyInAnyOrder("S-1", "S-2");
        assertThat(all(a)).containsExactlyInAnyOrderElementsOf(aBefore);

        String aJobId = JsonPath.read(aJob, "$.id");
        mvc.perform(get("/api/v1/products/imports/" + aJobId).header("Authorization", "Bearer " + bToken))
                .andExpect(status().isNotFound());
    }

    @Test
    void skusMatchExistingProductsAndBelongToOneProductOnly() throws Exception {
        var supplier = accounts.organization();
        String token = token(supplier, TokenScope.TRADE);
        importAndWait(token, file(List.of(row("K-1", "", "Kettle"), row("K-2", "", "Pot"))));
        ProductView kettle = all(supplier).stream().filter(p -> "K-1".equals(p.sku())).findFirst().orElseThrow();
        mvc.perform(get("/api/v1/products/" + kettle.id()).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.sku").value("K-1"));

        mvc.perform(post("/api/v1/products/imports").param("dryRun", "true").header("Authorization", "Bearer " + token)
                        .contentType("text/csv")
                        .content(file(List.of(row("K-1", "", "Kettle, better"), row("K-3", "", "Pan"))).getBytes(
                                StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.created").value(1));

        String renaming = "id," + HEADER + "\r\n" + kettle.id() + "," + row("K-2", "", "Kettle") + "\r\n";
        mvc.perform(post("/api/v1/products/imports").param("dryRun", "true").header("Authorization", "Bearer " + token)
                        .contentType("text/csv").content(renaming.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("sku"))
                .andExpect(jsonPath("$.errors[0].code").value("error.import.sku-taken"));

        String twice = "id," + HEADER + "\r\n" + kettle.id() + "," + row("K-1", "", "Kettle") + "\r\n,"
                + row("K-1", "", "Kettle again") + "\r\n";
        mvc.perform(post("/api/v1/products/imports").param("dryRun", "true").header("Authorization", "Bearer " + token)
                        .contentType("text/csv").content(twice.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errorCount").value(2))
                .andExpect(jsonPath("$.errors[0].code").value("error.import.sku-repeated"))
                .andExpect(jsonPath("$.errors[1].code").value("error.import.sku-repeated"));
    }

    @Test
    void onlyTradingMembersImportAndOneImportRunsAtATime() throws Exception {
        var supplier = accounts.organization(Role.VIEWER);
        String readOnly = token(supplier, TokenScope.READ);
        assertThat(importFile(readOnly, file(rows(1, "R-")), false).getResponse().getStatus()).isEqualTo(403);
        Cookie viewer = TestAccounts.signIn(mvc, supplier.member(Role.VIEWER).email(), TestAccounts.PASSWORD);
        mvc.perform(get("/catalog/products/import").cookie(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/catalog/products/export.csv").cookie(viewer)).andExpect(status().isOk());

        UUID running = UUID.randomUUID();
        jdbc.sql("""
                insert into catalog.import_jobs (id, organization_id, state, requested_by, created_at, started_at)
                values (?, ?, 'RUNNING', 'test', ?, ?)""")
                .params(running, supplier.id().value(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .update();
        String token = token(supplier, TokenScope.TRADE);
        mvc.perform(post("/api/v1/products/imports").header("Authorization", "Bearer " + token)
                        .contentType("text/csv").content(file(rows(1, "R-")).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("error.import.running"));
        jdbc.sql("update catalog.import_jobs set state = 'FAILED' where id = ?").param(running).update();
    }

    @Test
    void aRunningImportWhoseTransactionIsGoneIsMarkedFailedAndOneStillRunningIsNot() {
        var supplier = accounts.organization();
        UUID dead = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        Instant longAgo = clock.instant().minus(Duration.ofHours(2));
        for (UUID job : List.of(dead, alive)) {
            jdbc.sql("""
                    insert into catalog.import_jobs (id, organization_id, state, requested_by, created_at, started_at)
                    values (?, ?, ?, 'test', ?, ?)""")
                    .params(job, job == dead ? supplier.id().value() : accounts.organization().id().value(),
                            "RUNNING", Timestamp.from(longAgo), Timestamp.from(longAgo))
                    .update();
        }
        jdbc.sql("insert into catalog.import_job_files (job_id, organization_id, content) values (?, ?, ?)")
                .params(dead, supplier.id().value(), new byte[] {1, 2, 3}).update();

        // the living import's transaction holds its lock while the sweep runs
        tenancy.runAsSystem(() -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('catalog-import:' || ?, 0))")
                    .param(alive.toString()).query((rs, n) -> n).list();
            runner.failAbandonedAtStartup();
        });

        assertThat(jdbc.sql("select state || ' ' || coalesce(failure_code, '') from catalog.import_jobs where id = ?")
                .param(dead).query(String.class).single()).isEqualTo("FAILED error.import.interrupted");
        assertThat(jdbc.sql("select state from catalog.import_jobs where id = ?").param(alive).query(String.class)
                .single()).isEqualTo("RUNNING");
        assertThat(jdbc.sql("select count(*) from catalog.import_job_files where job_id = ?").param(dead)
                .query(Long.class).single()).isZero();
        jdbc.sql("update catalog.import_jobs set state = 'FAILED' where id = ?").param(alive).update();
    }

    @Test
    void aGigabyteLineIsRefusedBeforeItIsRead() {
        var supplier = accounts.organization();
        var endless = new CatalogFileReaderTests.EndlessLine((HEADER + "\n").getBytes(StandardCharsets.UTF_8),
                1L << 30);
        ImportReport report = tenancy.callAs(supplier.id(), () -> imports.dryRun(supplier.owner().principal(), endless));
        assertThat(report.problems()).extracting(p -> p.line() + " " + p.code())
                .containsExactly("2 error.import.record-too-long");
        assertThat(endless.served()).isLessThan(1024 * 1024);
    }

    @Test
    void thePagesCheckAFileShowEveryProblemAndImportItWhenConfirmed() throws Exception {
        var supplier = accounts.organization();
        Cookie session = TestAccounts.signIn(mvc, supplier.owner().email(), TestAccounts.PASSWORD);
        assertThat(mvc.perform(get("/catalog/products").cookie(session)).andReturn().getResponse()
                .getContentAsString()).contains("/catalog/products/import");
        assertThat(mvc.perform(get("/catalog/products/import").cookie(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("/catalog/products/import/template.csv");

        String bad = file(List.of(row("X-1", "", "Kettle").replace("500:12.40", "500:12,40").replace(
                "500:12,40|2000:11.90", "\"500:12,40|2000:11.90\""), row("X-2", "SOLD", "Pot")));
        String badJob = mvc.perform(multipart("/catalog/products/import").file(new MockMultipartFile("file",
                        "C:\\Users\\li\\products.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).cookie(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String problems = mvc.perform(get(badJob).cookie(session).param("lang", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(problems).contains("products.csv").doesNotContain("Users")
                .contains("<code>tiers</code>", "<code>status</code>", "小数点请用英文句点", "未知状态 SOLD");

        String good = file(List.of(row("Y-1", "", "Kettle"), row("Y-2", "", "Pot"), row("Y-3", "PUBLISHED", "Pan")));
        String goodJob = mvc.perform(multipart("/catalog/products/import").file(new MockMultipartFile("file",
                        "products.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(goodJob).cookie(session)).andReturn().getResponse().getContentAsString())
                .contains("Import 3 products", "create 3 new products", "publish 1 products", "aria-live=\"polite\"");

        mvc.perform(post(goodJob + "/start").with(csrf()).cookie(session)).andExpect(status().is3xxRedirection());
        String fragment;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        do {
            fragment = mvc.perform(get(goodJob + "/progress").cookie(session).header("HX-Request", "true"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(fragment).contains("id=\"import-progress\"").doesNotContain("<html");
            if (fragment.contains("hx-trigger=\"every 1s\"")) {
                assertThat(fragment).contains("<progress");
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(100);
            }
        } while (fragment.contains("hx-trigger"));
        assertThat(fragment).contains("Imported", "<progress").doesNotContain("hx-get");
        assertThat(all(supplier)).hasSize(3);

        mvc.perform(post(goodJob + "/start").with(csrf()).cookie(session)).andExpect(status().isConflict());
    }

    @Test
    void theDocumentedExampleIsAFileTheImportAccepts() throws Exception {
        var supplier = accounts.organization();
        byte[] example = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/examples/catalog-import-example.csv"));
        mvc.perform(post("/api/v1/products/imports").param("dryRun", "true")
                        .header("Authorization", "Bearer " + token(supplier, TokenScope.TRADE))
                        .contentType("text/csv").content(example))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.published").value(1));
    }

    @Test
    void theTemplateIsAFileTheImportAccepts() throws Exception {
        var supplier = accounts.organization();
        Cookie session = TestAccounts.signIn(mvc, supplier.owner().email(), TestAccounts.PASSWORD);
        byte[] template = mvc.perform(get("/catalog/products/import/template.csv").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(template, StandardCharsets.UTF_8)).startsWith("\uFEFFid,sku,status,hs_code");
        String token = token(supplier, TokenScope.TRADE);
        mvc.perform(post("/api/v1/products/imports").param("dryRun", "true").header("Authorization", "Bearer " + token)
                        .contentType("text/csv").content(template))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(post("/api/v1/products/imports").param("dryRun", "true").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.MULTIPART_FORM_DATA).content(new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("error.import.empty"));
    }
}
