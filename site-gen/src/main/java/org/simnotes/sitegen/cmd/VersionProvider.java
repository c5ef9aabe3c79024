package org.simnotes.sitegen.cmd;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest, so it is said in one place. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = SimNotesCommand.class.getPackage().getImplementationVersion();
        return new String[] {"site-gen " + (v == null ? "dev" : v)};
    }
}
