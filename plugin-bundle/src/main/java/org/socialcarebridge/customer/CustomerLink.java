package org.socialcarebridge.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An administrator's statement that a social identity is the same person as another identity (on
 * any network) or as a help desk customer known by e-mail address. New tickets of the identity then
 * carry that person.
 */
@Entity
@Table(name = "SC_CUSTOMER_LINK")
public class CustomerLink {
    static final String EMAIL_PREFIX = "email:";

    @Id
    @Column(name = "IDENTITY_KEY", length = 200)
    private String identityKey;

    /** Another identity key ({@code x:1002}) or {@code email:alice@example.com}. */
    @Column(name = "TARGET", nullable = false, length = 300)
    private String target;

    @Column(name = "LINKED_BY", length = 200)
    private String linkedBy;

    @Column(name = "LINKED_AT", nullable = false)
    private Instant linkedAt;

    protected CustomerLink() {
    }

    CustomerLink(String identityKey, String target, String linkedBy, Instant now) {
        this.identityKey = identityKey;
        this.target = target;
        this.linkedBy = linkedBy;
        this.linkedAt = now;
    }

    public String identityKey() {
        return identityKey;
    }

    public String target() {
        return target;
    }

    /** The e-mail address this links to, or null when it links to another identity. */
    public String email() {
        return target.startsWith(EMAIL_PREFIX) ? target.substring(EMAIL_PREFIX.length()) : null;
    }

    public String linkedBy() {
        return linkedBy;
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    @Override
    public String toString() {
        return identityKey + " -> " + target;
    }
}
