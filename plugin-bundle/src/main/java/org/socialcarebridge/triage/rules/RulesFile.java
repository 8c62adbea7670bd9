package org.socialcarebridge.triage.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.socialcarebridge.channel.Network;

/**
 * The administrator's rules file, looked at again on every {@link #reloadIfChanged()} (a timer calls it
 * every few seconds). A file with problems never replaces working rules: the last good ones stay
 * active until the file is fixed. Until a file has been read, and while it is missing, the shipped
 * defaults apply.
 */
public final class RulesFile {
    private final Path path;
    private final Supplier<Set<Network>> networks;
    private volatile TriageRules current = TriageRules.defaults();

    private long size = -1;
    private FileTime modified;
    private byte[] hash;
    private boolean missingSaid;

    /** A file whose {@code network} conditions may name any network's key. */
    public RulesFile(Path path) {
        this(path, () -> null);
    }

    /**
     * @param networks the networks a {@code network} condition may name, asked at each reading: the attached
     *                 channels'; null while there is no list to check against (no channel attached yet), so the
     *                 file is not refused for a channel that is merely late
     */
    public RulesFile(Path path, Supplier<Set<Network>> networks) {
        this.path = Objects.requireNonNull(path, "path");
        this.networks = Objects.requireNonNull(networks, "networks");
    }

    public Path path() {
        return path;
    }

    /** The rules in force; safe to call from any thread at any rate. */
    public TriageRules current() {
        return current;
    }

    /**
     * Reads the file again on the next look even if it has not changed: the networks it may name have (a channel
     * attached), so a file read before may now be refused, or one refused may now read.
     */
    public synchronized void recheck() {
        size = -1;
        modified = null;
        hash = null;
    }

    public synchronized ReloadOutcome reloadIfChanged() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return missing();
        } catch (IOException e) {
            return unreadable(e);
        }
        missingSaid = false;
        // Size and time first, so an unchanged file costs one stat per look.
        if (attributes.size() == size && attributes.lastModifiedTime().equals(modified)) {
            return unchanged();
        }
        size = attributes.size();
        modified = attributes.lastModifiedTime();
        if (size > RulesReader.MAX_CHARS * 4L) {
            hash = null;
            return rejected(List.of(new RuleProblem(path.toString(), 1, 1, "the file has " + size + " bytes", null,
                    "keep the rules file under 1 MiB; it needs a few pages at most")));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return missing();
        } catch (IOException e) {
            return unreadable(e);
        }
        // Saved again without a change (or touched): nothing to do, and nothing to say again.
        byte[] digest = sha256(bytes);
        if (Arrays.equals(digest, hash)) {
            return unchanged();
        }
        hash = digest;
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            TriageRules rules = TriageRules.parse(text, path.toString(), networks.get());
            current = rules;
            return new ReloadOutcome(ReloadOutcome.Status.LOADED, "Triage rules loaded from " + path + ": "
                    + rules.ruleCount() + " rules, " + rules.categories().size() + " categories", List.of());
        } catch (RulesFileException e) {
            return rejected(e.problems());
        }
    }

    private ReloadOutcome missing() {
        size = -1;
        modified = null;
        hash = null;
        if (missingSaid) {
            return unchanged();
        }
        missingSaid = true;
        current = TriageRules.defaults();
        return new ReloadOutcome(ReloadOutcome.Status.MISSING, "Triage rules file " + path
                + " does not exist: using the shipped default rules. Fix: copy the defaults there and edit them", List.of());
    }

    private ReloadOutcome unreadable(IOException e) {
        size = -1;
        modified = null;
        hash = null;
        return rejected(List.of(new RuleProblem(path.toString(), 1, 1, "the file cannot be read: "
                + e.getClass().getSimpleName(), e.getMessage(), "check the file's permissions for the user running the plugin")));
    }

    private ReloadOutcome rejected(List<RuleProblem> problems) {
        return new ReloadOutcome(ReloadOutcome.Status.REJECTED, "Triage rules file " + path + " has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "; still using the rules from "
                + current.sourceName(), problems);
    }

    private ReloadOutcome unchanged() {
        return new ReloadOutcome(ReloadOutcome.Status.UNCHANGED, "Triage rules unchanged; using the rules from "
                + current.sourceName(), List.of());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
