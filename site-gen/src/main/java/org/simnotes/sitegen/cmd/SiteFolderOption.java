package org.simnotes.sitegen.cmd;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code build} and {@code serve} write the site folder, and whether it may replace a folder of other files. */
final class SiteFolderOption {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the site is written (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("site");

    @Option(names = "--force", description = "Replace the output folder even if SimNotes did not write it (its files are lost).")
    boolean force;
}
