package trade.caravan.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;


import trade.caravan.CaravanApplication;
import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.DocumentVerification;
import trade.caravan.documents.Verdict;
import trade.caravan.documents.LogLeaf;
import trade.caravan.documents.Merkle;
import trade.caravan.documents.PdfAttachment;
import trade.caravan.documents.PdfDocuments;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.documents.pki.CertificateAuthority;
import trade.caravan.documents.pki.SigningCredential;
import trade.caravan.documents.signing.PadesSigner;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/**
 * The documents benchmark of issue 5 ({@code bench/documents/run.sh}): documents per second, one
 * thread, for each step of issuing and checking a contract, against the raw cost of the same
 * cryptography measured in the same run:
 * <ul>
 * <li>render: a two-page bilingual contract to PDF/A-3b with two attachments;</li>
 * <li>sign B-LT + log: PAdES baseline B-LT by one organization (signature, timestamp from the
 * platform TSA, certificates and a fresh CRL embedded) and the transparency log append of its hash,
 * in one transaction;</li>
 * <li>verify: the verify page's verdict on that signed PDF (DSS's full validation, VALID expected every time), the
 * inclusion proof of its log leaf against the signed head;</li>
 * <li>baseline sign / verify: plain PDFBox with a BouncyCastle CMS signature (same key, same PDF,
 * no timestamp, no validation material, no log), and its CMS signature check.</li>
 * </ul>
 * Usage: {@code DocumentsBench WARMUP_SECONDS MEASURE_SECONDS REPORT [spring args...]}.
 */
public final class DocumentsBench {

    private DocumentsBench() {
    }

    record Result(String step, int documents, double seconds) {
        double perSecond() {
            return documents / seconds;
        }
    }

