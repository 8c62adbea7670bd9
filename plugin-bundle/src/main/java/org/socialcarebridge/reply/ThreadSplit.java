package org.socialcarebridge.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PublicReplies;
import org.socialcarebridge.channel.ReplyVisibility;

/**
 * Splits a public reply over the network's limit into a numbered thread, each part within the limit as
 * {@link PostLength} counts it and ending with its counter, e.g. {@code " (1/3)"}. Parts end at
 * sentence ends where that keeps them reasonably full, else at word boundaries; a link or a mention is
 * never cut, nor a character (emoji, flags, accents stay whole). Only a word longer than a whole part
 * is cut inside, as a last resort. The caller posts each part in reply to the previous one.
 */
public final class ThreadSplit {
    private static final Pattern TOKEN = Pattern.compile("(\\s*)(\\S+)");
    private static final Pattern URL = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…。！？][\"'”’»)\\]]*");
    /** CJK sentences are not followed by a space, yet a part may end after them. */
    private static final Pattern CJK_SENTENCE = Pattern.compile("(?<=[。！？])(?=\\S)");
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@" + Handle.PATTERN + "(?![\\w@])");

    private final Network network;
    private final PostLength length;
    private final boolean mentionsInEveryPart;

    /**
     * @param replies             how the network counts a post
     * @param mentionsInEveryPart whether every part starts with the reply's mentions: on Mastodon a
     *                            status reaches only the accounts it mentions; on X a reply to the
     *                            brand's previous part already shows in the customer's thread
     */
    public ThreadSplit(Network network, PublicReplies replies, boolean mentionsInEveryPart) {
        this.network = network;
        this.length = PostLength.of(replies.length());
        this.mentionsInEveryPart = mentionsInEveryPart;
    }

    /**
     * The channel's way: mentions in the first part on X, in every part on Mastodon.
     *
     * @throws ReplyRefusedException when the channel has no public replies or no threads
     */
    public static ThreadSplit of(Channel channel) {
        PublicReplies replies = channel.publicReplies().orElseThrow(() -> new ReplyRefusedException(
                terms -> channel.network().displayName() + " has no public replies; send the reply as "
                        + terms.choice(ReplyVisibility.PRIVATE) + "."));
        if (replies.threads() == PublicReplies.Threads.NONE) {
            throw new ReplyRefusedException(terms -> channel.network().displayName() + " has no threads of the brand's own posts,"
                    + " so a reply over " + replies.limit() + " characters cannot be split; shorten it or send it as "
                    + terms.choice(ReplyVisibility.PRIVATE) + ".");
        }
        return new ThreadSplit(channel.network(), replies,
                replies.threads() == PublicReplies.Threads.MENTIONS_IN_EVERY_PART);
    }

    /**
     * The posts for this reply: the text itself when it fits, else the numbered parts.
     *
     * @param text     the final reply, starting with its mentions (see {@link Mentions#prefix})
     * @param limit    the network's limit for one post
     * @param maxParts the most posts a reply may become
     * @throws ReplyRefusedException when the text is empty, would need more than {@code maxParts}
     *                               posts, or holds a link or mention that fits in no part
     */
    public List<String> split(String text, int limit, int maxParts) {
        if (limit < 1 || maxParts < 1) {
            throw new IllegalArgumentException("A thread needs a limit and a number of parts of at least 1; got limit "
                    + limit + " and " + maxParts + " parts");
        }
        String reply = text == null ? "" : text.strip();
        int end = Mentions.endOfLeading(reply);
        String body = reply.substring(end).strip();
        String mentions = reply.substring(0, end).strip();
        // The first part keeps the agent's own separator after the mentions ("@alice, thanks").
        Lead lead = new Lead(reply.substring(0, reply.length() - body.length()),
                mentionsInEveryPart && !mentions.isEmpty() ? mentions + " " : "");
        if (body.isEmpty()) {
            throw new ReplyRefusedException("The reply is empty; write the text to send to the customer.");
        }
        int total = length.count(reply);
        if (total <= limit) {
            return List.of(reply);
        }
        List<Atom> atoms = atoms(body);
        List<String> pieces = null;
        for (boolean sentences : new boolean[] {true, false}) {
            pieces = pack(atoms, lead, limit, sentences);
            if (pieces.size() <= maxParts) {
                return parts(lead, pieces);
            }
        }
        int needed = pieces.size();
        throw new ReplyRefusedException(terms -> "The public reply is " + total + " characters as " + network.displayName()
                + " counts them (links count " + length.linkLength() + "), so it would need " + needed
                + " posts of at most " + limit + "; a reply may be split into at most " + maxParts
                + " posts. Shorten it or send it as " + terms.choice(ReplyVisibility.PRIVATE) + ".");
    }

    private List<String> parts(Lead lead, List<String> pieces) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            parts.add(lead.of(i + 1) + pieces.get(i) + counter(i + 1, pieces.size()));
        }
        return parts;
    }

    private static String counter(int part, int parts) {
        return " (" + part + "/" + parts + ")";
    }

    /**
     * Packs the text for a thread of an assumed number of parts, and again for the count it got, until
     * the counters it reserved room for are as wide as the final ones ({@code (9/9)} then {@code (10/12)}).
     */
    private List<String> pack(List<Atom> atoms, Lead lead, int limit, boolean sentences) {
        int assumed = 2;
        while (true) {
            List<String> pieces = pack(atoms, lead, limit, sentences, assumed);
            if (pieces.size() <= assumed) {
                return pieces;
            }
            assumed = pieces.size();
        }
    }

    private List<String> pack(List<Atom> input, Lead lead, int limit, boolean sentences, int assumed) {
        List<Atom> atoms = new ArrayList<>(input);
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < atoms.size()) {
            int part = pieces.size() + 1;
            Frame frame = new Frame(lead.of(part), counter(part, assumed), limit);
            if (frame.room() < 1) {
                String mentions = frame.head.strip();
                throw new ReplyRefusedException(terms -> "The mentions '" + mentions + "' take " + length.count(mentions)
                        + " of the " + limit + " characters of a post on " + network.displayName()
                        + ", leaving no room for the text; mention fewer people or send the reply as "
                        + terms.choice(ReplyVisibility.PRIVATE) + ".");
            }
            String piece = "";
            String sentencePiece = null;
            String wordPiece = null;
            String anyPiece = null;
            int sentenceCut = -1;
            int wordCut = -1;
            int anyCut = -1;
            int j = i;
            while (j < atoms.size()) {
                Atom atom = atoms.get(j);
                String candidate = j == i ? atom.word : piece + atom.space + atom.word;
                if (!frame.fits(candidate)) {
                    break;
                }
                piece = candidate;
                j++;
                if (j < atoms.size()) {
                    Cut cut = atoms.get(j).cut;
                    anyCut = j;
                    anyPiece = piece;
                    if (cut != Cut.GLUE) {
                        wordCut = j;
                        wordPiece = piece;
                    }
                    if (cut == Cut.SENTENCE && length.count(piece) * 2 >= frame.room()) {
                        sentenceCut = j;
                        sentencePiece = piece;
                    }
                }
            }
            if (j == atoms.size()) {
                pieces.add(piece);
                break;
            }
            if (j == i) {
                Atom[] cut = hardCut(atoms.get(i), frame, "", limit, true);
                atoms.set(i, cut[1]);
                pieces.add(cut[0].word);
                continue;
            }
            Atom next = atoms.get(j);
            int laterRoom = new Frame(lead.of(part + 1), counter(part + 1, assumed), limit).room();
            if (!next.unbreakable && length.count(next.word) > laterRoom) {
                // The word is cut anyway; starting it here saves a part.
                Atom[] cut = hardCut(next, frame, piece + next.space, limit, false);
                if (cut != null) {
                    atoms.set(j, cut[1]);
                    pieces.add(piece + next.space + cut[0].word);
                    i = j;
                    continue;
                }
            }
            if (sentences && sentenceCut > 0) {
                pieces.add(sentencePiece);
                i = sentenceCut;
            } else if (wordCut > 0) {
                pieces.add(wordPiece);
                i = wordCut;
            } else {
                pieces.add(anyPiece);
                i = anyCut;
            }
        }
        return pieces;
    }

    /**
     * The longest whole-character start of a word that fits after {@code before} in the part, and the
     * rest; null when nothing fits and {@code required} is false.
     */
    private Atom[] hardCut(Atom atom, Frame frame, String before, int limit, boolean required) {
        if (atom.unbreakable) {
            throw new ReplyRefusedException(terms -> "'" + shortened(atom.word) + "' is a link or mention that does not fit in a"
                    + " post of " + limit + " characters on " + network.displayName() + " with the mentions and the"
                    + " counter; shorten it or send the reply as " + terms.choice(ReplyVisibility.PRIVATE) + ".");
        }
        Matcher g = GRAPHEME.matcher(atom.word);
        int end = 0;
        while (g.find() && frame.fits(before + atom.word.substring(0, g.end()))) {
            end = g.end();
        }
        if (end == 0 && !required) {
            return null;
        }
        if (end == 0) {
            throw new ReplyRefusedException(terms -> "There is no room for the text in a post of " + limit + " characters on "
                    + network.displayName() + " with the mentions and the counter; mention fewer people or send the"
                    + " reply as " + terms.choice(ReplyVisibility.PRIVATE) + ".");
        }
        return new Atom[] {new Atom(atom.space, atom.word.substring(0, end), atom.cut, false),
                new Atom("", atom.word.substring(end), Cut.GLUE, false)};
    }

    private static String shortened(String word) {
        return word.codePointCount(0, word.length()) <= 40 ? word
                : word.substring(0, word.offsetByCodePoints(0, 40)) + "…";
    }

    /**
     * The text as words with the space before each and how good a place to end a part that space is.
     * Links and mentions are unbreakable words of their own, glued to what touches them in the text.
     */
    private List<Atom> atoms(String body) {
        List<Atom> atoms = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        boolean afterSentence = false;
        while (m.find()) {
            String space = m.group(1);
            String token = m.group(2);
            Cut cut = afterSentence || space.contains("\n") ? Cut.SENTENCE : Cut.WORD;
            // A link runs to the token's end, so mentions and CJK sentence ends are looked for before it.
            Matcher url = URL.matcher(token);
            int urlStart = url.find() ? url.start() : token.length();
            String text = token.substring(0, urlStart);
            Matcher mention = MENTION.matcher(text);
            int last = 0;
            while (last < text.length()) {
                boolean found = mention.find(last);
                int plainEnd = found ? mention.start() : text.length();
                if (plainEnd > last) {
                    for (String word : CJK_SENTENCE.split(text.substring(last, plainEnd))) {
                        atoms.add(new Atom(space, word, cut, false));
                        space = "";
                        cut = Cut.SENTENCE;
                    }
                    cut = Cut.GLUE;
                }
                if (found) {
                    atoms.add(new Atom(space, mention.group(), cut, true));
                    space = "";
                    cut = Cut.GLUE;
                    last = mention.end();
                } else {
                    last = text.length();
                }
            }
            if (urlStart < token.length()) {
                atoms.add(new Atom(space, token.substring(urlStart), cut, true));
            }
            afterSentence = SENTENCE_END.matcher(token).matches();
        }
        return atoms;
    }

    /** What each part starts with: the first the reply's own start, the later ones its mentions or nothing. */
    private record Lead(String first, String later) {
        String of(int part) {
            return part == 1 ? first : later;
        }
    }

    /** How good a place the space before a word is to end a part. */
    private enum Cut { GLUE, WORD, SENTENCE }

    private record Atom(String space, String word, Cut cut, boolean unbreakable) {
    }

    /**
     * One part's start and counter around its piece of text. A piece fits when the whole part does as
     * {@link PostLength} counts it: counting the parts' words one by one could differ, since a link or a
     * remote mention is recognised in its context.
     */
    private final class Frame {
        final String head;
        final String counter;
        final int limit;

        Frame(String head, String counter, int limit) {
            this.head = head;
            this.counter = counter;
            this.limit = limit;
        }

        int room() {
            return limit - length.count(head) - length.count(counter);
        }

        boolean fits(String piece) {
            return length.count(head + piece + counter) <= limit;
        }
    }
}
