package io.continuity.epg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Guides in, XMLTV out: DTD element order, zone offsets, episode numbers, escaping, and the speed of a full export. */
class XmltvWriterTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant T0 = Instant.parse("2026-11-23T23:00:00Z");

    private final XmltvWriter writer = new XmltvWriter();
    private final ChannelGuide.Channel retro = new ChannelGuide.Channel(UUID.randomUUID(), "retro-tv", "Retro TV", NEW_YORK);
    private final ChannelGuide.Channel berlin = new ChannelGuide.Channel(UUID.randomUUID(), "kino-berlin", "Kino Berlin",
            ZoneId.of("Europe/Berlin"));
    private final ChannelGuide.Channel silent = new ChannelGuide.Channel(UUID.randomUUID(), "silent", "Silent", NEW_YORK);

    @Test
    void aFullGuideValidatesWithTvValidateFileAndFollowsTheDtdOrder() throws Exception {
        List<ChannelGuide> guides = List.of(
                new ChannelGuide(retro, List.of(
                        entry(retro, T0, 30, "Cheers", "Coach's Daughter", 1, 5, "Coach's daughter visits.", List.of("Comedy", "Sitcom"), "TV-PG"),
                        entry(retro, T0.plus(Duration.ofMinutes(30)), 120, "The Long Goodbye", null, null, null, null, List.of(), null))),
                new ChannelGuide(berlin, List.of(entry(berlin, T0, 90, "Metropolis", null, null, 3, "", List.of("Drama"), "FSK 12"))),
                new ChannelGuide(silent, List.of()));
        Path file = Files.createDirectories(Path.of("target", "epg")).resolve("xmltv-writer-test.xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(guides, out);
        }

        XmltvValidator.assertValid(file);
        Document doc = parse(Files.readAllBytes(file));
        assertThat(doc.getDocumentElement().getAttribute("generator-info-name")).isEqualTo("Continuity");
        assertThat(children(doc.getDocumentElement())).containsExactly("channel", "channel", "programme", "programme", "programme");
        Element channel = (Element) doc.getElementsByTagName("channel").item(0);
        assertThat(channel.getAttribute("id")).isEqualTo("retro-tv.continuity");
        assertThat(channel.getElementsByTagName("display-name").item(0).getTextContent()).isEqualTo("Retro TV");
        Element cheers = (Element) doc.getElementsByTagName("programme").item(0);
        assertThat(children(cheers)).containsExactly("title", "sub-title", "desc", "category", "category", "episode-num", "episode-num", "rating");
        assertThat(cheers.getAttribute("start")).isEqualTo("20261123180000 -0500");
        assertThat(cheers.getAttribute("stop")).isEqualTo("20261123183000 -0500");
        assertThat(cheers.getAttribute("channel")).isEqualTo("retro-tv.continuity");
        assertThat(text(cheers, "title")).isEqualTo("Cheers");
        assertThat(((Element) cheers.getElementsByTagName("title").item(0)).getAttribute("lang")).isEqualTo("en");
        assertThat(text(cheers, "sub-title")).isEqualTo("Coach's Daughter");
        assertThat(episodeNumbers(cheers)).containsExactly("xmltv_ns=0.4.0/1", "onscreen=S01E05");
        Element rating = (Element) cheers.getElementsByTagName("rating").item(0);
        assertThat(rating.getAttribute("system")).isEqualTo("VCHIP");
        assertThat(text(rating, "value")).isEqualTo("TV-PG");
        Element movie = (Element) doc.getElementsByTagName("programme").item(1);
        assertThat(children(movie)).containsExactly("title");
        Element metropolis = (Element) doc.getElementsByTagName("programme").item(2);
        assertThat(metropolis.getAttribute("start")).isEqualTo("20261124000000 +0100");
        assertThat(children(metropolis)).containsExactly("title", "category", "episode-num", "episode-num", "rating");
        assertThat(episodeNumbers(metropolis)).containsExactly("xmltv_ns=.2.0/1", "onscreen=E03");
        assertThat(((Element) metropolis.getElementsByTagName("rating").item(0)).hasAttribute("system")).isFalse();
    }

    @Test
    void timesCarryTheChannelsOffsetAtThatInstantAcrossADstChange() {
        assertThat(XmltvWriter.time(Instant.parse("2026-11-23T23:00:00Z"), NEW_YORK)).isEqualTo("20261123180000 -0500");
        assertThat(XmltvWriter.time(Instant.parse("2026-07-01T23:00:00Z"), NEW_YORK)).isEqualTo("20260701190000 -0400");
        assertThat(XmltvWriter.time(Instant.parse("2026-11-01T05:30:00Z"), NEW_YORK)).isEqualTo("20261101013000 -0400");
        assertThat(XmltvWriter.time(Instant.parse("2026-11-01T06:30:00Z"), NEW_YORK)).isEqualTo("20261101013000 -0500");
        assertThat(XmltvWriter.time(Instant.parse("2026-03-29T01:00:00Z"), ZoneId.of("Europe/Berlin"))).isEqualTo("20260329030000 +0200");
    }

    @Test
    void episodeNumbersAreZeroBasedInXmltvNsAndPaddedOnScreen() {
        assertThat(EpisodeNumbers.xmltvNs(1, 5)).isEqualTo("0.4.0/1");
        assertThat(EpisodeNumbers.xmltvNs(12, 22)).isEqualTo("11.21.0/1");
        assertThat(EpisodeNumbers.xmltvNs(2, null)).isEqualTo("1..0/1");
        assertThat(EpisodeNumbers.xmltvNs(0, 3)).isEqualTo(".2.0/1");
        assertThat(EpisodeNumbers.xmltvNs(0, 0)).isNull();
        assertThat(EpisodeNumbers.xmltvNs(null, null)).isNull();
        assertThat(EpisodeNumbers.onscreen(1, 5)).isEqualTo("S01E05");
        assertThat(EpisodeNumbers.onscreen(0, 3)).isEqualTo("S00E03");
        assertThat(EpisodeNumbers.onscreen(10, 112)).isEqualTo("S10E112");
        assertThat(EpisodeNumbers.onscreen(null, null)).isNull();
    }

    @Test
    void markupIsEscapedAndCharactersXmlCannotCarryAreDropped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(List.of(new ChannelGuide(retro, List.of(
                entry(retro, T0, 30, "Tom & Jerry <Live>\u0007", "\"Quotes\" & 'apostrophes'", null, null, "Caf\u00e9 \uD83C\uDFAC", List.of(), null)))),
                out);

        Element programme = (Element) parse(out.toByteArray()).getElementsByTagName("programme").item(0);
        assertThat(text(programme, "title")).isEqualTo("Tom & Jerry <Live>");
        assertThat(text(programme, "sub-title")).isEqualTo("\"Quotes\" & 'apostrophes'");
        assertThat(text(programme, "desc")).isEqualTo("Caf\u00e9 \uD83C\uDFAC");
    }

    @Test
    void ratingSystemsAreNamedOnlyWhenRecognisable() {
        assertThat(XmltvWriter.ratingSystem("TV-14")).isEqualTo("VCHIP");
        assertThat(XmltvWriter.ratingSystem("PG-13")).isEqualTo("MPAA");
        assertThat(XmltvWriter.ratingSystem("FSK 12")).isNull();
    }

    /** Every programme of a large guide is written; how fast is benchmark B5's XMLTV writer row, not a test. */
    @Test
    void aHundredChannelsOverThreeDaysRenderEveryProgramme() throws Exception {
        List<ChannelGuide> guides = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            ChannelGuide.Channel channel = new ChannelGuide.Channel(UUID.randomUUID(), "channel-" + c, "Channel " + c, NEW_YORK);
            List<EpgEntry> entries = new ArrayList<>();
            for (int slot = 0; slot < 3 * 48; slot++) {
                entries.add(entry(channel, T0.plus(Duration.ofMinutes(30L * slot)), 30, "Series " + (slot % 40), "Episode " + slot, 1 + slot / 24,
                        1 + slot % 24, "An episode of a long-running series, with a description of ordinary length.", List.of("Comedy"), "TV-PG"));
            }
            guides.add(new ChannelGuide(channel, entries));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(guides, out);

        Document xml = parse(out.toByteArray());
        assertThat(xml.getElementsByTagName("channel").getLength()).isEqualTo(100);
        assertThat(xml.getElementsByTagName("programme").getLength()).isEqualTo(100 * 3 * 48);
    }

    private static EpgEntry entry(ChannelGuide.Channel channel, Instant start, long minutes, String title, String episodeTitle, Integer season,
            Integer episode, String description, List<String> categories, String rating) {
        return new EpgEntry(UUID.randomUUID(), channel.id(), start, start.plus(Duration.ofMinutes(minutes)), title, episodeTitle, season,
                episode, description, categories, rating, UUID.randomUUID());
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> children(Element parent) {
        List<String> names = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                names.add(nodes.item(i).getNodeName());
            }
        }
        return names;
    }

    private static List<String> episodeNumbers(Element programme) {
        List<String> numbers = new ArrayList<>();
        NodeList nodes = programme.getElementsByTagName("episode-num");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            numbers.add(e.getAttribute("system") + "=" + e.getTextContent());
        }
        return numbers;
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }

    /** Counts what would be sent to a client. */
}
