package org.socialcarebridge.reply.guard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Finds personal data in a text that is about to be posted in public: card numbers, the
 * administrator's account or order numbers, e-mail addresses, phone numbers, dates of birth, postal
 * addresses and internal links. See each kind's rules in {@link CardNumbers}, {@link EmailAddresses},
 * {@link PhoneNumbers}, {@link BirthDates}, {@link PostalAddresses}, {@link InternalLinks} and
 * {@link AdministratorPattern}.
 *
 * <p>The text is inspected as a reader sees it ({@link ReadableText}): digits of any script
 * ({@code ４２４２}, {@code ٤٢٤٢}) are digits, no-break spaces are spaces, invisible characters are
 * skipped, so writing a number in full-width digits or with zero-width spaces does not slip it
 * through. Positions are those of the text as given.
 *
 * <p>Where two findings overlap, the more specific kind is kept (the administrator's pattern, then
 * card, link, e-mail, date of birth, address, phone), so an order number is not also a phone number.
 *
 * <p>Immutable and safe to share between threads. Every pattern is compiled once; the built-in ones
 * cannot backtrack far and the administrator's run on a read budget, so inspection takes time linear
 * in the text (a 10,000-character reply takes a few milliseconds).
 */
public final class SensitiveDataGuard {
    private final GuardSettings settings;
    private final List<Detector> detectors;

    public SensitiveDataGuard(GuardSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock tells this year, which decides how old a date must be to be a date of birth */
    public SensitiveDataGuard(GuardSettings settings, Clock clock) {
        this.settings = settings;
        List<Detector> detectors = new ArrayList<>();
        if (!settings.off().contains(SensitiveData.ACCOUNT_NUMBER)) {
            for (AdministratorPattern pattern : settings.patterns()) {
                detectors.add(pattern::find);
            }
        }
        add(detectors, SensitiveData.CARD_NUMBER, new CardNumbers(true));
        add(detectors, SensitiveData.INTERNAL_LINK, new InternalLinks(settings.internalDomains()));
        add(detectors, SensitiveData.EMAIL, new EmailAddresses());
        add(detectors, SensitiveData.DATE_OF_BIRTH, new BirthDates(clock));
        add(detectors, SensitiveData.POSTAL_ADDRESS, new PostalAddresses());
        add(detectors, SensitiveData.PHONE, new PhoneNumbers());
        this.detectors = List.copyOf(detectors);
    }

    private void add(List<Detector> detectors, SensitiveData kind, Detector detector) {
        if (!settings.off().contains(kind)) {
            detectors.add(detector);
        }
    }

    public GuardSettings settings() {
        return settings;
    }

    /** The personal data in {@code text}, in the order it appears; empty when the text may be posted. */
    public List<Finding> inspect(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        ReadableText readable = ReadableText.of(text);
        List<Finding> candidates = new ArrayList<>();
        for (Detector detector : detectors) {
            detector.find(readable.text(), candidates);
        }
        return firstOfOverlapping(candidates, readable.text().length()).stream().map(readable::inOriginal).toList();
    }

    /** Candidates come in order of precedence; a later one that overlaps an earlier one is dropped. */
    private static List<Finding> firstOfOverlapping(List<Finding> candidates, int length) {
        BitSet taken = new BitSet(length);
        List<Finding> kept = new ArrayList<>();
        for (Finding f : candidates) {
            int next = taken.nextSetBit(f.start());
            if (next < 0 || next >= f.end()) {
                taken.set(f.start(), f.end());
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }
}
