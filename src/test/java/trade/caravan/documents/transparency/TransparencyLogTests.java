package trade.caravan.documents.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.LogKey;
import trade.caravan.documents.LogLeaf;
import trade.caravan.documents.Merkle;
import trade.caravan.documents.SignedTreeHead;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;

/**
 * The log on PostgreSQL: every append is provable against a signed head, later heads are provably
 * extensions of earlier ones, concurrent appends make one tree, a rolled-back append leaves no
 * trace, and the public API serves heads and proofs to anyone, without sign-in.
 */
@IntegrationTest
class TransparencyLogTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    TransparencyLog log;
    @Autowired
    AppendOnlyLog appendOnlyLog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    LogKeys keys;

    @Test
    void everyAppendIsProvenAgainstASignedHead() {
        SignedTreeHead before = log.head();
        List<TransparencyLog.Appended> appended = new ArrayList<>();
        OrganizationId issuer = new OrganizationId(UUID.randomUUID());
        UUID trade = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            appended.add(log.append(leaf(issuer, trade, DocumentStatus.ISSUED, null)));
        }
        SignedTreeHead after = log.head();
        assertThat(after.treeSize()).isGreaterThanOrEqualTo(before.treeSize() + 5);
        var keys = log.keys().stream().collect(java.util.stream.Collectors.toMap(LogKey::keyId, LogKey::toPublicKey));
        assertThat(after.verify(keys.get(after.keyId()))).isTrue();

        for (TransparencyLog.Appended each : appended) {
            SignedTreeHead own = each.head();
            assertThat(own.verify(keys.get(own.keyId()))).isTrue();
            assertThat(own.treeSize()).isEqualTo(each.leaf().index() + 1);
            assertThat(log.inclusion(each.leaf().index(), own.treeSize()).verify(each.leaf().leafHash(), own)).isTrue();
            assertThat(log.inclusion(each.leaf().index(), after.treeSize()).verify(each.leaf().leafHash(), after)).isTrue();
            assertThat(log.consistency(own.treeSize(), after.treeSize()).verify(own, after)).isTrue();
            assertThat(log.head(own.treeSize())).isEqualTo(own);
        }
        assertThat(log.consistency(before.treeSize(), after.treeSize()).verify(before, after)).isTrue();
        // another leaf's hash is not proven at this index
        var first = appended.getFirst().leaf();
        assertThat(log.inclusion(first.index(), after.treeSize()).verify(appended.get(1).leaf().leafHash(), after))
                .isFalse();
    }

    @Test
    void statusChangesAreNewLeavesFoundByTheDocumentsHash() {
        OrganizationId issuer = new OrganizationId(UUID.randomUUID());
        LogLeaf issued = leaf(issuer, null, DocumentStatus.ISSUED, null);
        log.append(issued);
        byte[] newer = randomHash();
        log.append(new LogLeaf(issued.documentHash(), issued.documentType(), DocumentStatus.SUPERSEDED, issuer, null,
                Instant.now(), newer));
        var leaves = log.leavesOf(issued.documentHash());
        assertThat(leaves).extracting(l -> l.leaf().status()).containsExactly(DocumentStatus.ISSUED, DocumentStatus.SUPERSEDED);
        assertThat(leaves.getLast().leaf().replacement()).isEqualTo(newer);
        assertThat(leaves.getFirst().leaf()).isEqualTo(issued);
        assertThat(log.leavesOf(randomHash())).isEmpty();
    }

    @Test
    void aRolledBackAppendLeavesNoTrace() {
        long size = log.head().treeSize();
        transactions.executeWithoutResult(status -> {
            log.append(leaf(new OrganizationId(UUID.randomUUID()), null, DocumentStatus.ISSUED, null));
            status.setRollbackOnly();
        });
        assertThat(log.head().treeSize()).isEqualTo(size);
        var appended = log.append(leaf(new OrganizationId(UUID.randomUUID()), null, DocumentStatus.ISSUED, null));
        assertThat(appended.leaf().index()).isEqualTo(size);
        assertThat(log.inclusion(size, size + 1).verify(appended.leaf().leafHash(), appended.head())).isTrue();
        assertThat(appendOnlyLog.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsMakeOneTree() throws Exception {
        long size = log.head().treeSize();
        var appended = new ConcurrentLinkedQueue<TransparencyLog.Appended>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        appended.add(log.append(leaf(new OrganizationId(UUID.randomUUID()), null, DocumentStatus.ISSUED,
                                null)));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(appended).extracting(a -> a.leaf().index()).doesNotHaveDuplicates()
                .allMatch(index -> index >= size && index < size + 40 + 100);
        SignedTreeHead head = log.head();
        for (TransparencyLog.Appended each : appended) {
            assertThat(log.inclusion(each.leaf().index(), head.treeSize()).verify(each.leaf().leafHash(), head)).isTrue();
        }
        assertThat(appendOnlyLog.verify().intact()).isTrue();
    }

    @Test
    void aFreshStartRebuildsTheSameTreeFromTheDatabase() {
        var appended = log.append(leaf(new OrganizationId(UUID.randomUUID()), null, DocumentStatus.ISSUED, null));
        var restarted = new AppendOnlyLog(jdbc, keys, java.time.Clock.systemUTC(),
                new TransparencySettings(java.time.Duration.ofDays(365), true),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        LogCheck.Report report = restarted.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
        long size = appended.head().treeSize();
        assertThat(report.leaves()).isGreaterThanOrEqualTo(size);
        assertThat(restarted.inclusion(appended.leaf().index(), size).path())
                .containsExactlyElementsOf(log.inclusion(appended.leaf().index(), size).path());
        assertThat(restarted.consistency(1, size).verify(log.head(1), appended.head())).isTrue();
    }

    @Test
    void thePublicApiServesHeadsProofsAndKeysToAnyone() throws Exception {
        OrganizationId issuer = new OrganizationId(UUID.randomUUID());
        LogLeaf leaf = leaf(issuer, UUID.randomUUID(), DocumentStatus.ISSUED, null);
        var appended = log.append(leaf);
        JsonMapper json = JsonMapper.builder().build();

        JsonNode head = json.readTree(mvc.perform(get("/api/v1/transparency/head"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        long size = head.get("treeSize").asLong();
        JsonNode keys = json.readTree(mvc.perform(get("/api/v1/transparency/keys"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Map<String, java.security.PublicKey> byId = new java.util.HashMap<>();
        keys.forEach(k -> byId.put(k.get("keyId").asString(), new LogKey(k.get("keyId").asString(),
                Base64.getDecoder().decode(k.get("publicKey").asString()), Instant.parse(k.get("createdAt").asString()),
                null).toPublicKey()));
        SignedTreeHead signed = new SignedTreeHead(size, Instant.parse(head.get("timestamp").asString()),
                Base64.getDecoder().decode(head.get("rootHash").asString()), head.get("keyId").asString(),
                Base64.getDecoder().decode(head.get("signature").asString()));
        assertThat(signed.verify(byId.get(signed.keyId()))).as("the head's signature, checked from the API alone").isTrue();

        JsonNode leaves = json.readTree(mvc.perform(get("/api/v1/transparency/leaves")
                        .param("document", leaf.documentHashHex()))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andReturn().getResponse().getContentAsString());
        byte[] leafInput = Base64.getDecoder().decode(leaves.get(0).get("leafInput").asString());
        assertThat(LogLeaf.decode(leafInput)).isEqualTo(leaf);
        JsonNode inclusion = json.readTree(mvc.perform(get("/api/v1/transparency/proofs/inclusion")
                        .param("leafIndex", Long.toString(appended.leaf().index())).param("treeSize", Long.toString(size)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<byte[]> path = new ArrayList<>();
        inclusion.get("auditPath").forEach(h -> path.add(Base64.getDecoder().decode(h.asString())));
        assertThat(Merkle.verifyInclusion(appended.leaf().index(), size, Merkle.leafHash(leafInput), path,
                signed.rootHash())).isTrue();

        mvc.perform(get("/api/v1/transparency/proofs/consistency").param("first", "1")
                        .param("second", Long.toString(size)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.first").value(1));
        // a size beyond the newest head, a leaf outside the tree, a malformed hash: refused, in problem details
        mvc.perform(get("/api/v1/transparency/proofs/inclusion").param("leafIndex", "0")
                        .param("treeSize", Long.toString(size + 1000)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/transparency/proofs/inclusion").param("leafIndex", Long.toString(size))
                        .param("treeSize", Long.toString(size)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/transparency/proofs/consistency").param("first", "5").param("second", "2"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/transparency/leaves").param("document", "not-a-hash"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/transparency/leaves").param("document", "abcd"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void leavesRefuseWhatIsNotALeaf() {
        assertThatThrownBy(() -> LogLeaf.decode("{\"v\":2}".getBytes())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogLeaf.decode("[1,2".getBytes())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogLeaf.decode(new byte[LogLeaf.MAX_BYTES + 1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogLeaf(randomHash(), "contract", DocumentStatus.ISSUED,
                new OrganizationId(UUID.randomUUID()), null, Instant.now(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogLeaf(randomHash(), "CONTRACT", DocumentStatus.SUPERSEDED,
                new OrganizationId(UUID.randomUUID()), null, Instant.now(), null)).isInstanceOf(IllegalArgumentException.class);
        LogLeaf leaf = leaf(new OrganizationId(UUID.randomUUID()), UUID.randomUUID(), DocumentStatus.REVOKED, null);
        assertThat(LogLeaf.decode(leaf.encode())).isEqualTo(leaf);
    }

    static LogLeaf leaf(OrganizationId issuer, UUID trade, DocumentStatus status, byte[] replacement) {
        return new LogLeaf(randomHash(), "CONTRACT", status, issuer, trade, Instant.now(), replacement);
    }

    static byte[] randomHash() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return hash;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
