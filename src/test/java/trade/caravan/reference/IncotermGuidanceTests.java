package trade.caravan.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static trade.caravan.reference.JourneyStage.CARRIAGE_TO_PLACE_OF_SHIPMENT;
import static trade.caravan.reference.JourneyStage.EXPORT_CLEARANCE;
import static trade.caravan.reference.JourneyStage.IMPORT_CLEARANCE;
import static trade.caravan.reference.JourneyStage.INSURANCE;
import static trade.caravan.reference.JourneyStage.LOADING_AT_SELLERS_PREMISES;
import static trade.caravan.reference.JourneyStage.LOADING_ON_MAIN_CARRIAGE;
import static trade.caravan.reference.JourneyStage.MAIN_CARRIAGE;
import static trade.caravan.reference.JourneyStage.UNLOADING_AT_DESTINATION;
import static trade.caravan.reference.TradeParty.BUYER;
import static trade.caravan.reference.TradeParty.SELLER;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import trade.caravan.reference.Guidance.Allocation;
import trade.caravan.reference.Guidance.Lane;
import trade.caravan.reference.Guidance.UsualDocument;
import trade.caravan.shared.CountryCode;

/** The guidance checked against ICC Incoterms® 2020 for the rules buyers meet most, on a CN→DE lane and at home. */
class IncotermGuidanceTests {

    private static final CountryCode CN = new CountryCode("CN");
    private static final CountryCode DE = new CountryCode("DE");
    private static final String PREFIX = "reference.guidance.";

    private final IncotermGuidance guidance = new IncotermGuidance(Set.of(CN, DE)::contains);

    private Guidance chinaToGermany(Incoterm rule) {
        return guidance.guide(rule, CN, DE);
    }

    private static Allocation at(Guidance guidance, JourneyStage stage) {
        return guidance.stage(stage).orElseThrow(() -> new AssertionError("no stage " + stage));
    }

    private static void assertAllocation(Guidance guidance, JourneyStage stage, TradeParty cost, TradeParty risk) {
        Allocation allocation = at(guidance, stage);
        assertThat(allocation.cost()).as(guidance.rule() + " " + stage + " cost").isEqualTo(cost);
        assertThat(allocation.risk()).as(guidance.rule() + " " + stage + " risk").isEqualTo(risk);
    }

    private static List<List<TradeDocument>> documents(Guidance guidance) {
        return guidance.documents().stream().map(UsualDocument::oneOf).toList();
    }

    @Test
    void exwLeavesLoadingExportClearanceAndEverythingAfterToTheBuyer() {
        Guidance exw = chinaToGermany(Incoterm.EXW);

        assertAllocation(exw, JourneyStage.EXPORT_PACKAGING, SELLER, SELLER);
        assertAllocation(exw, LOADING_AT_SELLERS_PREMISES, BUYER, BUYER);
        assertAllocation(exw, EXPORT_CLEARANCE, BUYER, BUYER);
        assertAllocation(exw, MAIN_CARRIAGE, BUYER, BUYER);
        assertAllocation(exw, IMPORT_CLEARANCE, BUYER, BUYER);
        assertThat(at(exw, LOADING_AT_SELLERS_PREMISES).note()).isEqualTo(PREFIX + "stage-note.exw-loading");
        assertThat(exw.notes()).contains(PREFIX + "note.exw").doesNotContain(PREFIX + "note.cost-risk-split");
        assertThat(exw.warnings()).isEmpty();
        assertThat(documents(exw)).contains(List.of(TradeDocument.BILL_OF_LADING, TradeDocument.AIR_WAYBILL,
                TradeDocument.ROAD_CONSIGNMENT_NOTE));
        assertThat(exw.documents()).anySatisfy(usual ->
                assertThat(usual.reason()).isEqualTo(PREFIX + "document.transport-by-buyer"));
    }

