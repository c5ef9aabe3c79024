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
    private final boolean terminal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private SimNotesCommand(boolean terminal) {
        this.terminal = terminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Whether the user reads standard error on a terminal, where a long build draws its progress. */
    boolean terminal() {
        return terminal;
    }

    /** The command line of this process, on its own terminal when it has one. */
    public static CommandLine commandLine() {
        return commandLine(System.console() != null);
    }

    /** The command line for output that goes elsewhere, such as to a client of the build daemon. */
    public static CommandLine commandLine(boolean terminal) {
        return new CommandLine(new SimNotesCommand(terminal)).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new IoFaultHandler());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
