package org.stancekit.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeCuesTest {
    private final SentimentFeaturizer on = new SentimentFeaturizer(FeatureConfig.defaults().withChangeCues(true));
    private final SentimentFeaturizer off = new SentimentFeaturizer(FeatureConfig.defaults().withChangeCues(false));

    private List<String> feats(String s) {
        return on.features(s);
    }

    @Test
    void aShrinkingLossIsGoodNewsAndFallingSalesBad() {
        List<String> loss = feats("The bakery chain said its quarterly loss narrowed sharply.");
        assertTrue(loss.contains("chg=down|bad") && loss.contains("chgp=+") && loss.contains("chgd=1"), loss.toString());
        List<String> sales = feats("Sales of the new tractor fell in the spring.");
        assertTrue(sales.contains("chg=down|good") && sales.contains("chgp=-") && sales.contains("chgd=-1"),
                sales.toString());
        List<String> orders = feats("Order intake at the shipyard jumped last year.");
        assertTrue(orders.contains("chg=up|good") && orders.contains("chgp=+"), orders.toString());
    }

    @Test
    void theThingMayFollowTheCueAndGeneralNewsWorksToo() {
        List<String> f = feats("The ministry reported an increase in unemployment.");
        assertTrue(f.contains("chg=up|bad") && f.contains("chgp=-"), f.toString());
        List<String> g = feats("Western sanctions eased after the talks.");
        assertTrue(g.contains("chg=down|bad") && g.contains("chgp=+"), g.toString());
        List<String> h = feats("Donors increased aid to the flooded region.");
        assertTrue(h.contains("chg=up|good") && h.contains("chgp=+"), h.toString());
    }

    @Test
    void negationFlipsTheDirection() {
        List<String> f = feats("Profits did not rise this year.");
        assertTrue(f.contains("chg=!down|good") && f.contains("chgp=-"), f.toString());
    }

    @Test
    void aCueWithoutAThingHasNoPolarity() {
        List<String> f = feats("The river rose overnight.");
        assertTrue(f.contains("chg=up|none"), f.toString());
        assertFalse(f.stream().anyMatch(x -> x.startsWith("chgp=")), f.toString());
        assertTrue(f.contains("chgd=0"));
    }

    @Test
    void butStopsTheSearchForTheThing() {
        List<String> f = feats("Costs were high but rose.");
        assertTrue(f.contains("chg=up|none"), "the thing is not taken across 'but': " + f);
    }

    @Test
    void numericChangesInBothOrdersAndInParentheses() {
        List<String> up = feats("Net revenue grew to USD 4.2 million from USD 3.9 million.");
        assertTrue(up.contains("num=up|good"), up.toString());
        List<String> down = feats("Operating profit slipped from EUR 2.6 mn to EUR 2.1 mn.");
        assertTrue(down.contains("num=down|good"), down.toString());
        List<String> loss = feats("The net loss totalled 1.5 mn euros (3.2 mn euros).");
        assertTrue(loss.contains("num=down|bad") && loss.contains("chgp=+"), loss.toString());
        List<String> units = feats("Debt rose to 1.2 bn from 900 mn.");
        assertTrue(units.contains("num=up|bad"), "bn and mn are compared as amounts: " + units);
    }

    @Test
    void conversionsAndYearsAreNotChanges() {
        List<String> conv = feats("The deal is worth EUR 50 mn (USD 58 mn).");
        assertFalse(conv.stream().anyMatch(x -> x.startsWith("num=")), conv.toString());
        List<String> years = feats("Revenue data from 2019 to 2023 were published.");
        assertFalse(years.stream().anyMatch(x -> x.startsWith("num=")), years.toString());
    }

    @Test
    void numbersAreParsedPlainly() {
        assertEquals(12.3, TokenView.number("12.3"), 1e-9);
        assertEquals(1_200_000, TokenView.number("1,200,000"), 1e-9);
        assertEquals(7, TokenView.number("7%"), 1e-9);
        assertTrue(Double.isNaN(TokenView.number("2019")), "a year");
        assertEquals(2019.5, TokenView.number("2019.5"), 1e-9);
        assertTrue(Double.isNaN(TokenView.number("12a")));
        assertTrue(Double.isNaN(TokenView.number("1,20")));
        assertTrue(Double.isNaN(TokenView.number("%")));
    }

    @Test
    void offMeansNoCueFeatures() {
        List<String> f = off.features("The quarterly loss narrowed to 3.1 mn from 4.0 mn.");
        assertFalse(f.stream().anyMatch(x -> x.startsWith("chg") || x.startsWith("num=")), f.toString());
        assertTrue(feats("The quarterly loss narrowed to 3.1 mn from 4.0 mn.").contains("num=down|bad"));
    }

    @Test
    void numberCuesGiveSizeAndWhoseChangeItIs() {
        SentimentFeaturizer num = new SentimentFeaturizer(FeatureConfig.defaults().withNumberCues(true));
        List<String> big = num.features("The bakery group said its net sales rose 14 % in the third quarter.");
        assertTrue(big.contains("chgm=+|big") && big.contains("chgo=+|own") && big.contains("nn=1")
                && big.contains("pct"), big.toString());
        List<String> small = num.features("Industry orders fell 2.5 percent, the association said.");
        assertTrue(small.contains("chgm=-|small") && small.contains("chgo=-|other"), small.toString());
        List<String> numeric = num.features("Operating profit rose to EUR 5.5 mn from EUR 5.4 mn.");
        assertTrue(numeric.contains("chgm=+|small") && numeric.contains("nn=2") && !numeric.contains("pct"),
                numeric.toString());
        List<String> none = num.features("The tram line will be 12 kilometres long.");
        assertTrue(none.contains("nn=1") && none.stream().noneMatch(x -> x.startsWith("chgm=") || x.startsWith("chgo=")),
                none.toString());
        assertTrue(feats("Its net sales rose 14 % this year.").stream().noneMatch(x -> x.startsWith("nn=")
                || x.startsWith("chgm=") || x.equals("pct")), "off by default");
    }
}
