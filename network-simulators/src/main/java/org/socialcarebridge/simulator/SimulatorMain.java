package org.socialcarebridge.simulator;

import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.meta.MetaSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * Starts the network simulators for the demo: {@code --x-port 8086 --mastodon-port 8087 --brand-handle acme
 * [--brand-token T] [--mastodon-brand-token T] [--rate-limit-multiplier M] --meta-port 8088
 * [--meta-callback-url URL] [--meta-unsubscribed]}. The Meta Page token, app secret and verify token come
 * from SIM_META_PAGE_TOKEN, SIM_META_APP_SECRET and SIM_META_VERIFY_TOKEN (never the command line,
 * where other users can read them), with demo defaults.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8086;
        String handle = "acme";
        String token = System.getenv().getOrDefault("SIM_X_BRAND_TOKEN", "demo-brand-token");
        int multiplier = 1;
        int mastodonPort = 8087;
        String mastodonToken = System.getenv().getOrDefault("SIM_MASTODON_BRAND_TOKEN", "demo-mastodon-token");
        MetaSimulator.Config meta = MetaSimulator.Config.defaults().withSecrets(
                System.getenv().getOrDefault("SIM_META_PAGE_TOKEN", "demo-meta-page-token"),
                System.getenv().getOrDefault("SIM_META_APP_SECRET", "demo-meta-app-secret"),
                System.getenv().getOrDefault("SIM_META_VERIFY_TOKEN", "demo-meta-verify-token"));
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
        XSimulator x = XSimulator.start(port, handle, token, multiplier);
        System.out.println("X simulator listening on " + x.baseUrl() + " (brand @" + handle + " id " + x.brandId() + ")");
        MastodonSimulator mastodon = MastodonSimulator.start(mastodonPort, handle, mastodonToken, multiplier);
        System.out.println("Mastodon simulator listening on " + mastodon.baseUrl() + " (brand @" + handle + " id "
                + mastodon.brandId() + ")");
        MetaSimulator facebook = MetaSimulator.start(meta.withPageName(handle).withRateLimitMultiplier(multiplier));
        System.out.println("Meta simulator listening on " + facebook.baseUrl() + " (Page " + handle + " id "
                + facebook.pageId() + ", webhooks to " + meta.callbackUrl() + ")");
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
