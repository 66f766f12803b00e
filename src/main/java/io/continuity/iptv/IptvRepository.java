package io.continuity.iptv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the channels an IPTV player is offered, each with its channel number. Channels carry no number of their own,
 * so the number is the channel's position in the order channels were first configured ({@code created_at}, which is
 * the first {@code channel.configured} event's {@code ce_time}, then id), counting retired channels too: a new channel
 * takes the next number, retiring one leaves its number unused, and no other channel's number ever moves. A rebuild
 * from the topics gives the same numbers, since {@code created_at} comes from the event log.
 */
@ApplicationScoped
public class IptvRepository {

    private static final String CHANNELS = """
            SELECT id, slug, title, is_retired, row_number() OVER (ORDER BY created_at, id) AS number
            FROM channel ORDER BY number""";

    private final DataSource dataSource;

    public IptvRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every channel that is not retired, by channel number. */
    public List<NumberedChannel> liveChannels() {
        List<NumberedChannel> channels = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CHANNELS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (!rs.getBoolean(4)) {
                    channels.add(new NumberedChannel(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read channels for the IPTV playlist", e);
        }
        return channels;
    }

    /** A channel with its number. */
    public record NumberedChannel(UUID id, String slug, String title, int number) {
    }
}
