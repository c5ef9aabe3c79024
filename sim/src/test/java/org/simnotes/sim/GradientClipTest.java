package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.simnotes.simapi.SimException;

class GradientClipTest {
    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        double tol = VECTORS.get("tolerance").doubleValue();
        return ReferenceVectors.casesOf(VECTORS, "clip", (name, rq, expected) -> {
            ClipResult r = GradientClip.clip(rq.get("mode").asText(), rq.get("threshold").doubleValue(),
                    ReferenceVectors.doubles(rq.get("g")));
            ReferenceVectors.assertFields(name, ((ObjectNode) expected.deepCopy()).without(List.of("normBefore", "normAfter")),
                    Map.of("clipped", r.clipped()), tol);
            ReferenceVectors.assertNumber(name + " .normBefore", expected.get("normBefore"), r.normBefore(), tol);
            ReferenceVectors.assertNumber(name + " .normAfter", expected.get("normAfter"), r.normAfter(), tol);
        });
    }

    @Test
    void normClippingKeepsTheDirectionAndValueClippingDoesNot() {
        double[] g = {3, 0.5};
        ClipResult byNorm = GradientClip.clip(GradientClip.NORM, 1, g);
        assertEquals(1.0, byNorm.normAfter(), 1e-15);
        assertEquals(g[0] / g[1], byNorm.clipped()[0] / byNorm.clipped()[1], 1e-12, "the same direction");
        ClipResult byValue = GradientClip.clip(GradientClip.VALUE, 1, g);
        assertArrayEquals(new double[] {1, 0.5}, byValue.clipped(), 0.0);
        assertEquals(2.0, byValue.clipped()[0] / byValue.clipped()[1], 0.0, "the direction turned from 6 : 1 to 2 : 1");
    }

    @Test
    void badModesThresholdsAndGradientsAreNamed() {
        assertEquals("mode must be \"value\" or \"norm\", got \"max\"",
                assertThrows(SimException.class, () -> GradientClip.clip("max", 1, new double[] {1})).getMessage());
        assertEquals("threshold must be a number above 0, got 0",
                assertThrows(SimException.class, () -> GradientClip.clip(GradientClip.NORM, 0, new double[] {1})).getMessage());
        assertEquals("g must hold 1 to 1048576 values, got 0",
                assertThrows(SimException.class, () -> GradientClip.clip(GradientClip.VALUE, 1, new double[0])).getMessage());
    }

    @Test
    void aNormBeyondTheLargestDoubleIsRefusedNotReportedAsInfinity() {
        double[] g = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (String mode : List.of(GradientClip.VALUE, GradientClip.NORM)) {
            assertEquals("normBefore overflows a double: the norm of g passes 1.8e308; scale g down",
                    assertThrows(SimException.class, () -> GradientClip.clip(mode, 1, g)).getMessage(), mode);
        }
    }
}
