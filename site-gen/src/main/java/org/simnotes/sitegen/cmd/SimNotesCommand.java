package org.simnotes.sitegen.cmd;

import org.simnotes.sitegen.pipeline.Reuse;
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
    private final Reuse reuse;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private SimNotesCommand(boolean terminal, Reuse reuse) {
        this.terminal = terminal;
        this.reuse = reuse;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Whether the user reads standard error on a terminal, where a long build draws its progress. */
    boolean terminal() {
        return terminal;
    }

    /** What builds keep for the builds after them in this process; null: nothing. */
    Reuse reuse() {
        return reuse;
    }

    /** The command line of this process, on its own terminal when it has one. */
    public static CommandLine commandLine() {
        return commandLine(System.console() != null, null);
    }

    /**
     * The command line for a process that builds again and again, the build daemon: its output goes to a
     * client, on a terminal or not, and its builds keep for the next what {@code reuse} holds.
     */
    public static CommandLine commandLine(boolean terminal, Reuse reuse) {
        return new CommandLine(new SimNotesCommand(terminal, reuse)).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new IoFaultHandler());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
