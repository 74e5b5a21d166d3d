package trade.caravan.trades.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.Role;
import trade.caravan.accounts.signin.TestSecondFactor;
import trade.caravan.accounts.signin.TwoFactor;
import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.documents.signing.PadesSigner;
import trade.caravan.platform.DomainException;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.negotiation.Negotiating;
import trade.caravan.sourcing.negotiation.Requesting;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.PdfA;
import trade.caravan.support.Pdfsig;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;
import trade.caravan.trades.ContractSigned;
import trade.caravan.trades.TestTrades;
import trade.caravan.trades.TradeId;
import trade.caravan.trades.TradeState;

/**
 * Both organizations sign the contract in the trade room: each signature is PAdES B-LT by DSS in
 * one PDF, the trade moves to "contract signed", the final file is logged as issued and
 * {@code ContractSigned} is published; and every way of signing that should not work does not.
 */
@IntegrationTest
@RecordApplicationEvents
class ContractSigningTests {

    @Autowired
    Requesting requesting;
    @Autowired
    Negotiating negotiating;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ContractSigning signing;
    @Autowired
    TwoFactor twoFactor;
    @Autowired
    TransparencyLog log;
    @Autowired
    PadesSigner pades;
    @Autowired
    ApplicationEvents events;
    @Autowired
    trade.caravan.support.Mailbox mailbox;
    @Autowired
    trade.caravan.documents.pki.CertificateAuthority ca;
    @Autowired
    trade.caravan.accounts.SigningAuthority signingAuthority;
    @Autowired
    trade.caravan.accounts.organization.SigningGrants grants;

