package org.socialcarebridge.routes.delivery;

import org.apache.camel.builder.RouteBuilder;

import org.socialcarebridge.delivery.EarlyReceipts;
import org.socialcarebridge.routes.health.Tick;

/** Receipts that arrived before their message was recorded are offered again every second until taken. */
public final class ReceiptRoutes extends RouteBuilder {
    private final EarlyReceipts early;

    public ReceiptRoutes(EarlyReceipts early) {
        this.early = early;
    }

    @Override
    public void configure() {
        from("timer:delivery-receipts?delay=1000&period=1000")
                .routeId("delivery-receipts")
                .process(Tick.of(exchange -> early.offerAgain()));
    }
}