    @Test
    void fcaAtTheSellersPremisesPassesTheRiskOnceLoaded() {
        Guidance fca = chinaToGermany(Incoterm.FCA);

        assertThat(fca.place()).isEqualTo(DeliveryPlace.SELLERS_PREMISES);
        assertAllocation(fca, LOADING_AT_SELLERS_PREMISES, SELLER, SELLER);
        assertAllocation(fca, CARRIAGE_TO_PLACE_OF_SHIPMENT, BUYER, BUYER);
        assertAllocation(fca, EXPORT_CLEARANCE, SELLER, BUYER);
        assertAllocation(fca, MAIN_CARRIAGE, BUYER, BUYER);
        assertAllocation(fca, INSURANCE, BUYER, BUYER);
        assertAllocation(fca, IMPORT_CLEARANCE, BUYER, BUYER);
        assertThat(fca.notes()).contains(PREFIX + "note.fca.SELLERS_PREMISES", PREFIX + "note.fca-bill-of-lading");
    }

    @Test
    void fcaElsewhereHasTheSellerCarryTheGoodsToTheNamedPlace() {
        Guidance fca = guidance.guide(Incoterm.FCA, DeliveryPlace.ELSEWHERE, CN, DE);

        assertAllocation(fca, CARRIAGE_TO_PLACE_OF_SHIPMENT, SELLER, SELLER);
        assertAllocation(fca, LOADING_ON_MAIN_CARRIAGE, BUYER, BUYER);
        assertThat(at(fca, CARRIAGE_TO_PLACE_OF_SHIPMENT).note()).isEqualTo(PREFIX + "stage-note.fca-ready-for-unloading");
        assertThat(fca.notes()).contains(PREFIX + "note.fca.ELSEWHERE");
    }

    @Test
    void fobHasTheSellerLoadTheVesselAndWarnsAboutContainers() {
        Guidance fob = chinaToGermany(Incoterm.FOB);

        assertAllocation(fob, EXPORT_CLEARANCE, SELLER, SELLER);
        assertAllocation(fob, LOADING_ON_MAIN_CARRIAGE, SELLER, SELLER);
        assertAllocation(fob, MAIN_CARRIAGE, BUYER, BUYER);
        assertAllocation(fob, IMPORT_CLEARANCE, BUYER, BUYER);
        assertThat(fob.warnings()).containsExactly(PREFIX + "warning.sea-only");
        assertThat(documents(fob)).containsExactly(List.of(TradeDocument.COMMERCIAL_INVOICE),
                List.of(TradeDocument.PACKING_LIST), List.of(TradeDocument.BILL_OF_LADING),
                List.of(TradeDocument.CERTIFICATE_OF_ORIGIN));
    }

    @Test
    void cifPaysCarriageAndInsuranceButTheRiskPassedOnBoard() {
        Guidance cif = chinaToGermany(Incoterm.CIF);

        assertAllocation(cif, LOADING_ON_MAIN_CARRIAGE, SELLER, SELLER);
        assertAllocation(cif, MAIN_CARRIAGE, SELLER, BUYER);
        assertAllocation(cif, INSURANCE, SELLER, BUYER);
        assertAllocation(cif, IMPORT_CLEARANCE, BUYER, BUYER);
        assertAllocation(cif, UNLOADING_AT_DESTINATION, BUYER, BUYER);
        assertThat(at(cif, INSURANCE).note()).isEqualTo(PREFIX + "stage-note.insurance-clauses-c");
        assertThat(cif.notes()).contains(PREFIX + "note.cost-risk-split");
        assertThat(cif.warnings()).containsExactly(PREFIX + "warning.sea-only");
        assertThat(documents(cif)).containsExactly(List.of(TradeDocument.COMMERCIAL_INVOICE),
                List.of(TradeDocument.PACKING_LIST), List.of(TradeDocument.BILL_OF_LADING),
                List.of(TradeDocument.INSURANCE_CERTIFICATE), List.of(TradeDocument.CERTIFICATE_OF_ORIGIN));
    }

