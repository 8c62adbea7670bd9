package org.socialcarebridge.host;

/**
 * The help desk's own reference to the user that stands for a social identity (in RT: the user's id, or its
 * name until RT has given the id, which RT's adapter learns when it files the customer's first ticket).
 */
public record HostCustomer(String id) {
}
