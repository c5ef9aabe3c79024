package org.simnotes.sitegen.cmd;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code build} and {@code serve} write the site folder. */
final class SiteFolderOption {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the site is written (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("site");
}
