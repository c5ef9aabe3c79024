package org.simnotes.sitegen.pipeline;

import org.simnotes.sitegen.math.KeptKatex;

/**
 * What a process that builds again and again, the build daemon, keeps from one build for the next:
 * results keyed by everything they were made from, so a build that takes them gives the bytes one
 * without them would. The templates as parsed (by their folder's digest), the assets (by the
 * templates' digest, the formulas' class names and the widgets), and the search terms of the topics in
 * the index parts the last build made, when it made few; and KaTeX's engine, which keeps no results,
 * only its parsed code. A build in a process of its own keeps nothing.
 */
public final class Reuse {
    final PageStage pages = new PageStage();
    final AssetStage assets = new AssetStage();
    final SearchStage.KeptTerms searchTerms = new SearchStage.KeptTerms();
    final KeptKatex katex = new KeptKatex();
}