    /** Threads each step runs on at once (THREADS in run.sh): 1, or 2 for both cores. */
    private static int threads = 1;

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int measure = Integer.parseInt(args[1]);
        Path report = Path.of(args[2]);
        threads = Integer.parseInt(args[3]);
        List<String> springArgs = new ArrayList<>(List.of(args).subList(4, args.length));
        springArgs.add("--server.port=0");
        springArgs.add("--server.address=127.0.0.1");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CaravanApplication.class)
                .run(springArgs.toArray(String[]::new));
        PdfDocuments pdf = context.getBean(PdfDocuments.class);
        PadesSigner signer = context.getBean(PadesSigner.class);
        CertificateAuthority ca = context.getBean(CertificateAuthority.class);
        TransparencyLog log = context.getBean(TransparencyLog.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);

        OrganizationId seller = new OrganizationId(UUID.randomUUID());
        SigningCredential credential = ca.credentialOf(seller, "Ningbo Huateng Housewares Co., Ltd.", new CountryCode("CN"));
        byte[] contract = render(pdf);
        byte[] signedOnce = signer.sign(contract, credential, "Seller signs");
        log.append(leaf(seller, signedOnce));

        List<Result> results = new ArrayList<>();
        results.add(run("render (PDF/A-3b, 2 pages, 2 attachments)", warmup, measure, () -> render(pdf)));
        results.add(run("sign PAdES B-LT + log append", warmup, measure, () -> transactions.execute(status -> {
            byte[] signed = signer.sign(contract, credential, "Seller signs");
            log.append(leaf(seller, signed));
            return signed;
        })));
        DocumentVerification verification = context.getBean(DocumentVerification.class);
        results.add(run("verify (the verify page's verdict: DSS full validation + log lookup and inclusion proof)",
                warmup, measure, () -> {
            Verdict verdict = verification.verify(signedOnce);
            if (verdict.outcome() != Verdict.Outcome.VALID || !verdict.log().proven()) {
                throw new IllegalStateException("not valid and logged: " + verdict);
            }
            return verdict;
        }));
        byte[] cmsSigned = plainSign(contract, credential);
        results.add(run("baseline: PDFBox + CMS sign (same key, no timestamp, no LT data, no log)", warmup, measure,
                () -> plainSign(contract, credential)));
        results.add(run("baseline: CMS signature check of that PDF", warmup, measure, () -> {
            if (!plainVerify(cmsSigned, credential)) {
                throw new IllegalStateException("baseline signature does not verify");
            }
            return null;
        }));
        write(report, results, contract.length, signedOnce.length);
        context.close();
        System.exit(0);
    }

    private static Result run(String step, int warmupSeconds, int measureSeconds, Callable<?> task) throws Exception {
        loop(task, warmupSeconds);
        long start = System.nanoTime();
        int documents = loop(task, measureSeconds);
        Result result = new Result(step, documents, (System.nanoTime() - start) / 1e9);
        System.out.printf("%-75s %6d docs in %5.1f s = %8.1f docs/s%n", step, documents, result.seconds(), result.perSecond());
        return result;
    }

    /** Runs {@code task} on {@link #threads} threads until {@code seconds} have passed; how many times it ran. */
    private static int loop(Callable<?> task, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int done = 0;
                    while (System.nanoTime() < end) {
                        task.call();
                        done++;
                    }
                    return done;
                }));
            }
            int total = 0;
            for (var worker : workers) {
                total += worker.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    private static byte[] render(PdfDocuments pdf) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            lines.append("<tr><td>").append(i).append("</td><td>Electric kettle 1.7 l 电热水壶 型号 ").append(i)
                    .append("</td><td>851671</td><td>1,000</td><td>12.40 USD</td><td>12,400.00 USD</td></tr>");
        }
        String clause = "<p>The buyer may inspect the goods within 14 days of their arrival. A claim must be made within"
                + " that period, with evidence, through Caravan.</p><p>买方可在货物到达后 14 天内检验。索赔应在该期限内通过 Caravan 提出并附证据。</p>";
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Sales contract 销售合同</title>"
                + "<style>body { font-family: 'Caravan Sans'; font-size: 9.5pt; } td { border: 0.4pt solid #999; }</style>"
                + "</head><body><h1>Sales contract · 销售合同</h1><table>" + lines + "</table>"
                + clause.repeat(12) + "</body></html>";
        return pdf.render(xhtml, "Sales contract 销售合同", Locale.ENGLISH, List.of(
                new PdfAttachment("order.xml", "application/xml", PdfAttachment.Relationship.Data, "UBL Order",
                        "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>".getBytes()),
                new PdfAttachment("terms.json", "application/json", PdfAttachment.Relationship.Data, "Terms",
                        "{\"currency\":\"USD\"}".getBytes())));
    }

    private static LogLeaf leaf(OrganizationId issuer, byte[] document) {
        try {
            return new LogLeaf(MessageDigest.getInstance("SHA-256").digest(document), "CONTRACT", DocumentStatus.ISSUED,
                    issuer, UUID.randomUUID(), Instant.now(), null);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PDFBox's own signing, with a detached CMS signature by BouncyCastle over the byte ranges. */
    private static byte[] plainSign(byte[] pdf, SigningCredential credential) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf); var out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, (InputStream content) -> {
                try {
                    var generator = new CMSSignedDataGenerator();
                    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(credential.privateKey()),
                                    credential.certificate()));
                    generator.addCertificates(new JcaCertStore(credential.chain()));
                    return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static boolean plainVerify(byte[] signedPdf, SigningCredential credential) throws Exception {
        try (PDDocument document = Loader.loadPDF(signedPdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            byte[] signedContent = signature.getSignedContent(signedPdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent),
                    signature.getContents(signedPdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(credential.certificate()));
        }
    }

    private static void write(Path report, List<Result> results, int contractBytes, int signedBytes) throws IOException {
        Files.createDirectories(report.getParent());
        StringBuilder md = new StringBuilder("Threads per step: " + threads + ".\n\n"
                + "| step | documents | seconds | documents/s |\n|---|---|---|---|\n");
        for (Result result : results) {
            md.append("| %s | %d | %.1f | **%.1f** |%n".formatted(result.step(), result.documents(), result.seconds(),
                    result.perSecond()));
        }
        double sign = results.get(1).perSecond();
        double verify = results.get(2).perSecond();
        double baseSign = results.get(3).perSecond();
        double baseVerify = results.get(4).perSecond();
        md.append("%nRatios: sign B-LT + log / baseline sign = **%.3f**; verify / baseline verify = **%.3f**.%n"
                .formatted(sign / baseSign, verify / baseVerify));
        md.append("Contract %d bytes; signed once (B-LT) %d bytes. Merkle leaf hash: %s.%n".formatted(contractBytes,
                signedBytes, "SHA-256 (RFC 9162), " + Merkle.HASH_BYTES + " bytes"));
        Files.writeString(report, md.toString());
        System.out.println(md);
    }
}
