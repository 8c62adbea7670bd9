package org.socialcarebridge.host;

/** The help desk's user that stands for a social identity (in RT: a user named e.g. {@code x:1002}). */
public record HostCustomer(String name) {
}
