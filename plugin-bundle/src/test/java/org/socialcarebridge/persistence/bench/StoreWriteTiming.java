package org.socialcarebridge.persistence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;

/**
 * How long one {@link Database#write} transaction (a received message into the ledger, as intake
 * does) takes on the embedded H2 file, with H2's automatic mixed mode off and on: the plugin's default
 * URL asks for {@code AUTO_SERVER=TRUE} so that the export can read while the plugin runs, and this
 * shows what that costs the plugin. Each round measures both modes on fresh files, in turn
 * first, so warm-up and drift hit both alike.
 * Not a test: run {@code java -cp <test classpath> org.socialcarebridge.persistence.bench.StoreWriteTiming [writes] [rounds]}.
 */
public final class StoreWriteTiming {
    private StoreWriteTiming() {
    }

    public static void main(String[] args) throws IOException {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, String> modes = new LinkedHashMap<>();
        // Naming AUTO_SERVER at all keeps DatabaseSettings from adding its default.
        modes.put("AUTO_SERVER=FALSE", ";AUTO_SERVER=FALSE");
        modes.put("AUTO_SERVER=TRUE ", ";AUTO_SERVER=TRUE");
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        modes.keySet().forEach(m -> nanos.put(m, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            List<Map.Entry<String, String>> order = new ArrayList<>(modes.entrySet());
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Map.Entry<String, String> mode : order) {
                Path dir = Files.createTempDirectory("socialcare-write-timing");
                String url = "jdbc:h2:file:" + dir.resolve("socialcare") + mode.getValue();
                try (Database db = Database.open(new DatabaseSettings(url, "sa", ""))) {
                    for (int i = 0; i < writes / 10; i++) { // warm-up, not counted
                        write(db, "w" + round + "-" + i);
                    }
                    for (int i = 0; i < writes; i++) {
                        long t0 = System.nanoTime();
                        write(db, round + "-" + i);
                        nanos.get(mode.getKey()).add(System.nanoTime() - t0);
                    }
                }
            }
        }
        System.out.printf("%d writes x %d rounds per mode (one Database.write each, WRITE_DELAY=0)%n", writes, rounds);
        nanos.forEach((mode, list) -> {
            long[] a = list.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            System.out.printf("  %s  median %7.1f us   p90 %7.1f us   p99 %7.1f us%n", mode,
                    a[a.length / 2] / 1e3, a[(int) (a.length * 0.9)] / 1e3, a[(int) (a.length * 0.99)] / 1e3);
        });
    }

    private static void write(Database db, String id) {
        SocialIdentity author = new SocialIdentity(Network.X, "1001", "alice", "Alice", null, 10, false);
        InboundMessage m = new InboundMessage(Network.X, id, author, "my order has not arrived", Instant.now(), null, null,
                Visibility.PUBLIC, null);
        db.writing(em -> em.persist(LedgerEntry.received(m, Instant.now())));
    }
}
