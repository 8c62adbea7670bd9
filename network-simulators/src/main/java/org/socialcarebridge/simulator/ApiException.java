package org.socialcarebridge.simulator;

/** Thrown by an endpoint to answer an error response. */
public class ApiException extends RuntimeException {
    private final transient ApiResponse response;

    public ApiException(ApiResponse response) {
        super(String.valueOf(response.body()));
        this.response = response;
    }

    public ApiResponse response() {
        return response;
    }
}
