package trade.caravan.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import trade.caravan.platform.DomainException;

/** The table checked against ICC Incoterms® 2020, rule by rule and column by column. */
class IncotermsTests {

    private static final Set<Incoterm> SEA_RULES = EnumSet.of(Incoterm.FAS, Incoterm.FOB, Incoterm.CFR, Incoterm.CIF);

    @Test
    void elevenRulesInTheOrderOfThePublication() {
        assertThat(Incoterms.all()).containsExactly(Incoterm.EXW, Incoterm.FCA, Incoterm.CPT, Incoterm.CIP,
                Incoterm.DAP, Incoterm.DPU, Incoterm.DDP, Incoterm.FAS, Incoterm.FOB, Incoterm.CFR, Incoterm.CIF);
    }

    @ParameterizedTest
    @EnumSource(Incoterm.class)
    void fasFobCfrCifAreForSeaAndInlandWaterwayAndTheRestForAnyMode(Incoterm rule) {
        assertThat(rule.modeOfTransport()).isEqualTo(SEA_RULES.contains(rule)
                ? ModeOfTransport.SEA_AND_INLAND_WATERWAY : ModeOfTransport.ANY_MODE);
    }

    @Test
    void theTwoClassesOfRules() {
        assertThat(Incoterms.of(ModeOfTransport.ANY_MODE)).containsExactly(Incoterm.EXW, Incoterm.FCA, Incoterm.CPT,
                Incoterm.CIP, Incoterm.DAP, Incoterm.DPU, Incoterm.DDP);
        assertThat(Incoterms.of(ModeOfTransport.SEA_AND_INLAND_WATERWAY)).containsExactlyElementsOf(SEA_RULES);
    }

    @ParameterizedTest
    @EnumSource(Incoterm.class)
    void onlyCifAndCipObligeTheSellerToInsure(Incoterm rule) {
        InsuranceDuty expected = switch (rule) {
            case CIF -> InsuranceDuty.SELLER_INSTITUTE_CARGO_CLAUSES_C;
            case CIP -> InsuranceDuty.SELLER_INSTITUTE_CARGO_CLAUSES_A;
            default -> InsuranceDuty.NONE;
        };
        assertThat(rule.insurance()).isEqualTo(expected);
    }

    @Test
    void minimumCoverIsClausesCForCifAndClausesAForCip() {
        assertThat(Incoterm.CIF.insurance().party()).contains(TradeParty.SELLER);
        assertThat(Incoterm.CIF.insurance().minimumCover()).contains("ICC (C)");
        assertThat(Incoterm.CIP.insurance().minimumCover()).contains("ICC (A)");
        assertThat(Incoterm.FOB.insurance().party()).isEmpty();
        assertThat(Incoterm.FOB.insurance().minimumCover()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Incoterm.class)
    void exportClearanceIsTheBuyersOnlyUnderExw(Incoterm rule) {
        assertThat(rule.exportClearance()).isEqualTo(rule == Incoterm.EXW ? TradeParty.BUYER : TradeParty.SELLER);
    }

    @ParameterizedTest
    @EnumSource(Incoterm.class)
    void importClearanceIsTheSellersOnlyUnderDdp(Incoterm rule) {
        assertThat(rule.importClearance()).isEqualTo(rule == Incoterm.DDP ? TradeParty.SELLER : TradeParty.BUYER);
    }

    @ParameterizedTest
    @EnumSource(Incoterm.class)
    void theBuyerContractsMainCarriageUnderEAndFRulesTheSellerUnderCAndDRules(Incoterm rule) {
        boolean buyer = EnumSet.of(Incoterm.EXW, Incoterm.FCA, Incoterm.FAS, Incoterm.FOB).contains(rule);
        assertThat(rule.mainCarriage()).isEqualTo(buyer ? TradeParty.BUYER : TradeParty.SELLER);
    }

    @ParameterizedTest
    @EnumSource(Incoterm.class)
    void riskPassesAtDestinationOnlyUnderTheDRules(Incoterm rule) {
        assertThat(rule.riskPassesAtDestination())
                .isEqualTo(EnumSet.of(Incoterm.DAP, Incoterm.DPU, Incoterm.DDP).contains(rule));
    }

    @Test
    void deliveryPointsFollowArticleA2() {
        assertThat(Incoterm.EXW.delivery()).isEqualTo(DeliveryPoint.AT_BUYERS_DISPOSAL_AT_NAMED_PLACE);
        assertThat(Incoterm.FCA.delivery()).isEqualTo(DeliveryPoint.TO_BUYERS_CARRIER);
        assertThat(Incoterm.CPT.delivery()).isEqualTo(DeliveryPoint.TO_SELLERS_CARRIER);
        assertThat(Incoterm.CIP.delivery()).isEqualTo(DeliveryPoint.TO_SELLERS_CARRIER);
        assertThat(Incoterm.DAP.delivery()).isEqualTo(DeliveryPoint.READY_FOR_UNLOADING_AT_DESTINATION);
        assertThat(Incoterm.DPU.delivery()).isEqualTo(DeliveryPoint.UNLOADED_AT_DESTINATION);
        assertThat(Incoterm.DDP.delivery()).isEqualTo(DeliveryPoint.READY_FOR_UNLOADING_AT_DESTINATION);
        assertThat(Incoterm.FAS.delivery()).isEqualTo(DeliveryPoint.ALONGSIDE_SHIP);
        assertThat(Incoterm.FOB.delivery()).isEqualTo(DeliveryPoint.ON_BOARD_VESSEL);
        assertThat(Incoterm.CFR.delivery()).isEqualTo(DeliveryPoint.ON_BOARD_VESSEL);
        assertThat(Incoterm.CIF.delivery()).isEqualTo(DeliveryPoint.ON_BOARD_VESSEL);
    }

    @Test
    void namedPlaces() {
        assertThat(Incoterm.FOB.namedPlace()).isEqualTo(NamedPlace.PORT_OF_SHIPMENT);
        assertThat(Incoterm.CIF.namedPlace()).isEqualTo(NamedPlace.PORT_OF_DESTINATION);
        assertThat(Incoterm.DAP.namedPlace()).isEqualTo(NamedPlace.PLACE_OF_DESTINATION);
        assertThat(Incoterm.EXW.namedPlace()).isEqualTo(NamedPlace.PLACE_OF_DELIVERY);
    }

    @Test
    void parsesCodesLenientlyAndRefusesOthersWithTheRulesNamed() {
        assertThat(Incoterms.parse(" fob ")).isEqualTo(Incoterm.FOB);
        assertThatThrownBy(() -> Incoterms.parse("DAT"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.messageCode()).isEqualTo("error.reference.incoterm-unknown");
                });
    }

    @Test
    void citesTheArticlesOfTheRules() {
        assertThat(Incoterms.SOURCE).contains("Incoterms® 2020");
        assertThat(Incoterms.DELIVERY_CITATION).contains("A2/B2").contains("A3/B3");
        assertThat(Incoterms.CARRIAGE_CITATION).contains("A4/B4");
        assertThat(Incoterms.INSURANCE_CITATION).contains("A5/B5");
        assertThat(Incoterms.CLEARANCE_CITATION).contains("A7/B7");
    }
}
