package org.simnotes.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.pipeline.BuildOptions;
import org.simnotes.sitegen.pipeline.BuildResult;
import org.simnotes.sitegen.pipeline.Progress;
import org.simnotes.sitegen.pipeline.SiteBuilder;

/**
 * {@code simnotes:site}: builds the study site from a content folder, bound to the {@code site} phase so
 * {@code mvn site} writes it. The generator runs inside this plugin, since the site lifecycle compiles
 * nothing. The site goes into its own folder under the reporting output, beside what maven-site-plugin
 * writes, because it is replaced whole on every build.
 */
@Mojo(name = "site", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class SiteMojo extends AbstractMojo {
    /** The topics (markdown with front matter) and {@code site.yml}. */
    @Parameter(property = "simnotes.contentDirectory", defaultValue = "${project.basedir}/content", required = true)
    File contentDirectory;

    /** Templates and assets that replace the generator's built-in ones file by file; when not set, the built-in ones. */
    @Parameter(property = "simnotes.templatesDirectory")
    File templatesDirectory;

    /** Where the study site is written (replaced whole, so not the reporting folder itself). */
    @Parameter(property = "simnotes.outputDirectory", defaultValue = "${project.reporting.outputDirectory}/study", required = true)
    File outputDirectory;

    /** Keeps rendered formulas between builds. */
    @Parameter(property = "simnotes.cacheDirectory", defaultValue = "${project.build.directory}/simnotes-cache")
    File cacheDirectory;

    /** Overrides {@code base_url} of site.yml. */
    @Parameter(property = "simnotes.baseUrl")
    String baseUrl;

    /** Fails the build on warnings too (a topic without an interview answer, an empty category). */
    @Parameter(property = "simnotes.strict", defaultValue = "false")
    boolean strict;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File baseDirectory;

    @Parameter(property = "simnotes.skip", defaultValue = "false")
    boolean skip;

    /**
     * Replaces an output folder that holds files SimNotes did not write. Not needed for a folder under
     * the build directory, which is all generated (and which sites of earlier versions, unmarked, used).
     */
    @Parameter(property = "simnotes.force", defaultValue = "false")
    boolean force;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the study site");
            return;
        }
        Path base = baseDirectory.toPath();
        Path templates = templatesDirectory == null ? null : templatesDirectory.toPath();
        boolean generated = outputDirectory.toPath().toAbsolutePath().normalize()
                .startsWith(buildDirectory.toPath().toAbsolutePath().normalize());
        BuildOptions options = new BuildOptions(contentDirectory.toPath(), templates, outputDirectory.toPath(),
                cacheDirectory == null ? null : cacheDirectory.toPath(), baseUrl, strict, force || generated);
        try {
            BuildResult result = new SiteBuilder(options).build(Progress.NONE);
            for (Problem w : result.warnings()) {
                getLog().warn(w.describe(base));
            }
            getLog().info(String.format("Built %d study pages in %.2f s → %s", result.pages(), result.millis() / 1000.0,
                    outputDirectory.toPath().normalize()));
        } catch (BuildException e) {
            for (Problem p : e.problems()) {
                getLog().error(p.describe(base));
            }
            throw new MojoFailureException("The study site has " + e.problems().size() + " error(s); "
                    + outputDirectory + " was left as it was.");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the study site to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
