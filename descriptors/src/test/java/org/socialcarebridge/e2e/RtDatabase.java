package org.socialcarebridge.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RT's SQLite database, read-only, for checking where thousands of messages were filed: REST2 needs a
 * request per transaction (10,000 messages: tens of thousands of requests, most of an hour on the project's
 * machine), one query here takes seconds. Read with {@code sqlite3 -readonly}, which never takes a write lock;
 * but while it reads, RT's commits wait (a rollback journal), so what is polled during a run reads little.
 * Only where this process may read the file (root, or www-data's group).
 */
final class RtDatabase {
    static final Path FILE = Path.of(System.getProperty("rt.db", "/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb"));
    static final Path SQLITE = Path.of("/usr/bin/sqlite3");

    /**
     * Every live ticket holding a Social Conversation ID, with its Create and Correspond transactions and their
     * Social Post ID, in ticket then transaction order; deleted tickets are left out, as RT's searches leave them.
     * {@code %d}: only tickets after this id (0 for all).
     */
    private static final String FILED = """
            SELECT t.id, conv.Content, COALESCE(post.Content, '')
            FROM Tickets t
            JOIN ObjectCustomFieldValues conv ON conv.ObjectType = 'RT::Ticket' AND conv.ObjectId = t.id AND conv.Disabled = 0
              AND conv.CustomField IN (SELECT id FROM CustomFields WHERE Name = 'Social Conversation ID' AND Disabled = 0)
            LEFT JOIN Transactions tx ON tx.ObjectType = 'RT::Ticket' AND tx.ObjectId = t.id AND tx.Type IN ('Create', 'Correspond')
            LEFT JOIN ObjectCustomFieldValues post ON post.ObjectType = 'RT::Transaction' AND post.ObjectId = tx.id
              AND post.Disabled = 0
              AND post.CustomField IN (SELECT id FROM CustomFields WHERE Name = 'Social Post ID' AND Disabled = 0)
            WHERE t.id > %d AND t.Status <> 'deleted'
            ORDER BY t.id, tx.id;
            """;

    private RtDatabase() {
    }

    static boolean readable() {
        return Files.isReadable(FILE) && Files.isExecutable(SQLITE);
    }

    /**
     * How many of {@code customerIds} are filed on a ticket newer than {@code afterTicket} (as Create or
     * Correspond), read in one query over those tickets only: a reader holds RT's writers back while it reads
     * (SQLite's rollback journal), so a query polled during a run must stay short.
     */
    static int postsFiled(Set<String> customerIds, long afterTicket) {
        try {
            return (int) rows(afterTicket).stream().filter(f -> customerIds.contains(f[2])).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the posts of {@code customerIds} are filed, read in one query; other posts on those tickets are left out. */
    static Crisis.Filed filed(Set<String> customerIds) throws IOException, InterruptedException {
        Map<String, List<Long>> tickets = new LinkedHashMap<>();
        Map<Long, List<String>> posts = new LinkedHashMap<>();
        for (String[] f : rows(0)) {
            long ticket = Long.parseLong(f[0]);
            List<Long> ofConversation = tickets.computeIfAbsent(f[1], k -> new ArrayList<>());
            if (!ofConversation.contains(ticket)) {
                ofConversation.add(ticket);
            }
            List<String> on = posts.computeIfAbsent(ticket, k -> new ArrayList<>());
            if (customerIds.contains(f[2])) {
                on.add(f[2]);
            }
        }
        return new Crisis.Filed() {
            @Override
            public List<Long> ticketsOf(String conversation) {
                return tickets.getOrDefault(conversation, List.of());
            }

            @Override
            public List<String> postsOn(long ticket) {
                return posts.getOrDefault(ticket, List.of());
            }
        };
    }

    /** The rows of {@link #FILED} after that ticket: ticket, conversation, post id (empty for a transaction without one). */
    private static List<String[]> rows(long afterTicket) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SQLITE.toString(), "-readonly", "-batch", "-separator", "\t", "-cmd", ".timeout 30000",
                FILE.toString(), FILED.formatted(afterTicket)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sqlite3 -readonly " + FILE + " failed (exit " + p.exitValue() + "); run as root or"
                    + " in group www-data, or leave rt.db unset to check through REST2");
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length >= 3) {
                rows.add(f);
            }
        }
        return rows;
    }
}
