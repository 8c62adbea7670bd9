package org.socialcarebridge.component.whatsapp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcarebridge.channel.MessageTemplate;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.health.ChannelStatus;
import org.socialcarebridge.host.TemplateChoices;

/**
 * The business account's APPROVED message templates, read from WhatsApp ({@link #sync}) and kept for the
 * producer; each sync also makes them the agents' choices in the help desk ({@link TemplateChoices}). A
 * pending, rejected or paused template is never offered: WhatsApp would refuse it. A failed sync keeps the
 * last list and shows on the channel's health line; the next one tries again.
 */
public final class ApprovedTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovedTemplates.class);
    /** How many pages of 100 one sync reads before it stops: far beyond the 250 templates an account may have. */
    static final int MOST_PAGES = 50;
    /** When a template reply waits for a first list, it is tried again after this. */
    static final java.time.Duration RETRY_UNREAD = java.time.Duration.ofMinutes(1);

    private final CloudApi api;
    private final TemplateChoices choices;
    private final ChannelStatus status;
    private final Clock clock;
    private volatile List<MessageTemplate> approved = List.of();
    /** Whether a sync has read the list yet: before, an empty list says nothing. */
    private volatile boolean read;
    private volatile String lastFailure = "not read yet";

    /**
     * @param choices where the agents' list goes (the help desk)
     * @param status  the channel's health line: the sync is the check that WhatsApp answers the channel
     */
    public ApprovedTemplates(CloudApi api, TemplateChoices choices, ChannelStatus status, Clock clock) {
        this.api = api;
        this.choices = choices;
        this.status = status;
        this.clock = clock;
    }

    /**
     * Reads every page of templates, keeps the approved ones and offers them; on failure keeps the last list
     * and says why on the health line (the help desk's refusal too: the next sync offers them again).
     */
    public synchronized void sync() { // the timer's first run and a first template reply may come together
        List<MessageTemplate> list;
        try {
            list = readAll();
        } catch (RuntimeException e) {
            String why = "reading WhatsApp's message templates (agents keep the last list of " + approved.size() + "): "
                    + e.getMessage();
            lastFailure = e.getMessage();
            status.failed(clock.instant(), why);
            LOG.warn("WhatsApp: {}", why);
            return;
        }
        approved = list;
        read = true;
        try {
            choices.offerTemplates(WhatsAppChannel.WHATSAPP, byName(list));
        } catch (RuntimeException e) {
            status.failed(clock.instant(), "offering " + list.size() + " WhatsApp templates to agents: " + e.getMessage());
            LOG.warn("WhatsApp: could not offer {} templates to agents; the next sync tries again: {}", list.size(),
                    e.getMessage());
            return;
        }
        status.succeeded(clock.instant(), null);
    }

    private List<MessageTemplate> readAll() {
        List<MessageTemplate> found = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            JsonNode answer = api.templates(after);
            for (JsonNode t : answer.path("data")) {
                if ("APPROVED".equals(t.path("status").asText())) {
                    template(t).ifPresent(found::add);
                }
            }
            after = GraphCall.nextPage(answer);
            if (after == null) {
                break;
            }
        }
        found.sort(Comparator.comparing(MessageTemplate::name).thenComparing(MessageTemplate::language));
        return List.copyOf(found);
    }

    /** A template as the domain keeps it; one the domain cannot hold (a name with capitals) is skipped, logged. */
    private static Optional<MessageTemplate> template(JsonNode t) {
        String body = "";
        for (JsonNode c : t.path("components")) {
            if ("BODY".equalsIgnoreCase(c.path("type").asText())) {
                body = c.path("text").asText("");
            }
        }
        try {
            return Optional.of(new MessageTemplate(t.path("name").asText(""), t.path("language").asText(""),
                    MessageTemplate.placeholders(body), body));
        } catch (IllegalArgumentException e) {
            LOG.warn("WhatsApp: an approved template is not offered to agents: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * One choice per name: agents pick a template, not a language. A template approved in several languages is
     * offered once, its languages listed (the first is sent, see {@link #named}).
     */
    static List<MessageTemplate> byName(List<MessageTemplate> templates) {
        java.util.Map<String, List<MessageTemplate>> named = new java.util.LinkedHashMap<>();
        templates.forEach(t -> named.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t));
        return named.values().stream().map(same -> same.size() == 1 ? same.get(0) : new MessageTemplate(
                same.get(0).name(), same.stream().map(MessageTemplate::language).collect(Collectors.joining(", ")),
                same.get(0).parameters(), same.get(0).body())).toList();
    }

    /** The approved templates as last read, by name then language. */
    public List<MessageTemplate> approved() {
        return approved;
    }

    /**
     * The approved template of that name (the first language, when it is approved in several).
     *
     * @throws PostRejectedException when there is none, naming the approved ones
     */
    MessageTemplate named(String name) {
        if (!read) {
            sync(); // a reply right after the channel attached: its first sync may not have run yet
        }
        if (!read) {
            // Not a refusal: the template may well be approved. Nothing was sent, so the outbox may try again.
            throw new RateLimitedException("WhatsApp's approved templates could not be read yet, so template '" + name
                    + "' is not sent now; it is tried again: " + lastFailure, clock.instant().plus(RETRY_UNREAD));
        }
        List<MessageTemplate> now = approved;
        return now.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new PostRejectedException("WhatsApp has no approved template '" + name
                        + "' (not approved yet, paused, deleted or misspelt); pick one of the approved ones in Social"
                        + " Template: " + (now.isEmpty() ? "none yet, ask the administrator to have one approved in"
                        + " WhatsApp Manager" : now.stream().map(MessageTemplate::name).distinct()
                        .collect(Collectors.joining(", ")))));
    }
}
