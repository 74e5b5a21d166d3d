package trade.caravan.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import trade.caravan.notifications.web.MailBodyText.Segment;

class MailBodyTextTests {

    @Test
    void httpAndHttpsUrlsBecomeLinksAndTheRestStaysText() {
        assertThat(MailBodyText.segments("Verify: https://caravan.localhost/verify?token=abc&x=1\nThanks"))
                .containsExactly(new Segment("Verify: ", false),
                        new Segment("https://caravan.localhost/verify?token=abc&x=1", true),
                        new Segment("\nThanks", false));
        assertThat(MailBodyText.segments("http://example.com")).containsExactly(new Segment("http://example.com", true));
    }

    @Test
    void sentencePunctuationIsNotPartOfTheLink() {
        assertThat(MailBodyText.segments("See (https://example.com/a). 请访问 https://example.com/b。"))
                .containsExactly(new Segment("See (", false), new Segment("https://example.com/a", true),
                        new Segment("). 请访问 ", false), new Segment("https://example.com/b", true),
                        new Segment("。", false));
    }

    @Test
    void otherSchemesAndMarkupStayText() {
        String body = "javascript:alert(1) data:text/html,<b>x</b> <a href=\"https://evil.example\">x</a> ftp://x";
        List<Segment> segments = MailBodyText.segments(body);
        assertThat(segments).filteredOn(Segment::link).extracting(Segment::text)
                .containsExactly("https://evil.example");
        assertThat(String.join("", segments.stream().map(Segment::text).toList())).isEqualTo(body);
    }

    @Test
    void aUrlWithoutAHostIsNotALink() {
        assertThat(MailBodyText.segments("https:///nohost")).containsExactly(new Segment("https:///nohost", false));
    }
}
