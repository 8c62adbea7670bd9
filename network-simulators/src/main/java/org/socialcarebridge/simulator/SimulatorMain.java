package org.socialcarebridge.simulator;

import java.util.ArrayList;
import java.util.List;

import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.meta.MetaSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Starts the network simulators for the demo: {@code --x-port 8086 --mastodon-port 8087 --brand-handle acme
 * [--brand-token T] [--mastodon-brand-token T] [--rate-limit-multiplier M] --meta-port 8088
 * [--meta-callback-url URL] [--meta-unsubscribed]}. The brands' tokens come from SIM_X_BRAND_TOKEN and
 * SIM_MASTODON_BRAND_TOKEN, the X app's consumer secret (it answers the CRC and signs webhooks) from
 * SIM_X_CONSUMER_SECRET, the Meta Page token, app secret and verify token from SIM_META_PAGE_TOKEN,
 * SIM_META_APP_SECRET and SIM_META_VERIFY_TOKEN, the WhatsApp Business Account's system-user token from
 * SIM_WHATSAPP_TOKEN (the environment, not the command line, where other users can read them). None has a default: the demo generates them (scripts/lib.sh), and a missing one ends the
 * start with a message naming it.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8086;
        String handle = "acme";
        String token = System.getenv("SIM_X_BRAND_TOKEN");
        String consumerSecret = System.getenv("SIM_X_CONSUMER_SECRET");
        int multiplier = 1;
        int mastodonPort = 8087;
        String mastodonToken = System.getenv("SIM_MASTODON_BRAND_TOKEN");
        MetaSimulator.Config meta = MetaSimulator.Config.defaults().withSecrets(System.getenv("SIM_META_PAGE_TOKEN"),
                System.getenv("SIM_META_APP_SECRET"), System.getenv("SIM_META_VERIFY_TOKEN"))
                .withWhatsAppToken(System.getenv("SIM_WHATSAPP_TOKEN"));
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--x-port" -> port = Integer.parseInt(require(args[i], value));
                case "--brand-handle" -> handle = require(args[i], value);
                case "--brand-token" -> token = require(args[i], value);
                case "--rate-limit-multiplier" -> multiplier = Integer.parseInt(require(args[i], value));
                case "--mastodon-port" -> mastodonPort = Integer.parseInt(require(args[i], value));
                case "--mastodon-brand-token" -> mastodonToken = require(args[i], value);
                case "--meta-port" -> meta = meta.withPort(Integer.parseInt(require(args[i], value)));
                case "--meta-callback-url" -> meta = meta.withCallbackUrl(require(args[i], value));
                case "--meta-unsubscribed" -> {
                    meta = meta.withSubscribed(false);
                    i--; // a flag without a value
                }
                default -> {
                    System.err.println("Unknown option " + args[i]
                            + "; use --x-port N --mastodon-port N --brand-handle H --brand-token T"
                            + " --mastodon-brand-token T --rate-limit-multiplier M --meta-port N --meta-callback-url URL"
                            + " --meta-unsubscribed");
                    System.exit(2);
                }
            }
            i++;
        }
        List<String> missing = new ArrayList<>();
        if (token == null || token.isBlank()) {
            missing.add("SIM_X_BRAND_TOKEN (the X brand's bearer token; or --brand-token)");
        }
        if (consumerSecret == null || consumerSecret.isBlank()) {
            missing.add("SIM_X_CONSUMER_SECRET (the X app's consumer secret, for the CRC and webhook signatures)");
        }
        if (mastodonToken == null || mastodonToken.isBlank()) {
            missing.add("SIM_MASTODON_BRAND_TOKEN (the Mastodon brand's access token; or --mastodon-brand-token)");
        }
        missing.addAll(meta.missingSecrets());
        if (!missing.isEmpty()) {
            System.err.println("The simulators have no default tokens or secrets; set " + String.join(", ", missing)
                    + " in the environment (./socialcare demo generates and passes them)");
            System.exit(2);
        }
        XSimulator x = XSimulator.start(port, handle, token, consumerSecret, multiplier);
        System.out.println("X simulator listening on " + x.baseUrl() + " (brand @" + handle + " id " + x.brandId() + ")");
        MastodonSimulator mastodon = MastodonSimulator.start(mastodonPort, handle, mastodonToken, multiplier);
        System.out.println("Mastodon simulator listening on " + mastodon.baseUrl() + " (brand @" + handle + " id "
                + mastodon.brandId() + ")");
        MetaSimulator facebook = MetaSimulator.start(meta.withPageName(handle).withRateLimitMultiplier(multiplier));
        System.out.println("Meta simulator listening on " + facebook.baseUrl() + " (Page " + handle + " id "
                + facebook.pageId() + ", Instagram account " + facebook.instagramAccountId() + ", WhatsApp Business Account "
                + facebook.whatsappBusinessAccountId() + " number id " + facebook.whatsappPhoneNumberId() + ", webhooks to "
                + meta.callbackUrl() + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            x.close();
            mastodon.close();
            facebook.close();
        }));
        Thread.currentThread().join();
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
