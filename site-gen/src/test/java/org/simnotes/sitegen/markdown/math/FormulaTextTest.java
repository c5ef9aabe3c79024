package org.simnotes.sitegen.markdown.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A formula in a search snippet reads as it is typeset, not as its TeX and not as a placeholder. */
class FormulaTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "W_{hh} = \\rho Q                    | Wₕₕ = ρQ",
        "h_{t-1}                             | hₜ₋₁",
        "QK^\\top                            | QKᵀ",
        "\\frac{H}{2} \\times \\frac{W}{2}   | H/2 × W/2",
        "x \\to -\\infty                     | x → −∞",
        "\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x)) | σ′(x) = σ(x) (1 − σ(x))",
        "\\lVert g \\rVert > c               | ‖g‖ > c",
        "c / \\lVert g \\rVert               | c/‖g‖",
        "g = (8, 3)                          | g = (8, 3)",
        "[-c, c]                             | [−c, c]",
        "\\mu_k = \\frac{1}{m}\\sum_{i=1}^{m} x_{i,k} | μₖ = 1/m ∑ᵢ₌₁ᵐ x_(i,k)",
        "\\hat{x}_{i,k} = \\frac{x_{i,k} - \\mu_k}{\\sqrt{\\sigma_k^2 + \\epsilon}} | x̂_(i,k) = (x_(i,k) − μₖ)/√(σₖ² + ε)",
        "\\tilde{h}_t                        | h̃ₜ",
        "\\mu_B^{(k)}                        | μ_B⁽ᵏ⁾",
        "\\frac{\\partial F(x)}{\\partial x} + I | ∂F(x)/∂x + I",
        "y_{\\text{avg}}                     | y_(avg)",
        "\\operatorname{avg}\\begin{pmatrix} 1 & 3 \\\\ 2 & 4 \\end{pmatrix} | avg(1 3 2 4)",
    })
    void readsAsTypeset(String tex, String text) {
        assertEquals(text, FormulaText.of(tex));
    }

    @Property(tries = 300)
    void anyTexGivesTextWithoutThrowing(@ForAll @StringLength(max = 60) String tex) {
        FormulaText.of(tex);
    }

    @Property(tries = 50)
    void deeplyNestedGroupsAreReadFlat(@ForAll("depths") int depth) {
        String tex = "{".repeat(depth) + "\\frac{a}{b}" + "}".repeat(depth);
        assertFalse(FormulaText.of(tex).isEmpty());
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(1, 100_000);
    }
}
