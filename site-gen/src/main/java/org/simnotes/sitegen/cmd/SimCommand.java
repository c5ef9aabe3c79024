package org.simnotes.sitegen.cmd;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.simnotes.simapi.SimException;
import org.simnotes.sitegen.simjson.BadRequestException;
import org.simnotes.sitegen.simjson.SimJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code site-gen sim <simulation>}, one of {@link SimJson#NAMES}: runs one simulation outside the browser,
 * reading one JSON request on standard input and writing one JSON response on standard output. A bad request is
 * reported on one line of standard error with exit code 2; a request this run cannot answer (unreadable input, too
 * little memory) with exit code 1.
 */
@Command(name = "sim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Runs one simulation on a JSON request read from standard input and writes the JSON "
                + "response to standard output.",
                "Exit code 2 and a one-line message on standard error for a bad request (including one larger "
                        + "than 64 MiB, an array of more than 2^20 numbers, or a result that overflows a double); "
                        + "exit code 1 when the request cannot be read or the heap is too small."})
public final class SimCommand implements Callable<Integer> {

    /** The exit code for a request that is malformed, invalid or too large. */
    public static final int BAD_REQUEST = 2;
    /** The exit code for a valid request this run cannot answer: unreadable input, too little memory. */
    public static final int CANNOT_RUN = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<simulation>", completionCandidates = SimulationNames.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String simulation;

    /** The simulation names for the help text, from the one list {@link SimJson} runs. */
    static final class SimulationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SimJson.NAMES.iterator();
        }
    }

    private InputStream input;

    /** Reads requests from {@code in} instead of standard input. */
    public SimCommand setInput(InputStream in) {
        this.input = in;
        return this;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!SimJson.NAMES.contains(simulation)) {
            return fail(err, BAD_REQUEST, "unknown simulation, expected one of " + String.join(", ", SimJson.NAMES));
        }
        try {
            SimJson.run(simulation, input != null ? input : System.in, out);
        } catch (BadRequestException | SimException e) {
            return fail(err, BAD_REQUEST, e.getMessage());
        } catch (IOException e) {
            return fail(err, CANNOT_RUN, "cannot read the request: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            // The request's arrays are unreachable once this is caught, so the message can still be written.
            return fail(err, CANNOT_RUN, "not enough memory for this request; give Java a larger heap with -Xmx "
                    + "(through SIMNOTES_JAVA_OPTS for the simnotes script)");
        }
        out.println();
        out.flush();
        return 0;
    }

    private int fail(PrintWriter err, int code, String message) {
        err.println(("sim " + simulation + ": " + message).replaceAll("[\\r\\n]+", " "));
        err.flush();
        return code;
    }
}
