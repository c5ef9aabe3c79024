package org.simnotes.sitegen.cmd;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.simnotes.sim.SimException;
import org.simnotes.sitegen.simjson.BadRequestException;
import org.simnotes.sitegen.simjson.JsonRequest;
import org.simnotes.sitegen.simjson.SimJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code site-gen sim <dropout|pool|rnn>}: runs one simulation outside the browser, reading one JSON request
 * on standard input and writing one JSON response on standard output. A bad request is reported on one line
 * of standard error with exit code 2.
 */
@Command(name = "sim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Runs one simulation on a JSON request read from standard input and writes the JSON "
                + "response to standard output.",
                "Exit code 2 and a one-line message on standard error for a bad request."})
public final class SimCommand implements Callable<Integer> {

    /** The exit code for a request that cannot be run. */
    public static final int BAD_REQUEST = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<simulation>", description = "One of: dropout, pool, rnn.")
    String simulation;

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
            return fail(err, "unknown simulation, expected dropout, pool or rnn");
        }
        String response;
        try {
            response = SimJson.run(simulation, JsonRequest.read(input != null ? input : System.in));
        } catch (BadRequestException | SimException e) {
            return fail(err, e.getMessage());
        }
        out.println(response);
        out.flush();
        return 0;
    }

    private int fail(PrintWriter err, String message) {
        err.println(("sim " + simulation + ": " + message).replaceAll("[\\r\\n]+", " "));
        err.flush();
        return BAD_REQUEST;
    }
}
