package org.simnotes.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
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
 *
 * <p>Topics can embed the built-in widgets, those whose sources are under the content folder's
 * {@code sims/} (the generator compiles them), and the project's own compiled widgets: the classes in
 * {@link #widgetClasses} listed in its {@code META-INF/services/org.simnotes.simapi.Widget}. The goal
 * does not compile them (it forks no lifecycle, as goals bound to a phase should not), so a project
 * whose widgets are in {@code src/main/java} runs {@code mvn compile site} or {@code mvn package site};
 * a plain {@code mvn site} uses the classes the last compile left, and warns when there are none.
 */
@Mojo(name = "site", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class SiteMojo extends AbstractMojo {
    private static final String SERVICES = "META-INF/services/org.simnotes.simapi.Widget";

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

    /**
     * The project's compiled widget classes, with the services file that lists them
     * ({@code META-INF/services/org.simnotes.simapi.Widget}); used when that file is there. The widgets run
     * with the simulation API and the JDK alone, on the build machine and, compiled by TeaVM, in the page.
     */
    @Parameter(property = "simnotes.widgetClasses", defaultValue = "${project.build.outputDirectory}")
    File widgetClasses;

    /** Where the project's services file would come from, to tell a widget list not yet compiled. */
    @Parameter(defaultValue = "${project.build.resources}", readonly = true)
    List<Resource> resources;

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
                cacheDirectory == null ? null : cacheDirectory.toPath(), baseUrl, strict, force || generated,
                projectWidgets(base));
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

    /**
     * The class folder when it lists widgets, else none; then a warning if the project's resources list
     * some that were not compiled (those under the content folder are the generator's to compile).
     */
    private List<Path> projectWidgets(Path base) {
        if (widgetClasses == null) {
            return List.of();
        }
        Path classes = widgetClasses.toPath();
        if (Files.isRegularFile(classes.resolve(SERVICES))) {
            getLog().info("The project's widgets: " + shown(base, classes));
            return List.of(classes);
        }
        Path content = contentDirectory.toPath().toAbsolutePath().normalize();
        for (Resource r : resources) {
            Path listed = Path.of(r.getDirectory()).resolve(SERVICES);
            if (Files.isRegularFile(listed) && !listed.toAbsolutePath().normalize().startsWith(content)) {
                getLog().warn(shown(base, listed) + " lists widgets that are not compiled into " + shown(base, classes)
                        + ": run `mvn compile site` (or `mvn package site`) so topics can embed them");
                break;
            }
        }
        return List.of();
    }

    /** {@code path} from the project's folder when it is inside, as the build's faults are shown. */
    private static Path shown(Path base, Path path) {
        Path b = base.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(b) ? b.relativize(p) : p;
    }
}
