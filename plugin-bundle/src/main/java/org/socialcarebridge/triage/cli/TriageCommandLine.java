package org.socialcarebridge.triage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.triage.engine.DecisionReport;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageInput;
import org.socialcarebridge.triage.eval.LabelledCsv;
import org.socialcarebridge.triage.eval.LabelledExample;
import org.socialcarebridge.triage.eval.TriageEvaluation;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.RulesFileException;
import org.socialcarebridge.triage.rules.TriageRules;

/**
 * The triage engine from a shell, without RT or Karaf ({@code ./socialcare triage} and
 * {@code ./socialcare eval-triage}). Exit codes: 0 done, 2 wrong usage or unreadable input.
 */
public final class TriageCommandLine {
    static final String USAGE = """
            usage: socialcare triage "text" [--followers N] [--verified] [--vip] [--private] [--network x|mastodon]
                                            [--rules FILE] [--train FILE.csv] [--json]
                   socialcare eval-triage FILE.csv [--train OTHER.csv] [--rules FILE] [--json]
            Without --rules: $SOCIALCARE_RULES if set, else the built-in default rules.""";

    private final PrintStream out;
    private final PrintStream err;

    TriageCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new TriageCommandLine(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)).run(args));
    }

    int run(String[] args) {
        try {
            Options o = Options.parse(args);
            return switch (o.command) {
                case "decide" -> decide(o);
                case "eval" -> evaluate(o);
                default -> throw new UsageException("unknown command '" + o.command + "'");
            };
        } catch (UsageException e) {
            err.println("socialcare: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RulesFileException e) {
            err.println("socialcare: the rules file was rejected:\n" + e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("socialcare: " + e.getMessage());
            return 2;
        }
    }

    private int decide(Options o) throws IOException, RulesFileException {
        if (o.positional.size() != 1) {
            throw new UsageException("triage takes one message text (quote it), got " + o.positional.size() + " arguments");
        }
        Triage triage = triage(o);
        TriageDecision d = triage.decide(o.input(o.positional.get(0)), Instant.now());
        out.println(o.json ? DecisionReport.json(d) : "Rules: " + o.rulesSource() + "\n" + DecisionReport.text(d));
        return 0;
    }

    private int evaluate(Options o) throws IOException, RulesFileException {
        if (o.positional.size() != 1) {
            throw new UsageException("eval-triage takes one labelled CSV file, got " + o.positional.size() + " arguments");
        }
        List<LabelledExample> test = LabelledCsv.read(Path.of(o.positional.get(0)));
        Triage triage = triage(o);
        // Sentiment and category come from one decision per message.
        java.util.Map<String, TriageDecision> decided = new java.util.HashMap<>();
        java.util.function.Function<String, TriageDecision> decide =
                text -> decided.computeIfAbsent(text, t -> triage.decide(TriageInput.text(t), Instant.EPOCH));
        TriageEvaluation.Report report = TriageEvaluation.evaluate(test, text -> decide.apply(text).signals().sentiment(),
                text -> decide.apply(text).category());
        if (o.json) {
            out.println(report.toJson());
        } else {
            out.println("Rules: " + o.rulesSource() + "; trained on " + (o.train == null ? "nothing (rules and lexicon only)"
                    : triage.model().sentimentExamples() + " labelled messages from " + o.train) + "; tested on "
                    + test.size() + " messages of " + o.positional.get(0));
            out.println(report.toText());
        }
        return 0;
    }

    /** The engine with the chosen rules, and a model trained on --train when given. */
    private static Triage triage(Options o) throws IOException, RulesFileException {
        TriageRules rules = o.rules == null ? TriageRules.defaults()
                : TriageRules.parse(Files.readString(o.rules, StandardCharsets.UTF_8), o.rules.toString());
        TextModel model = new TextModel();
        if (o.train != null) {
            for (LabelledExample e : LabelledCsv.read(o.train)) {
                if (e.sentiment() != null) {
                    model.learnSentiment(e.text(), e.sentiment());
                }
                if (e.category() != null) {
                    model.learnCategory(e.text(), e.category());
                }
            }
        }
        return new Triage(() -> rules, model);
    }

    /** Wrong usage: the message says what was wrong. */
    public static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    /** The command line, read once (also by the Karaf shell's socialcare:triage). */
    public static final class Options {
        String command;
        final List<String> positional = new ArrayList<>();
        long followers;
        boolean verified;
        boolean vip;
        boolean json;
        Visibility visibility = Visibility.PUBLIC;
        Network network; // none unless --network names one
        Path rules;
        Path train;

        public static Options parse(String[] args) {
            Options o = new Options();
            if (args.length == 0) {
                throw new UsageException("no command");
            }
            o.command = args[0];
            String env = System.getenv("SOCIALCARE_RULES");
            o.rules = env == null || env.isBlank() ? null : Path.of(env);
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--followers" -> o.followers = number(a, value(args, ++i, a));
                    case "--verified" -> o.verified = true;
                    case "--vip" -> o.vip = true;
                    case "--private" -> o.visibility = Visibility.PRIVATE;
                    case "--json" -> o.json = true;
                    case "--network" -> o.network = Network.fromKey(value(args, ++i, a));
                    case "--rules" -> o.rules = Path.of(value(args, ++i, a));
                    case "--train" -> o.train = Path.of(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--")) {
                            throw new UsageException("unknown option " + a);
                        }
                        o.positional.add(a);
                    }
                }
            }
            return o;
        }

        public List<String> positional() {
            return positional;
        }

        public boolean json() {
            return json;
        }

        /** The message to triage, with what the options say of its author. */
        public TriageInput input(String text) {
            return new TriageInput(text, network, visibility, null, followers, verified, vip);
        }

        String rulesSource() {
            return rules == null ? "built-in defaults" : rules.toString();
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
        }

        private static long number(String option, String value) {
            try {
                long n = Long.parseLong(value);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException(option + " takes a whole number of 0 or more, got '" + value + "'");
            }
        }
    }
}
