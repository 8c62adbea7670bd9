package org.socialcarebridge.host;

/** The help desk's own reference to the user that stands for a social identity (in RT: the user's id). */
public record HostCustomer(String id) {
}
