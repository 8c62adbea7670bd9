package org.socialcarebridge.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a channel stopped reading (X: since_id; RT: last reconciled transaction). */
@Entity
@Table(name = "SC_CURSOR")
public class ChannelCursor {
    @Id
    @Column(name = "CHANNEL", length = 100)
    private String channel;

    @Column(name = "POSITION", length = 200)
    private String position;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected ChannelCursor() {
    }

    public ChannelCursor(String channel, String position, Instant now) {
        this.channel = channel;
        this.position = position;
        this.updatedAt = now;
    }

    public void moveTo(String position, Instant now) {
        this.position = position;
        this.updatedAt = now;
    }

    public String position() {
        return position;
    }
}
