package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.VitalSign;

/**
 * The live panel's and the conversation video's words are in every language (live.js and video.js write nothing of
 * their own): the three consultation bundles hold the same keys, and the live panel's template passes a label for
 * every device kind and every vital sign a station may stream, so a new code is not shown raw in one language.
 */
class LivePanelMessagesTest {

    @Test
    void theConsultationBundlesHoldTheSameKeys() throws IOException {
        Properties base = bundle("i18n/consultation.properties");
        assertThat(bundle("i18n/consultation_fr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(base.stringPropertyNames());
        assertThat(bundle("i18n/consultation_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(base.stringPropertyNames());
    }

    @Test
    void theLivePanelPassesALabelForEveryDeviceKindAndVitalSign() throws IOException {
        String template = resource("templates/consultation/live-panel.html");
        Properties english = bundle("i18n/consultation_en.properties");
        List<String> codes = new ArrayList<>();
        for (DeviceKind k : DeviceKind.values()) {
            codes.add("kind." + k.name());
        }
        for (VitalSign s : VitalSign.values()) {
            codes.add("sign." + s.name());
        }
        for (String code : codes) {
            String key = "consultation.live." + code;
            String attribute = "th:data-msg-" + code.replace('.', '-').toLowerCase(Locale.ROOT);
            assertThat(template).as(code).contains(attribute + "=\"#{" + key + "}\"");
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        }
    }

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = stream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String path) {
        InputStream in = LivePanelMessagesTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
