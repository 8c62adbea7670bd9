package org.socialcarebridge.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.triage.engine.DecisionReport;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.cli.TriageCommandLine;
import org.socialcarebridge.triage.eval.LabelledCsv;

/**
 * The administrator's triage commands in Karaf's console, using the rules and the learnt model in force:
 * <pre>
 * socialcare:triage "my order never arrived" --followers 12000 --verified [--json]   dry run, touches nothing
 * socialcare:filtered [limit]                 what triage kept out as noise, newest first
 * socialcare:promote x:1790                   file a filtered message as a ticket after all
 * socialcare:learn /path/labels.csv   teach triage from a labelled CSV (columns in docs/triage-rules.md)
 * </pre>
 */
@Component(service = TriageCommands.class, property = {
        "osgi.command.scope=socialcare",
        "osgi.command.function=triage",
        "osgi.command.function=filtered",
        "osgi.command.function=promote",
        "osgi.command.function=learn"})
public class TriageCommands {
    @Reference
    private SocialCareRuntime runtime;

    // Printed, not returned: see CustomerLinkCommands.

    public void triage(String... args) {
        TriageCommandLine.Options o = TriageCommandLine.Options.parse(prepend("decide", args));
        if (o.positional().size() != 1) {
            throw new IllegalArgumentException("socialcare:triage takes one quoted message text, then --followers N,"
                    + " --verified, --vip, --private, --json");
        }
        TriageDecision d = engine().triage().decide(o.input(o.positional().get(0)), Instant.now());
        System.out.println(o.json() ? DecisionReport.json(d) : DecisionReport.text(d));
    }

    public void filtered() {
        filtered(20);
    }

    public void filtered(int limit) {
        var engine = engine();
        var list = engine.filtered().since(Instant.EPOCH, limit);
        System.out.println(engine.filtered().count() + " messages filtered as noise" + (list.isEmpty() ? "." : "; newest first:\n"
                + list.stream().map(f -> f.key() + "  " + f.author() + "  " + f.filteredAt() + "\n    " + f.reasons()
                        + "\n    " + f.text().replaceAll("\\s+", " ")).collect(Collectors.joining("\n"))));
    }

    public void promote(String key) {
        engine().training().promote(key);
        System.out.println("Promoted " + key + ": it is filed as a ticket within a second.");
    }

    public void learn(String file) throws IOException {
        Path path = Path.of(file);
        int fresh = engine().training().importExamples(LabelledCsv.read(path), path.getFileName().toString());
        System.out.println("Learnt " + fresh + " new labelled messages from " + path + " (" + engine().training().labels()
                + " labels in all).");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private SocialCareEngine engine() {
        return runtime.engine().orElseThrow(() -> new IllegalStateException(
                "Social Care Bridge is not running; see log:display for the setting to fix"));
    }
}
