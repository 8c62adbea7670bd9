package org.socialcarebridge.runtime;

import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.conversation.DeadLetters;

/**
 * The administrator's dead-letter commands in Karaf's console:
 * <pre>
 * socialcare:dead-letters [limit]   the messages that could not be processed, newest first, with the reason
 * socialcare:retry x:1790           file one again (within a second)
 * socialcare:discard x:1790         keep it for the record, never file it
 * </pre>
 */
@Component(service = DeadLetterCommands.class, property = {
        "osgi.command.scope=socialcare",
        "osgi.command.function=dead-letters",
        "osgi.command.function=retry",
        "osgi.command.function=discard"})
public class DeadLetterCommands {
    /** Printed so a long text cannot flood the console; the REST call and the export give it whole. */
    static final int TEXT_SHOWN = 300;

    @Reference
    private SocialCareRuntime runtime;

    /**
     * Gogo calls {@code _main} with the command's name first when no method has the name, as with
     * {@code dead-letters}, which no Java method can be called.
     */
    public void _main(String... args) {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "dead-letters" -> list(args.length > 1 ? Integer.parseInt(args[1]) : 20);
            case "retry" -> {
                deadLetters().retry(key(args, "retry"));
                System.out.println("Retrying " + args[1] + ": it is filed as a ticket within a second.");
            }
            case "discard" -> {
                deadLetters().discard(key(args, "discard"));
                System.out.println("Discarded " + args[1] + ": kept for the record, never filed.");
            }
            default -> throw new IllegalArgumentException("Unknown command '" + command
                    + "'; use socialcare:dead-letters [limit], socialcare:retry KEY or socialcare:discard KEY");
        }
    }

    private void list(int limit) {
        DeadLetters d = deadLetters();
        var list = d.newest(limit);
        System.out.println(d.count() + " dead letters" + (list.isEmpty() ? "." : "; newest first:\n" + list.stream()
                .map(m -> m.key() + "  " + (m.author() != null ? m.author() : "(author unknown)") + "  " + m.deadLetteredAt()
                        + "\n    why: " + m.reason() + "\n    " + shown(m.text()))
                .collect(Collectors.joining("\n"))));
    }

    private static String shown(String text) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ");
        return t.length() > TEXT_SHOWN ? t.substring(0, TEXT_SHOWN) + "…" : t;
    }

    private static String key(String[] args, String command) {
        if (args.length != 2) {
            throw new IllegalArgumentException("socialcare:" + command + " takes one message key, e.g. x:1790, as listed"
                    + " by socialcare:dead-letters");
        }
        return args[1];
    }

    private DeadLetters deadLetters() {
        return runtime.engine().orElseThrow(() -> new IllegalStateException(
                "Social Care Bridge is not running; see log:display for the setting to fix")).deadLetters();
    }
}
