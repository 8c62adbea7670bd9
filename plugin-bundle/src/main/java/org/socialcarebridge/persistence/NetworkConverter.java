package org.socialcarebridge.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.socialcarebridge.channel.Network;

/**
 * A network is stored as its key upper case ({@code X}, {@code MASTODON}): the very text the columns held when
 * it was an enum stored by name, so existing databases read the same.
 */
@Converter(autoApply = true)
public class NetworkConverter implements AttributeConverter<Network, String> {
    @Override
    public String convertToDatabaseColumn(Network network) {
        return network == null ? null : network.stored();
    }

    @Override
    public Network convertToEntityAttribute(String stored) {
        return stored == null ? null : Network.fromStored(stored);
    }
}