    @Test
    void cipIsCptWithAllRisksInsurance() {
        Guidance cip = chinaToGermany(Incoterm.CIP);

        assertAllocation(cip, CARRIAGE_TO_PLACE_OF_SHIPMENT, SELLER, SELLER);
        assertAllocation(cip, LOADING_ON_MAIN_CARRIAGE, SELLER, BUYER);
        assertAllocation(cip, MAIN_CARRIAGE, SELLER, BUYER);
        assertAllocation(cip, INSURANCE, SELLER, BUYER);
        assertAllocation(cip, IMPORT_CLEARANCE, BUYER, BUYER);
        assertThat(at(cip, INSURANCE).note()).isEqualTo(PREFIX + "stage-note.insurance-clauses-a");
        assertThat(at(cip, CARRIAGE_TO_PLACE_OF_SHIPMENT).note()).isEqualTo(PREFIX + "stage-note.first-carrier");
        assertThat(cip.notes()).contains(PREFIX + "note.cost-risk-split");
        assertThat(cip.warnings()).isEmpty();
        assertThat(cip.mentions(TradeDocument.INSURANCE_CERTIFICATE)).isTrue();
        assertThat(cip.documents()).anySatisfy(usual ->
                assertThat(usual.reason()).isEqualTo(PREFIX + "document.transport-by-seller"));
    }

    @Test
    void dapLeavesImportClearanceAndUnloadingToTheBuyerAtTheSellersRiskUntilArrival() {
        Guidance dap = chinaToGermany(Incoterm.DAP);

        assertAllocation(dap, MAIN_CARRIAGE, SELLER, SELLER);
        assertAllocation(dap, INSURANCE, SELLER, SELLER);
        assertAllocation(dap, IMPORT_CLEARANCE, BUYER, SELLER);
        assertAllocation(dap, UNLOADING_AT_DESTINATION, BUYER, BUYER);
        assertThat(at(dap, INSURANCE).note()).isEqualTo(PREFIX + "stage-note.insurance-optional");
        assertThat(at(dap, IMPORT_CLEARANCE).note()).isEqualTo(PREFIX + "stage-note.buyer-clears-before-delivery");
        assertThat(dap.notes()).doesNotContain(PREFIX + "note.cost-risk-split");
        assertThat(dap.mentions(TradeDocument.INSURANCE_CERTIFICATE)).isFalse();
    }

    @Test
    void dpuIsTheOnlyRuleWhereTheSellerUnloads() {
        Guidance dpu = chinaToGermany(Incoterm.DPU);

        assertAllocation(dpu, MAIN_CARRIAGE, SELLER, SELLER);
        assertAllocation(dpu, IMPORT_CLEARANCE, BUYER, SELLER);
        assertAllocation(dpu, UNLOADING_AT_DESTINATION, SELLER, SELLER);
        assertAllocation(dpu, JourneyStage.CARRIAGE_TO_BUYERS_PREMISES, BUYER, BUYER);
        for (Incoterm other : Incoterm.values()) {
            if (other != Incoterm.DPU) {
                assertThat(at(chinaToGermany(other), UNLOADING_AT_DESTINATION).cost()).as(other.name()).isEqualTo(BUYER);
            }
        }
    }

    @Test
    void ddpLeavesTheSellerClearingAndPayingDutiesAtItsOwnRisk() {
        Guidance ddp = chinaToGermany(Incoterm.DDP);

        assertAllocation(ddp, EXPORT_CLEARANCE, SELLER, SELLER);
        assertAllocation(ddp, MAIN_CARRIAGE, SELLER, SELLER);
        assertAllocation(ddp, IMPORT_CLEARANCE, SELLER, SELLER);
        assertAllocation(ddp, UNLOADING_AT_DESTINATION, BUYER, BUYER);
        assertThat(at(ddp, IMPORT_CLEARANCE).note()).isEqualTo(PREFIX + "stage-note.ddp-duties");
        assertThat(ddp.notes()).contains(PREFIX + "note.ddp");
    }

