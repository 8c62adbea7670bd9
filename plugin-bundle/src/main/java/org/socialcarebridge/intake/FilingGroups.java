package org.socialcarebridge.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.socialcarebridge.conversation.LedgerEntry;

/**
 * A pass's waiting messages split so that any two that may land on the same ticket are in one group,
 * in ledger order: messages sharing any look-up key (an author, a customer, a thread, a message
 * answered) are joined, transitively (union-find). Different groups touch different tickets and
 * customers, so they can be filed concurrently without reordering a conversation.
 */
final class FilingGroups {
    private FilingGroups() {
    }

    /**
     * @param entries oldest first
     * @param lookups the keys a message's filing looks up
     * @return the groups, each oldest first, in the order of their oldest message
     */
    static List<List<LedgerEntry>> of(List<LedgerEntry> entries, Function<LedgerEntry, List<String>> lookups) {
        int[] parent = new int[entries.size()];
        Map<String, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            parent[i] = i;
            for (String key : lookups.apply(entries.get(i))) {
                Integer j = firstWith.putIfAbsent(key, i);
                if (j != null) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<LedgerEntry>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(entries.get(i));
        }
        // Keyed by root, inserted when a group's first (oldest) member is met: already in the right order.
        return new ArrayList<>(groups.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = root(parent, a);
        int rb = root(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
