package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.render.Assets;
import org.simnotes.sitegen.sims.CourseSims;

/**
 * The assets stage: the front-end files every page uses ({@link Assets#collect}), collected again only
 * when what it reads changed: the templates folder's content, the class names the formulas use
 * (which decide the KaTeX fonts) and the compiled widgets. Each formula's class names are kept too, by its
 * formula cache key, as formulas recur.
 */
final class AssetStage {
    /** Everything {@link Assets#collect} reads besides the generator's own resources. */
    private record Key(Path templatesDir, String templatesDigest, Set<String> classNames, String simsKey) {
    }

    private Map<String, Set<String>> classesByFormula = Map.of();
    private Key key;
    private Assets assets;

    Assets collect(Path templatesDir, String templatesDigest, List<RenderedTopic> bodies, CourseSims sims) throws IOException, BuildException {
        Map<String, Set<String>> byFormula = new HashMap<>();
        Set<String> classNames = new HashSet<>();
        for (RenderedTopic body : bodies) {
            for (int i = 0; i < body.formulas().size(); i++) {
                // By its cache key, a short digest of its TeX: the HTML of a formula shown on many pages is read once.
                String formula = body.formulaKeys().get(i);
                Set<String> classes = byFormula.get(formula);
                if (classes == null) {
                    classes = classesByFormula.get(formula);
                    if (classes == null) {
                        classes = Assets.classesIn(body.formulas().get(i));
                    }
                    byFormula.put(formula, classes);
                    classNames.addAll(classes);
                }
            }
        }
        classesByFormula = byFormula;
        Key now = new Key(templatesDir, templatesDigest, Set.copyOf(classNames), sims.key());
        if (!now.equals(key)) {
            assets = Assets.collect(templatesDir, now.classNames(), sims.web());
            key = now;
        }
        return assets;
    }
}
