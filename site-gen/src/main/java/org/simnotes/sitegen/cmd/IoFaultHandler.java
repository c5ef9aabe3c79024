package org.simnotes.sitegen.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Ends a command that a file could not be read or written for with one line naming the path and why,
 * and exit code 1, rather than a stack trace. Any other exception is left to picocli.
 */
final class IoFaultHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) throws Exception {
        IOException fault = ex instanceof UncheckedIOException u ? u.getCause() : ex instanceof IOException io ? io : null;
        if (fault == null) {
            throw ex;
        }
        cli.getErr().println((cli.getCommandName() + ": " + describe(fault)).replaceAll("\\R+", " "));
        cli.getErr().flush();
        return 1;
    }

    /** The NIO exceptions carry the path apart from the reason, and some no reason at all. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String where = f.getFile() + (f.getOtherFile() == null ? "" : " → " + f.getOtherFile());
            return where + ": " + (f.getReason() != null ? f.getReason() : reason(f));
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }

    private static String reason(FileSystemException f) {
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (f instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "folder is not empty";
        }
        return "cannot be read or written";
    }
}
