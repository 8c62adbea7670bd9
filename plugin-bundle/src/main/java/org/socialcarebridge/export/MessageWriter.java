package org.socialcarebridge.export;

import java.io.Closeable;
import java.io.IOException;

/** One export format, writing to one file: the header (if the format has one) first, then a row per message. */
public interface MessageWriter extends Closeable {
    void write(MessageRow row) throws IOException;
}
