package org.socialcarebridge.reply.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links that lead inside the company: their host is one of the administrator's internal domains or a
 * subdomain of it, {@code localhost}, a loopback, private or link-local address (127/8, 10/8, 172.16/12,
 * 192.168/16, 169.254/16, {@code ::1}, {@code fc00::/7}, {@code fe80::/10}), a {@code .local},
 * {@code .internal}, {@code .corp} or {@code .lan} name, or a single-label name such as
 * {@code http://wiki/} that only resolves on an intranet. A link to the public brand site is fine.
 * Without a scheme ({@code wiki.intranet.acme.com/kb/1}) only names count, since a bare
 * {@code 10.0.0.1} is as likely a version number.
 */
final class InternalLinks implements Detector {
    private static final Pattern URL = Pattern.compile("(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,15}://[^\\s<>\"'`]++",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?<![\\w.@/:-])((?:[a-z0-9-]{1,63}\\.){1,10}[a-z0-9-]{1,63}|localhost(?=[:/]))(?![\\w-]|\\.[a-z0-9])"
                    + "(?::\\d{1,5})?(?:/[^\\s<>\"'`]*+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Set<String> INTERNAL_TOP_LEVEL = Set.of("local", "internal", "corp", "lan", "localhost");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";

    private final Set<String> internalDomains;

    /** @param internalDomains lower-case domain names without leading dot */
    InternalLinks(Set<String> internalDomains) {
        this.internalDomains = Set.copyOf(internalDomains);
    }

    @Override
    public void find(String text, List<Finding> found) {
        Matcher m = URL.matcher(text);
        List<int[]> urls = new ArrayList<>();
        while (m.find()) {
            urls.add(new int[] {m.start(), m.end()});
            String host = hostOf(m.group());
            if (host != null && (isNamedInternal(host) || isAddressInternal(host) || !host.contains("."))) {
                add(m.group(), m.start(), m.group().substring(0, m.group().indexOf("://") + 3) + host, found);
            }
        }
        m = HOST_NAME.matcher(text);
        int url = 0;
        while (m.find()) {
            // A host name in a URL's path or query was judged with its URL above.
            while (url < urls.size() && urls.get(url)[1] <= m.start()) {
                url++;
            }
            boolean insideUrl = url < urls.size() && urls.get(url)[0] <= m.start();
            String host = m.group(1).toLowerCase(Locale.ROOT);
            if (!insideUrl && isNamedInternal(host)) {
                add(m.group(), m.start(), host, found);
            }
        }
    }

    private static void add(String link, int start, String shown, List<Finding> found) {
        int end = link.length();
        while (end > 1 && TRAILING_PUNCTUATION.indexOf(link.charAt(end - 1)) >= 0) {
            end--;
        }
        found.add(new Finding(SensitiveData.INTERNAL_LINK, SensitiveData.INTERNAL_LINK.noun(), shown, start, start + end));
    }

    /** The host of {@code scheme://user@host:port/path}, lower case, or null when there is none. */
    static String hostOf(String url) {
        int from = url.indexOf("://") + 3;
        int to = from;
        while (to < url.length() && "/?#\\".indexOf(url.charAt(to)) < 0) {
            to++;
        }
        String authority = url.substring(from, to);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 ? authority.substring(1) : authority.substring(1, close);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        while (!host.isEmpty() && TRAILING_PUNCTUATION.indexOf(host.charAt(host.length() - 1)) >= 0) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
    }

    private boolean isNamedInternal(String host) {
        String topLevel = host.substring(host.lastIndexOf('.') + 1);
        if (INTERNAL_TOP_LEVEL.contains(topLevel)) {
            return true;
        }
        for (String domain : internalDomains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAddressInternal(String host) {
        if (host.contains(":")) {
            return host.equals("::1") || host.startsWith("fc") || host.startsWith("fd") || host.startsWith("fe8")
                    || host.startsWith("fe9") || host.startsWith("fea") || host.startsWith("feb");
        }
        Matcher ip = IPV4.matcher(host);
        if (!ip.matches()) {
            return false;
        }
        int a = Integer.parseInt(ip.group(1));
        int b = Integer.parseInt(ip.group(2));
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 169 && b == 254)
                || a == 0;
    }
}