    @ParameterizedTest
    @EnumSource(Incoterm.class)
    void everyRuleFollowsItsColumns(Incoterm rule) {
        Guidance guided = chinaToGermany(rule);

        assertThat(guided.stages()).extracting(Allocation::stage).containsExactly(JourneyStage.values());
        assertThat(at(guided, MAIN_CARRIAGE).cost()).isEqualTo(rule.mainCarriage());
        assertThat(at(guided, EXPORT_CLEARANCE).cost()).isEqualTo(rule.exportClearance());
        assertThat(at(guided, IMPORT_CLEARANCE).cost()).isEqualTo(rule.importClearance());
        assertThat(at(guided, MAIN_CARRIAGE).risk()).isEqualTo(rule.riskPassesAtDestination() ? SELLER : BUYER);
        // once the risk has passed to the buyer it never comes back
        List<TradeParty> risks = guided.stages().stream().map(Allocation::risk).toList();
        assertThat(risks.subList(risks.indexOf(BUYER), risks.size())).containsOnly(BUYER);
        boolean cRule = rule.mainCarriage() == SELLER && !rule.riskPassesAtDestination();
        assertThat(guided.notes().contains(PREFIX + "note.cost-risk-split")).isEqualTo(cRule);
        assertThat(guided.warnings().isEmpty()).isEqualTo(rule.modeOfTransport() == ModeOfTransport.ANY_MODE);
        assertThat(guided.mentions(TradeDocument.INSURANCE_CERTIFICATE))
                .isEqualTo(rule == Incoterm.CIF || rule == Incoterm.CIP);
    }

    @Test
    void aCrossBorderLaneNeedsProofOfOriginAndMentionsGoodsSpecificCertificates() {
        Guidance fob = chinaToGermany(Incoterm.FOB);

        assertThat(fob.lane()).isEqualTo(Lane.INTERNATIONAL);
        assertThat(fob.origin()).isEqualTo(CN);
        assertThat(fob.destination()).isEqualTo(DE);
        assertThat(fob.mentions(TradeDocument.CERTIFICATE_OF_ORIGIN)).isTrue();
        assertThat(fob.notes()).contains(PREFIX + "note.lane.INTERNATIONAL");
        // goods-specific certificates cannot be decided from the lane, so none is listed
        assertThat(fob.mentions(TradeDocument.PHYTOSANITARY_CERTIFICATE)).isFalse();
        assertThat(fob.mentions(TradeDocument.HEALTH_CERTIFICATE)).isFalse();
        assertThat(fob.mentions(TradeDocument.INSPECTION_CERTIFICATE)).isFalse();
    }

    @Test
    void aDomesticLaneHasNoClearanceAndNoCertificateOfOrigin() {
        Guidance domestic = guidance.guide(Incoterm.DAP, DE, DE);

        assertThat(domestic.lane()).isEqualTo(Lane.DOMESTIC);
        assertThat(domestic.stage(EXPORT_CLEARANCE)).isEmpty();
        assertThat(domestic.stage(IMPORT_CLEARANCE)).isEmpty();
        assertAllocation(domestic, MAIN_CARRIAGE, SELLER, SELLER);
        assertAllocation(domestic, UNLOADING_AT_DESTINATION, BUYER, BUYER);
        assertThat(domestic.notes()).contains(PREFIX + "note.lane.DOMESTIC");
        assertThat(documents(domestic)).containsExactly(List.of(TradeDocument.COMMERCIAL_INVOICE),
                List.of(TradeDocument.PACKING_LIST),
                List.of(TradeDocument.BILL_OF_LADING, TradeDocument.AIR_WAYBILL, TradeDocument.ROAD_CONSIGNMENT_NOTE));
    }

    @Test
    void missingOrUnknownCountriesGiveOnlyTheAlwaysNeededDocuments() {
        for (Guidance unknown : List.of(guidance.guide(Incoterm.CIF, null, DE), guidance.guide(Incoterm.CIF, CN, null),
                guidance.guide(Incoterm.CIF, new CountryCode("XX"), DE))) {
            assertThat(unknown.lane()).isEqualTo(Lane.UNKNOWN);
            assertThat(unknown.notes()).contains(PREFIX + "note.lane.UNKNOWN");
            assertThat(unknown.mentions(TradeDocument.CERTIFICATE_OF_ORIGIN)).isFalse();
            assertThat(unknown.stage(IMPORT_CLEARANCE)).isPresent();
            assertThat(documents(unknown)).containsExactly(List.of(TradeDocument.COMMERCIAL_INVOICE),
                    List.of(TradeDocument.PACKING_LIST), List.of(TradeDocument.BILL_OF_LADING),
                    List.of(TradeDocument.INSURANCE_CERTIFICATE));
        }
    }
}
