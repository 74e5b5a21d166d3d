package trade.caravan.documents.transparency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.CaravanApplication;
import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.LogLeaf;
import trade.caravan.shared.OrganizationId;

/**
 * What the transparency log's start-up (and daily) check costs as the log grows
 * ({@code bench/documents/logcheck.sh}): the log is filled through the real append path to each
 * size, then checked whole (rebuild the tree from every stored leaf, check every stored head's root
 * and Ed25519 signature), against, in the same run, the bare cryptography such a check cannot avoid:
 * one SHA-256 per leaf and one Ed25519 verification per head, in memory.
 * Usage: {@code LogCheckBench REPORT SIZE... [spring args...]} (sizes ascending, e.g. 1000 10000 50000).
 */
public final class LogCheckBench {

    private LogCheckBench() {
    }

    record Row(long leaves, long heads, double checkSeconds, double baselineSeconds, double jdkSeconds) {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        List<Long> sizes = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else {
                sizes.add(Long.parseLong(args[i]));
            }
        }
        springArgs.add("--server.port=0");
        springArgs.add("--server.address=127.0.0.1");
        springArgs.add("--caravan.transparency.verify-on-startup=false");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CaravanApplication.class)
                .run(springArgs.toArray(String[]::new));
        AppendOnlyLog log = context.getBean(AppendOnlyLog.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        OrganizationId issuer = new OrganizationId(UUID.randomUUID());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");

        List<Row> rows = new ArrayList<>();
        long filled = log.head().treeSize();
        for (long size : sizes) {
            long fillStart = System.nanoTime();
            while (filled < size) {
                long batch = Math.min(500, size - filled);
                long from = filled;
                transactions.executeWithoutResult(status -> {
                    for (long i = 0; i < batch; i++) {
                        log.append(new LogLeaf(sha256.digest(UUID.randomUUID().toString().getBytes()), "CONTRACT",
                                DocumentStatus.ISSUED, issuer, UUID.randomUUID(), Instant.now(), null));
                    }
                });
                filled = from + batch;
            }
            System.out.printf("filled to %d leaves in %.1f s%n", filled, (System.nanoTime() - fillStart) / 1e9);
            double best = Double.MAX_VALUE;
            LogCheck.Report checked = null;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                checked = log.verify();
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            if (!checked.intact()) {
                throw new IllegalStateException("log not intact: " + checked.problem());
            }
            double baseline = baseline(checked.leaves(), checked.heads(), true);
            double jdk = baseline(checked.leaves(), checked.heads(), false);
            rows.add(new Row(checked.leaves(), checked.heads(), best, baseline, jdk));
            System.out.printf("%8d leaves, %8d heads: check %.2f s, bare crypto %.2f s (JDK Ed25519: %.2f s)%n",
                    checked.leaves(), checked.heads(), best, baseline, jdk);
        }
        write(report, rows);
        context.close();
        System.exit(0);
    }

    /**
     * One SHA-256 of a leaf-sized input per leaf, one Ed25519 verification of a head-sized message
     * per head, on one thread: with BouncyCastle's Ed25519 (what the check uses) or the JDK's.
     */
    private static double baseline(long leaves, long heads, boolean bouncyCastle) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = new byte[120];
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        byte[] leaf = new byte[260];
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (long i = 0; i < leaves; i++) {
                digest.update((byte) 0);
                digest.digest(leaf);
            }
            byte[] encoded = keys.getPublic().getEncoded();
            byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            Signature verifier = Signature.getInstance("Ed25519");
            for (long i = 0; i < heads; i++) {
                boolean valid;
                if (bouncyCastle) {
                    valid = org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, raw, 0, message, 0, message.length);
                } else {
                    verifier.initVerify(keys.getPublic());
                    verifier.update(message);
                    valid = verifier.verify(signature);
                }
                if (!valid) {
                    throw new IllegalStateException();
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void write(Path report, List<Row> rows) throws Exception {
        StringBuilder md = new StringBuilder("""
                | leaves | signed heads | full check (best of 3) | per 1,000 leaves | bare crypto, one thread, same run | ratio to bare crypto | bare crypto with the JDK's Ed25519 |
                |---:|---:|---:|---:|---:|---:|---:|
                """);
        for (Row row : rows) {
            md.append(String.format("| %,d | %,d | %.2f s | %.3f s | %.2f s | %.2f× | %.2f s |%n", row.leaves(), row.heads(),
                    row.checkSeconds(), row.checkSeconds() * 1000 / row.leaves(), row.baselineSeconds(),
                    row.checkSeconds() / row.baselineSeconds(), row.jdkSeconds()));
        }
        Files.createDirectories(report.getParent());
        Files.writeString(report, md);
        System.out.print(md);
    }
}
