package org.simnotes.sitegen.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build client and its daemon say over the socket. The client sends a request; the daemon
 * answers with what the build printed, in frames of standard output and standard error as it prints
 * them, and then the exit code.
 */
final class Wire {
    private static final int EXIT = 0;
    private static final int OUT = 1;
    private static final int ERR = 2;

    private Wire() {
    }

    /**
     * A build as the user asked for it: its arguments, whether a progress bar may be drawn, and the
     * charset the user's terminal reads.
     */
    record Request(List<String> args, boolean terminal, String charset) {
        void send(OutputStream to) throws IOException {
            DataOutputStream out = new DataOutputStream(to);
            out.writeBoolean(terminal);
            out.writeUTF(charset);
            out.writeInt(args.size());
            for (String arg : args) {
                out.writeUTF(arg);
            }
            out.flush();
        }

        static Request read(InputStream from) throws IOException {
            DataInputStream in = new DataInputStream(from);
            boolean terminal = in.readBoolean();
            String charset = in.readUTF();
            int count = in.readInt();
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(in.readUTF());
            }
            return new Request(args, terminal, charset);
        }
    }

    /** The daemon's side of one answer. */
    static final class Reply {
        private final DataOutputStream wire;
        private boolean gone;

        Reply(OutputStream to) {
            this.wire = new DataOutputStream(to);
        }

        /** Standard output, sent as it is written. */
        OutputStream out() {
            return frames(OUT);
        }

        /** Standard error, sent as it is written. */
        OutputStream err() {
            return frames(ERR);
        }

        synchronized void exit(int code) {
            send(EXIT, new byte[0], 0, code);
        }

        private OutputStream frames(int kind) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    send(kind, b, off, len);
                }
            };
        }

        /** A client that has gone (its user pressed Ctrl+C) does not stop the build; its output goes nowhere. */
        private synchronized void send(int kind, byte[] b, int off, int lenOrCode) {
            if (gone) {
                return;
            }
            try {
                wire.writeByte(kind);
                wire.writeInt(lenOrCode);
                if (kind != EXIT) {
                    wire.write(b, off, lenOrCode);
                }
                wire.flush();
            } catch (IOException e) {
                gone = true;
            }
        }
    }

    /**
     * Copies an answer's frames to {@code out} and {@code err} and returns its exit code; an
     * {@link java.io.EOFException} when the daemon stopped before the build ended.
     */
    static int relay(InputStream from, OutputStream out, OutputStream err) throws IOException {
        DataInputStream in = new DataInputStream(from);
        while (true) {
            int kind = in.readUnsignedByte();
            int lenOrCode = in.readInt();
            if (kind == EXIT) {
                return lenOrCode;
            }
            byte[] bytes = in.readNBytes(lenOrCode);
            if (bytes.length < lenOrCode) {
                throw new java.io.EOFException("the daemon stopped mid-frame");
            }
            OutputStream to = kind == OUT ? out : err;
            to.write(bytes);
            to.flush();
        }
    }
}
