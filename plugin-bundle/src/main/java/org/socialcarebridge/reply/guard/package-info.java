/**
 * The sensitive-data guard: personal data is never posted in public.
 *
 * <p>{@link org.socialcarebridge.reply.guard.SensitiveDataGuard#inspect} lists the
 * {@link org.socialcarebridge.reply.guard.Finding}s in a public reply; a reply with any should not go
 * out in public as written, and each finding's {@code describe()} tells the agent what was found
 * without repeating it. {@link org.socialcarebridge.reply.guard.PublicCardNotice} suggests the reply to
 * a customer who posted their own card number. The guard is configured in
 * {@code etc/org.socialcarebridge.reply.cfg}:
 * <pre>
 * # hosts in these domains and their subdomains are internal; links to them are never posted
 * guard.internalDomains = intranet.acme.com, acme.local
 * # the company's own identifiers, one named regular expression each
 * guard.pattern.order\ number = ACM-\d{6}
 * # kinds not to look for: card-number, account-number, email, phone, date-of-birth, postal-address, internal-link
 * guard.off = postal-address
 * </pre>
 */
package org.socialcarebridge.reply.guard;