    @Test
    void buyerThenSellerSignAndTheTradeMovesOn(@TempDir java.nio.file.Path scratch) throws Exception {
        var buyer = accounts.organization(Role.TRADER);
        var supplier = accounts.organization();
        TradeId trade = tradeOf(buyer, supplier);
        String buyerSeed = TestSecondFactor.enroll(twoFactor, buyer.owner().principal(), clock);
        String supplierSeed = TestSecondFactor.enroll(twoFactor, supplier.owner().principal(), clock);

        // the buyer's owner signs through the trade room's form
        mvc.perform(post("/trades/" + trade.value() + "/contract/signatures").with(csrf())
                        .with(authentication(buyer.owner().authentication()))
                        .param("code", TestSecondFactor.code(buyerSeed, clock.instant())))
                .andExpect(status().is3xxRedirection());
        ContractStatus once = signing.status(buyer.owner().principal(), trade);
        assertThat(once.signatures()).extracting(ContractStatus.Signature::party).containsExactly(NegotiationParty.BUYER);
        assertThat(once.state()).isEqualTo(TradeState.CONTRACT_PENDING);
        assertThat(once.signatures().getFirst().certificateSubject()).contains(buyer.name());
        byte[] signedOnce = download(supplier.owner().authentication(), trade);
        assertThat(validate(signedOnce).getSignaturesCount()).isEqualTo(1);
        assertThat(log.leavesOf(sha256(signedOnce))).as("only the final contract is logged").isEmpty();

        ContractStatus both = signing.sign(supplier.owner().principal(), trade,
                TestSecondFactor.code(supplierSeed, clock.instant()));

        assertThat(both.complete()).isTrue();
        assertThat(both.state()).isEqualTo(TradeState.CONTRACT_SIGNED);
        byte[] fin = download(buyer.member(Role.TRADER).authentication(), trade);
        assertThat(HexFormat.of().formatHex(sha256(fin))).isEqualTo(both.currentSha256());
        // the final file begins with the once-signed one byte for byte: incremental updates
        assertThat(java.util.Arrays.equals(java.util.Arrays.copyOf(fin, signedOnce.length), signedOnce)).isTrue();
        SimpleReport report = validate(fin);
        assertThat(report.getSignaturesCount()).isEqualTo(2);
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as(report.getAdESValidationErrors(id).toString()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }
        assertThat(PdfA.violationsOf3b(fin)).isEmpty();
        // poppler's pdfsig agrees, trusting the platform CA only (CI installs it; skipped here only where it is missing)
        if (Pdfsig.installed()) {
            String pdfsig = Pdfsig.report(fin, ca.caCertificate(), scratch);
            assertThat(Pdfsig.validAndTrusted(pdfsig)).as(pdfsig).isEqualTo(2);
            assertThat(pdfsig).doesNotContain("Signature is Invalid");
        }
        // logged as issued by the seller, for this trade
        var leaves = log.leavesOf(sha256(fin));
        assertThat(leaves).hasSize(1);
        assertThat(leaves.getFirst().leaf().status()).isEqualTo(DocumentStatus.ISSUED);
        assertThat(leaves.getFirst().leaf().issuer()).isEqualTo(supplier.id());
        assertThat(leaves.getFirst().leaf().trade()).isEqualTo(trade.value());
        // the timeline, and ContractSigned in the publication registry
        assertThat(jdbc.sql("select kind || coalesce(':' || party, '') from trades.timeline where trade_id = ? order by seq")
                .param(trade.value()).query(String.class).list())
                .containsExactly("OPENED:BUYER", "SIGNED:BUYER", "SIGNED:SUPPLIER", "CONTRACT_SIGNED");
        assertThat(events.stream(ContractSigned.class).filter(e -> e.trade().equals(trade)).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.sha256()).isEqualTo(both.currentSha256());
                    assertThat(e.logIndex()).isEqualTo(leaves.getFirst().index());
                    assertThat(e.buyer()).isEqualTo(buyer.id());
                });
        // both organizations hear of it by mail, once, with the room's link and the file's hash
        String reference = jdbc.sql("select reference from trades.trades where id = ?").param(trade.value())
                .query(String.class).single();
        for (String recipient : List.of(buyer.owner().email(), buyer.member(Role.TRADER).email(), supplier.owner().email())) {
            var mail = awaitMail(recipient, "Contract " + reference + " is signed by both organizations");
            assertThat(mail.body()).contains("/trades/" + trade.value(), both.currentSha256(), "/verify");
        }
        // signing again, by either side, is refused
        assertThatThrownBy(() -> signing.sign(buyer.owner().principal(), trade, "ABCD-EFGH-IJKL-MNOP"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void whoMayNotSign() throws Exception {
        var buyer = accounts.organization(Role.TRADER, Role.ADMIN);
        var supplier = accounts.organization();
        var outsider = accounts.organization();
        TradeId trade = tradeOf(buyer, supplier);
        String adminSeed = TestSecondFactor.enroll(twoFactor, buyer.member(Role.ADMIN).principal(), clock);
        String traderSeed = TestSecondFactor.enroll(twoFactor, buyer.member(Role.TRADER).principal(), clock);
        String outsiderSeed = TestSecondFactor.enroll(twoFactor, outsider.owner().principal(), clock);

        // a trader: the role does not grant documents:sign (403 on the page, refused in the service)
        mvc.perform(post("/trades/" + trade.value() + "/contract/signatures").with(csrf())
                        .with(authentication(buyer.member(Role.TRADER).authentication()))
                        .param("code", TestSecondFactor.code(traderSeed, clock.instant())))
                .andExpect(status().isForbidden());
        assertRefused(() -> signing.sign(buyer.member(Role.TRADER).principal(), trade,
                TestSecondFactor.code(traderSeed, clock.instant())), DomainException.Kind.FORBIDDEN);
        // another organization's owner: the trade does not exist for them
        mvc.perform(post("/trades/" + trade.value() + "/contract/signatures").with(csrf())
                        .with(authentication(outsider.owner().authentication()))
                        .param("code", TestSecondFactor.code(outsiderSeed, clock.instant())))
                .andExpect(status().isNotFound());
        // an owner without an authenticator app
        assertRefused(() -> signing.sign(buyer.owner().principal(), trade, "123456"), DomainException.Kind.CONFLICT);
        // a wrong code, then no CSRF token
        assertRefused(() -> signing.sign(buyer.member(Role.ADMIN).principal(), trade, "000000x"), DomainException.Kind.INVALID);
        mvc.perform(post("/trades/" + trade.value() + "/contract/signatures")
                        .with(authentication(buyer.member(Role.ADMIN).authentication()))
                        .param("code", TestSecondFactor.code(adminSeed, clock.instant())))
                .andExpect(status().isForbidden());
        // an API token acting with every permission is still not a person
        Actor token = new TokenLike(buyer.id());
        assertRefused(() -> signing.sign(token, trade, TestSecondFactor.code(adminSeed, clock.instant())),
                DomainException.Kind.FORBIDDEN);
        assertThat(signing.status(buyer.owner().principal(), trade).signatures()).isEmpty();
        // an owner lets traders sign: now the trader may (the grant is read when signing, no new sign-in needed)
        grants.grant(buyer.owner().principal(), java.util.Set.of(Role.TRADER));
        assertRefused(() -> grants.grant(buyer.member(Role.ADMIN).principal(), java.util.Set.of(Role.FINANCE)),
                DomainException.Kind.FORBIDDEN);
        assertRefused(() -> grants.grant(buyer.owner().principal(), java.util.Set.of(Role.VIEWER)), DomainException.Kind.INVALID);
        assertThat(signingAuthority.maySign(buyer.member(Role.TRADER).principal())).isTrue();
        assertThat(signingAuthority.maySign(outsider.owner().principal())).isTrue();
        assertThat(signingAuthority.maySign(supplierTrader(supplier))).as("another organization's grants are its own").isFalse();
        grants.grant(buyer.owner().principal(), java.util.Set.of());
        assertThat(signingAuthority.maySign(buyer.member(Role.TRADER).principal())).isFalse();
        assertThat(jdbc.sql("select count(*) from trades.contract_revisions where trade_id = ?").param(trade.value())
                .query(Long.class).single()).as("nothing fixed by a refused signature").isZero();

        // the admin's code works once; the same code again is refused even before "already signed"
        String code = TestSecondFactor.code(adminSeed, clock.instant());
        signing.sign(buyer.member(Role.ADMIN).principal(), trade, code);
        assertRefused(() -> signing.sign(buyer.member(Role.ADMIN).principal(), trade, code), DomainException.Kind.INVALID);
        // the revisions cannot be changed, even by SQL
        assertThatThrownBy(() -> jdbc.sql("update trades.contract_revisions set signer_name = 'x' where trade_id = ?")
                .param(trade.value()).update()).hasMessageContaining("never changed");
    }

    private static trade.caravan.accounts.MemberPrincipal supplierTrader(TestAccounts.Organization supplier) {
        return supplier.owner().as(Role.TRADER);
    }

    private trade.caravan.support.Mailbox.Mail awaitMail(String recipient, String subject) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var found = mailbox.to(recipient).stream().filter(m -> m.subject().equals(subject)).toList();
            if (!found.isEmpty()) {
                assertThat(found).as("one notice for " + recipient).hasSize(1);
                return found.getFirst();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail '" + subject + "' to " + recipient + " within 15 s");
    }

    private static void assertRefused(Runnable action, DomainException.Kind kind) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private byte[] download(org.springframework.security.core.Authentication who, TradeId trade) throws Exception {
        return mvc.perform(get("/trades/" + trade.value() + "/contract.pdf").with(authentication(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private SimpleReport validate(byte[] pdf) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(pades.verifier());
        return validator.validateDocument().getSimpleReport();
    }

    private TradeId tradeOf(TestAccounts.Organization buyer, TestAccounts.Organization supplier) throws InterruptedException {
        return TestTrades.awaitTrade(jdbc, TestTrades.accepted(requesting, negotiating, clock, buyer, supplier));
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    /** What an API token looks like to a service: every permission, no person. */
    private record TokenLike(trade.caravan.shared.OrganizationId organizationId) implements Actor {

        @Override
        public boolean can(trade.caravan.accounts.Permission permission) {
            return true;
        }

        @Override
        public trade.caravan.shared.UserId userId() {
            return null;
        }

        @Override
        public String label() {
            return "token: test";
        }

        @Override
        public String displayName() {
            return "test token";
        }
    }

}
