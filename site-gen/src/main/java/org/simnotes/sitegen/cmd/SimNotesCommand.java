package org.simnotes.sitegen.cmd;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code site-gen} entry point: one subcommand per job, picocli's help and exit codes. */
@Command(name = "site-gen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds the SimNotes study site from markdown topics and Java simulations.",
        subcommands = {InitCommand.class, BuildCommand.class, ServeCommand.class, BundleCommand.class, SimCommand.class, CommandLine.HelpCommand.class})
public final class SimNotesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new SimNotesCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new IoFaultHandler());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
