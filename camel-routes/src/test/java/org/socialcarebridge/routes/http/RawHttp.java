package org.socialcarebridge.routes.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the requests java.net.http will not send: a Content-Length larger
 * than what follows, a chunked body that stops without ending. The body is written by its own thread
 * while the answer is read, so a server that answers before reading everything is seen doing so, and
 * one that waits for the whole body times out the read instead.
 */
public final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final byte[] PIECE = new byte[64 * 1024];

    static {
        Arrays.fill(PIECE, (byte) 'a');
    }

    /** What the server answered; header names lower-case. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /**
     * @param headers   request headers, Content-Length or Transfer-Encoding among them as the test wants
     * @param body      the bytes that start the body (sent as one chunk when chunked)
     * @param padding   how many more bytes of 'a' follow
     * @param chunked   frame the body in chunks
     * @param finish    end the body (the last chunk) after the padding; false leaves the request hanging
     */
    public static Answer send(int port, String method, String path, Map<String, String> headers, byte[] body, long padding,
                              boolean chunked, boolean finish) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    write(out, body, body.length, chunked);
                    for (long left = padding; left > 0; left -= PIECE.length) {
                        write(out, PIECE, (int) Math.min(PIECE.length, left), chunked);
                    }
                    if (chunked && finish) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed before taking everything: what a cap should do.
                }
            }, "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    private static void write(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
        if (length == 0) {
            return;
        }
        if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, length);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-answer after: " + line.toString(StandardCharsets.US_ASCII));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
